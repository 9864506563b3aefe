package io.tlsready.sim;

import static io.tlsready.sim.wmi.SoapAnswer.fault;
import static io.tlsready.sim.wmi.SoapAnswer.ok;

import io.tlsready.adapters.winrm.wsman.WsmanNs;
import io.tlsready.adapters.winrm.wsman.WsmanRequest;
import io.tlsready.adapters.winrm.wsman.WsmanResponses;
import io.tlsready.adapters.winrm.wsman.WsmanTransportException;
import io.tlsready.sim.wmi.SoapAnswer;
import java.util.List;

/**
 * The SOAP-level {@link FaultKind faults} the simulator injects instead of an answer, in the shapes Windows (or a
 * hostile host) sends: a server fault, an operation timeout, an oversized, malformed or DOCTYPE-carrying envelope.
 */
final class SoapFaults {

    private SoapFaults() {
    }

    /** SOAP-level injected faults, in Windows' shapes. */
    static SoapAnswer injected(FaultKind kind, byte[] soap, String machine) {
        String id = relatesTo(soap);
        switch (kind) {
            case SERVER_FAULT:
                return fault(WsmanResponses.fault(id, "Receiver", "w:InternalError", "The WS-Management service"
                        + " cannot process the request because of an internal error (injected by the simulator). ",
                        2147500037L, machine));
            case TIMED_OUT:
                return fault(WsmanResponses.timedOut(id, machine));
            case OVERSIZED:
                return ok(oversized(id));
            case MALFORMED: {
                String whole = WsmanResponses.enumerateResponse(id, List.of(), null);
                return ok(whole.substring(0, whole.length() / 2) + "<w:Items><unclosed");
            }
            case DOCTYPE:
                return ok(XXE_PROLOG + WsmanResponses.enumerateResponse(id, List.of(), null)
                        .replace("<n:EnumerationContext>", "<n:EnumerationContext>&xxe;"));
            default:
                throw new IllegalArgumentException(kind + " is not a SOAP-level fault");
        }
    }

    /** What an attacker-controlled host would send to make a careless client read a local file into the reply. */
    static final String XXE_PROLOG = "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
            + "<!DOCTYPE s:Envelope [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";

    /** Four times the largest MaxEnvelopeSize Windows allows by default (512000 bytes). */
    static final int OVERSIZED_BYTES = 4 * 512_000;

    private static String oversized(String id) {
        StringBuilder pad = new StringBuilder(OVERSIZED_BYTES + 64);
        pad.append("<w:Items><p:Pad xmlns:p=\"urn:tlsready:simulator\">");
        while (pad.length() < OVERSIZED_BYTES) {
            pad.append("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
        }
        pad.append("</p:Pad></w:Items>");
        return WsmanResponses.envelope(WsmanNs.ACTION_ENUMERATE_RESPONSE, id,
                "<n:EnumerateResponse><n:EnumerationContext></n:EnumerationContext>" + pad
                        + "<w:EndOfSequence/></n:EnumerateResponse>");
    }

    private static String relatesTo(byte[] soap) {
        try {
            return WsmanRequest.parse(soap).messageId();
        } catch (WsmanTransportException e) {
            return null;
        }
    }
}
