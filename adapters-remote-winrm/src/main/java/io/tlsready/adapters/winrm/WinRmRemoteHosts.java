package io.tlsready.adapters.winrm;

import io.tlsready.adapters.winrm.kerberos.KerberosException;
import io.tlsready.adapters.winrm.ntlm.NtlmException;
import io.tlsready.adapters.winrm.transport.SharedTransports;
import io.tlsready.adapters.winrm.wsman.WinRmFactsCollector;
import io.tlsready.adapters.winrm.wsman.WsmanFault;
import io.tlsready.adapters.winrm.wsman.WsmanOptions;
import io.tlsready.adapters.winrm.wsman.WsmanTransport;
import io.tlsready.adapters.winrm.wsman.WsmanTransportException;
import io.tlsready.domain.facts.FactsRequest;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.port.FactsSource;
import io.tlsready.domain.port.HintedText;
import io.tlsready.domain.port.RemoteFailure;
import io.tlsready.domain.port.RemoteHosts;
import io.tlsready.domain.port.RemoteTarget;
import java.util.Objects;

/**
 * The {@link RemoteHosts} port over WinRM: each {@link FactsSource#collect} opens a transport for the host, runs
 * {@link WinRmFactsCollector}, and closes the transport. Failures become a {@link RemoteFailure} whose
 * {@code transientFailure} says whether the fleet may retry, with their hints (what the user can do) kept for the
 * app to word. All hosts share the adapter's one event loop ({@link SharedTransports}, also used by fix's
 * editors), created lazily on the first call to any host and released by {@link #close()}.
 */
final class WinRmRemoteHosts implements RemoteHosts, AutoCloseable {

    private final WsmanOptions options;
    private final SharedTransports transports;

    WinRmRemoteHosts(WsmanOptions options, SharedTransports transports) {
        this.options = Objects.requireNonNull(options, "options");
        this.transports = Objects.requireNonNull(transports, "transports");
    }

    @Override
    public FactsSource open(RemoteTarget target) {
        Objects.requireNonNull(target, "target");
        return new FactsSource() {
            @Override
            public String describe() {
                return "WinRM " + target.label();
            }

            @Override
            public HostFacts collect(FactsRequest request) {
                return WinRmRemoteHosts.this.collect(target, request);
            }

            @Override
            public String toString() {
                return describe();
            }
        };
    }

    HostFacts collect(RemoteTarget target, FactsRequest request) {
        String host = target.label();
        try (WsmanTransport transport = transports.get().open(target, options)) {
            return new WinRmFactsCollector(transport, target.host(), options).collect(request);
        } catch (WsmanTransportException e) {
            throw new RemoteFailure(host, named(host, e), e.kind().transientFailure(), e);
        } catch (WsmanFault e) {
            throw new RemoteFailure(host, e.getMessage(), e.kind().transientFailure(), e);
        } catch (NtlmException e) {
            throw new RemoteFailure(host, "NTLM: " + e.getMessage(), false, e);
        } catch (KerberosException e) {
            throw new RemoteFailure(host, e.hinted(), false, e);
        }
    }

    /**
     * The failure's line, naming the host where the parser could not: a refused reply ("reply contains a DOCTYPE")
     * must say which host sent it when it ends up on a terminal or in a log, not only in a report row.
     */
    private static HintedText named(String host, WsmanTransportException e) {
        boolean fromParser = e.kind() == WsmanTransportException.Kind.PROTOCOL
                || e.kind() == WsmanTransportException.Kind.OVERSIZED;
        return fromParser && !e.getMessage().contains(host) ? e.hinted().after(host + ": ") : e.hinted();
    }

    /** Whether an event loop was started (shared with the adapter's other ports). */
    boolean started() {
        return transports.started();
    }

    @Override
    public void close() {
        transports.close();
    }
}
