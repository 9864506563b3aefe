package io.tlsready.sim.wmi;

import static io.tlsready.sim.wmi.SoapAnswer.fault;
import static io.tlsready.sim.wmi.SoapAnswer.ok;

import io.tlsready.adapters.winrm.wsman.WsmanMessages;
import io.tlsready.adapters.winrm.wsman.WsmanNs;
import io.tlsready.adapters.winrm.wsman.WsmanRequest;
import io.tlsready.adapters.winrm.wsman.WsmanResponses;
import io.tlsready.adapters.winrm.wsman.WsmanTransportException;
import io.tlsready.domain.facts.HostFacts;
import java.util.List;
import java.util.OptionalLong;

/**
 * Answers WS-Management requests for one simulated host from its facts: StdRegProv Invoke (root\default or
 * root\cimv2: EnumKey, EnumValues, Get{DWORD,QWORD,String,ExpandedString,MultiString,Binary}Value, and the writes
 * CreateKey, Set…Value, DeleteValue, DeleteKey) over a {@link SimulatedRegistry} that the writes change, and Enumerate / Pull / Release of {@code Win32_OperatingSystem} and
 * {@code Win32_QuickFixEngineering} (WQL through {@code root/cimv2/*} or the class URI). Replies are built by
 * {@link WsmanResponses}, i.e. in the shapes Windows uses. Thread-safe (one host may have several connections).
 * This class parses the request, checks the envelope size and dispatches: {@link StdRegProvMethods} answer the
 * registry, {@link WqlEnumerations} over {@link Win32Classes} the WMI queries.
 *
 * <p>WMI classes: Win32_OperatingSystem comes from the SystemInfo fact (Caption, Version, BuildNumber,
 * ProductType, OSArchitecture, ServicePackMajorVersion, CSDVersion, CSName), Win32_QuickFixEngineering from the
 * InstalledUpdates fact (one instance per KB). When the evidence lacks the fact, the query fails as a WMI provider
 * failure does on Windows (w:InternalError, WBEM_E_FAILED), so a client reports it NOT_COLLECTED; other classes get
 * n:CannotProcessFilter, as Windows answers a WQL query naming a class that is not in the namespace.
 */
public final class WmiResponder {

    private static final String CIMV2_STD_REG_PROV = WsmanNs.WMI_BASE + "root/cimv2/StdRegProv";
    /** Windows refuses a MaxEnvelopeSize below 8192 with w:EncodingLimit (MS-WSMV 3.1.4.1.7). */
    private static final long MIN_ENVELOPE = 8192;

    private final String machine;
    private final StdRegProvMethods registry;
    private final WqlEnumerations wql;

    public WmiResponder(String machine, HostFacts facts) {
        this(machine, facts, List.of(), () -> { });
    }

    /**
     * A host whose registry takes StdRegProv writes.
     *
     * @param writeDenied key prefixes ({@code HKLM\…}, physical paths) under which every write answers 5
     * @param onWrite     told of every successful write (the drop-after fault counts them)
     */
    public WmiResponder(String machine, HostFacts facts, List<String> writeDenied, Runnable onWrite) {
        this.machine = machine;
        this.registry = new StdRegProvMethods(machine, new SimulatedRegistry(facts.values(), facts.keys()),
                writeDenied, onWrite);
        this.wql = new WqlEnumerations(machine, new Win32Classes(machine, facts.systemInfo(), facts.updates()));
    }

    /** The host's whole registry as a regedit-style .reg file (UTF-16LE with BOM), as it is now. */
    public byte[] registryExport() {
        synchronized (registry) {
            return RegistryExport.bytes(registry.registry());
        }
    }

    /** Answers one plaintext SOAP request. */
    public SoapAnswer answer(byte[] soap) {
        WsmanRequest req;
        try {
            req = WsmanRequest.parse(soap);
        } catch (WsmanTransportException e) {
            return new SoapAnswer(400, WsmanResponses.fault(null, "Sender", "w:SchemaValidationError",
                    "The SOAP XML in the message does not match the corresponding XML schema definition. ",
                    2150858817L, machine));
        }
        String id = req.messageId();
        OptionalLong max = req.maxEnvelopeSize();
        if (max.isPresent() && max.getAsLong() < MIN_ENVELOPE) {
            return fault(WsmanResponses.fault(id, "Sender", "w:EncodingLimit", "The WS-Management service cannot"
                    + " process the request because the MaxEnvelopeSize is less than 8192. ", null, machine));
        }
        SoapAnswer answer = dispatch(req, id);
        if (answer.status() == 200 && max.isPresent() && answer.xml().length() > max.getAsLong()) {
            return fault(WsmanResponses.fault(id, "Receiver", "w:EncodingLimit", "The response that the"
                    + " WS-Management service computed exceeds the maximum envelope size in the request. ", null,
                    machine));
        }
        return answer;
    }

    private SoapAnswer dispatch(WsmanRequest req, String id) {
        String action = req.action();
        for (String classUri : new String[] {WsmanMessages.STD_REG_PROV, CIMV2_STD_REG_PROV}) {
            if (action.startsWith(classUri + "/")) {
                return registry.invoke(req, id, classUri, action.substring(classUri.length() + 1));
            }
        }
        if (action.equals(WsmanNs.ACTION_ENUMERATE)) {
            return wql.enumerate(req, id);
        }
        if (action.equals(WsmanNs.ACTION_PULL)) {
            return wql.pull(req, id);
        }
        if (action.equals(WsmanNs.ACTION_RELEASE)) {
            req.enumerationContext().ifPresent(wql::forget);
            return ok(WsmanResponses.envelope(WsmanNs.WSEN + "/ReleaseResponse", id, ""));
        }
        return fault(WsmanResponses.fault(id, "Sender", "a:ActionNotSupported", "The action is not supported by"
                + " the service. ", 2150858771L, machine));
    }
}
