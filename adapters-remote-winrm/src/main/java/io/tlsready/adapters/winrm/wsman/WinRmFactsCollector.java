package io.tlsready.adapters.winrm.wsman;

import io.tlsready.domain.facts.EvidenceWarning;
import io.tlsready.domain.facts.Fact;
import io.tlsready.domain.facts.FactsRequest;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.facts.InstalledUpdates;
import io.tlsready.domain.facts.KeyRef;
import io.tlsready.domain.facts.Provenance;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.SystemInfo;
import io.tlsready.domain.facts.ValueRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Answers a {@link FactsRequest} from one host over WS-Management: OS identity first (one WQL round trip, which
 * also proves the host answers), then registry values through {@link WmiRegistry}, then the update list.
 * Requests per host = (1 if systemInfo) + keys + present values (+ REG_EXPAND_SZ fallbacks) + one EnumKey per parent
 * of the keys asked about by existence + (1 if updates),
 * plus Pulls for results larger than one batch.
 *
 * <p>Failure model: a fault for one part makes that part NOT_COLLECTED with the fault's one-line meaning, except
 * that a host-wide fault (w:TimedOut, quota, internal error) answering the first request propagates as a
 * {@link WsmanFault}: the host failed, and the caller reports it with that cause (and retries it when transient). A
 * transport failure ({@link WsmanTransportException}: unreachable, authentication, TLS, malformed or oversized
 * replies) propagates for the caller to report the host as failed. A host that answers but denies everything
 * yields facts that are all NOT_COLLECTED, each with the reason (the same as any other source with no evidence).
 */
public final class WinRmFactsCollector {

    private final WsmanClient client;
    private final String host;

    public WinRmFactsCollector(WsmanTransport transport, String host) {
        this(WsmanClient.of(transport), host);
    }

    public WinRmFactsCollector(WsmanTransport transport, String host, WsmanOptions options) {
        this(new WsmanClient(transport, options), host);
    }

    public WinRmFactsCollector(WsmanClient client, String host) {
        this.client = Objects.requireNonNull(client, "client");
        this.host = Objects.requireNonNull(host, "host");
    }

    /** Requests sent so far for this host. */
    public int requestCount() {
        return client.requestCount();
    }

    public HostFacts collect(FactsRequest request) {
        List<EvidenceWarning> warnings = new ArrayList<>();
        WqlFacts wql = new WqlFacts(client, host);
        Fact<SystemInfo> systemInfo = request.systemInfo()
                ? wql.systemInfo(warnings, true) : Fact.notCollected("not requested from WinRM host " + host);
        int before = client.requestCount();
        WmiRegistry registry = new WmiRegistry(client);
        Map<ValueRef, Fact<RegValue>> values = registry.read(request.values());
        Map<KeyRef, Fact<String>> keys = registry.readKeys(request.keys());
        int registryRequests = client.requestCount() - before;
        Fact<InstalledUpdates> updates = request.installedUpdates()
                ? wql.installedUpdates(warnings) : Fact.notCollected("not requested from WinRM host " + host);

        String name = systemInfo.asOptional().flatMap(SystemInfo::hostName).orElse(host);
        List<Provenance> provenance = List.of(new Provenance("winrm", client.endpoint(),
                "WS-Management WMI: StdRegProv (root\\default) " + request.physicalKeys().size() + " keys, "
                        + registryRequests + " registry requests"
                        + (request.systemInfo() ? "; WQL Win32_OperatingSystem" : "")
                        + (request.installedUpdates() ? "; WQL Win32_QuickFixEngineering" : "")
                        + "; " + client.requestCount() + " requests"));
        return new HostFacts(name, "WinRM " + client.endpoint(), values, systemInfo, updates, provenance, warnings, keys);
    }
}
