package io.tlsready.adapters.winrm.wsman;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A SOAP fault from a WinRM host (MS-WSMV 3.1.4.1.35 / 4.10; DSP0226 section 14), read from {@code s:Code},
 * {@code s:Subcode}, {@code s:Reason} and the {@code f:WSManFault} / {@code MSFT_WmiError} details.
 * {@link #getMessage()} is one line telling the admin what it means and what to do; the raw codes stay available.
 * Unlike {@link WsmanTransportException}, a fault means the host answered: it concerns one operation.
 */
public final class WsmanFault extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What the fault means, for messages, retry decisions and grouping. */
    public enum Kind {
        /** w:TimedOut: OperationTimeout elapsed on the host. */
        TIMED_OUT(true),
        /** Access denied by WinRM, WMI or the registry. */
        ACCESS_DENIED(false),
        /** The WMI class, namespace or resource URI does not exist (w:DestinationUnreachable, 0x80338000). */
        NOT_FOUND(false),
        /** n:CannotProcessFilter: the WQL query was rejected (often: class not in the namespace). */
        INVALID_FILTER(false),
        /** w:QuotaLimit: too many concurrent operations or shells for this user. */
        QUOTA_LIMIT(true),
        /** w:EncodingLimit: the reply would exceed MaxEnvelopeSize, or another size limit. */
        ENCODING_LIMIT(false),
        /** The host could not understand our request (schema, header, action, selector, option problems). */
        BAD_REQUEST(false),
        /** w:InternalError or anything the host reports as its own failure. */
        INTERNAL_ERROR(false),
        /** Anything else. */
        UNKNOWN(false);

        private final boolean transientFailure;

        Kind(boolean transientFailure) {
            this.transientFailure = transientFailure;
        }

        public boolean transientFailure() {
            return transientFailure;
        }
    }

    private static final String ACCESS_DENIED_ADVICE = "access denied: the account is not allowed to use WMI over WinRM"
            + " (add it to Remote Management Users and grant WMI Remote Enable on root\\default and root\\cimv2)";

    /** WSManFault / MSFT_WmiError codes with their meaning (wsmerror.h, winerror.h, wbemcli.h; winrm-notes §5). */
    private static final Map<Long, Meaning> CODES = Map.ofEntries(
            Map.entry(2150858793L, new Meaning(Kind.TIMED_OUT, "WinRM operation timed out on the host (OperationTimeout)")),
            Map.entry(2150859046L, new Meaning(Kind.TIMED_OUT,
                    "WinRM network operation timed out (check name resolution, firewall and the WinRM listener)")),
            Map.entry(5L, new Meaning(Kind.ACCESS_DENIED, ACCESS_DENIED_ADVICE)),
            Map.entry(0x80070005L, new Meaning(Kind.ACCESS_DENIED, ACCESS_DENIED_ADVICE)),
            Map.entry(0x80041003L, new Meaning(Kind.ACCESS_DENIED, ACCESS_DENIED_ADVICE)),
            Map.entry(2150859012L, new Meaning(Kind.ACCESS_DENIED, ACCESS_DENIED_ADVICE)),
            Map.entry(2150859013L, new Meaning(Kind.ACCESS_DENIED, ACCESS_DENIED_ADVICE)),
            Map.entry(2150859014L, new Meaning(Kind.ACCESS_DENIED, ACCESS_DENIED_ADVICE)),
            Map.entry(2150858752L, new Meaning(Kind.NOT_FOUND, "WMI class or namespace not found on the host")),
            Map.entry(0x8004100EL, new Meaning(Kind.NOT_FOUND, "WMI namespace not found on the host")),
            Map.entry(0x80041010L, new Meaning(Kind.NOT_FOUND, "WMI class not found on the host")),
            Map.entry(0x80041002L, new Meaning(Kind.NOT_FOUND, "WMI object not found on the host")),
            Map.entry(2150858778L, new Meaning(Kind.INVALID_FILTER,
                    "WMI query rejected by the host (class missing from the namespace, or invalid WQL)")),
            Map.entry(2150859173L, new Meaning(Kind.QUOTA_LIMIT,
                    "WinRM quota exceeded on the host: too many shells for this user (raise MaxShellsPerUser)")),
            Map.entry(2150859174L, new Meaning(Kind.QUOTA_LIMIT, "WinRM quota exceeded on the host: too many concurrent"
                    + " operations for this user (raise MaxConcurrentOperationsPerUser or retry later)")),
            Map.entry(2150859175L, new Meaning(Kind.QUOTA_LIMIT, "WinRM per-user quota exceeded on the host")),
            Map.entry(2150859176L, new Meaning(Kind.QUOTA_LIMIT, "WinRM system quota exceeded on the host")),
            Map.entry(2150858817L, new Meaning(Kind.BAD_REQUEST,
                    "the host rejected the request as malformed (SchemaValidationError)")),
            Map.entry(2150858843L, new Meaning(Kind.BAD_REQUEST, "the host did not accept the request's selectors")),
            Map.entry(2150858767L, new Meaning(Kind.BAD_REQUEST, "the host rejected a WS-Addressing header")),
            Map.entry(87L, new Meaning(Kind.BAD_REQUEST, "the host rejected a parameter of the request")));

    /** Fault subcodes (DSP0226 section 14.6 / MS-WSMV 3.1.4.1.35), by local name. */
    private static final Map<String, Meaning> SUBCODES = Map.ofEntries(
            Map.entry("TimedOut", CODES.get(2150858793L)),
            Map.entry("AccessDenied", new Meaning(Kind.ACCESS_DENIED, ACCESS_DENIED_ADVICE)),
            Map.entry("DestinationUnreachable", new Meaning(Kind.NOT_FOUND,
                    "WS-Management resource not found on the host (WMI class or namespace missing)")),
            Map.entry("CannotProcessFilter", CODES.get(2150858778L)),
            Map.entry("QuotaLimit", new Meaning(Kind.QUOTA_LIMIT, "WinRM quota exceeded on the host")),
            Map.entry("EncodingLimit", new Meaning(Kind.ENCODING_LIMIT,
                    "the reply would exceed a WinRM size limit on the host (MaxEnvelopeSize)")),
            Map.entry("SchemaValidationError", CODES.get(2150858817L)),
            Map.entry("InvalidSelectors", CODES.get(2150858843L)),
            Map.entry("InvalidMessageInformationHeader", CODES.get(2150858767L)),
            Map.entry("InvalidParameter", CODES.get(87L)),
            Map.entry("ActionNotSupported", new Meaning(Kind.BAD_REQUEST, "the host does not support this action")),
            Map.entry("UnsupportedFeature", new Meaning(Kind.BAD_REQUEST, "the host does not support a requested feature")),
            Map.entry("InvalidOptions", new Meaning(Kind.BAD_REQUEST, "the host rejected the request's options")),
            Map.entry("MustUnderstand", new Meaning(Kind.BAD_REQUEST,
                    "the host did not understand a mandatory header of the request")),
            Map.entry("InternalError", new Meaning(Kind.INTERNAL_ERROR, "WinRM reported an internal error on the host")));

    private record Meaning(Kind kind, String text) {
    }

    /**
     * The raw content of a fault.
     *
     * @param code          s:Code/s:Value local part ("Sender", "Receiver", "MustUnderstand"; SOAP 1.1 faultcode)
     * @param subcode       s:Subcode/s:Value local part ("TimedOut"), {@code ""} when none
     * @param subcodeNs     the namespace of the subcode's prefix, {@code ""} if unknown
     * @param reason        s:Reason/s:Text, whitespace collapsed
     * @param wsmanCode     f:WSManFault/@Code (the outermost)
     * @param wmiErrorCode  MSFT_WmiError/error_Code
     * @param detailMessage the most specific detail text: innermost WSManFault message or MSFT_WmiError Message
     * @param machine       f:WSManFault/@Machine, {@code ""} when none
     */
    public record Detail(String code, String subcode, String subcodeNs, String reason, OptionalLong wsmanCode,
            OptionalLong wmiErrorCode, String detailMessage, String machine) {
        public Detail {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(subcode, "subcode");
            Objects.requireNonNull(subcodeNs, "subcodeNs");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(wsmanCode, "wsmanCode");
            Objects.requireNonNull(wmiErrorCode, "wmiErrorCode");
            Objects.requireNonNull(detailMessage, "detailMessage");
            Objects.requireNonNull(machine, "machine");
        }
    }

    private final Kind kind;
    private final Detail detail;
    private final String context;

    private WsmanFault(Kind kind, String message, Detail detail, String context) {
        super(message);
        this.kind = kind;
        this.detail = detail;
        this.context = context;
    }

    /** Reads a fault envelope (its body must hold s:Fault). */
    public static WsmanFault from(Envelope envelope) {
        XmlElement fault = envelope.payload().orElseThrow(() -> WsmanXml.protocol("fault without a Fault element"));
        return of(read(fault), "");
    }

    /** The same fault, its message naming what the client was doing ("StdRegProv.EnumValues on HKLM\\…"). */
    public WsmanFault during(String what) {
        return of(detail, what);
    }

    private static WsmanFault of(Detail d, String context) {
        Meaning meaning = classify(d);
        return new WsmanFault(meaning.kind(), message(meaning, d, context), d, context);
    }

    public Kind kind() {
        return kind;
    }

    public Detail detail() {
        return detail;
    }

    /** What the client was doing, {@code ""} if not known. */
    public String context() {
        return context;
    }

    /** The most specific numeric code: WSManFault Code, else MSFT_WmiError error_Code. */
    public OptionalLong code() {
        return detail.wsmanCode().isPresent() ? detail.wsmanCode() : detail.wmiErrorCode();
    }

    private static Meaning classify(Detail d) {
        for (OptionalLong c : List.of(d.wsmanCode(), d.wmiErrorCode())) {
            if (c.isPresent() && CODES.containsKey(c.getAsLong())) {
                return CODES.get(c.getAsLong());
            }
        }
        if (!d.subcode().isEmpty() && SUBCODES.containsKey(d.subcode())) {
            return SUBCODES.get(d.subcode());
        }
        if (SUBCODES.containsKey(d.code())) {
            return SUBCODES.get(d.code());
        }
        return new Meaning(Kind.UNKNOWN, "WinRM fault from the host");
    }

    private static String message(Meaning meaning, Detail d, String context) {
        StringBuilder sb = new StringBuilder(meaning.text());
        if (!context.isEmpty()) {
            sb.append(" during ").append(context);
        }
        String explanation = !d.detailMessage().isEmpty() ? d.detailMessage() : d.reason();
        boolean addText = meaning.kind() == Kind.UNKNOWN || meaning.kind() == Kind.INTERNAL_ERROR
                || meaning.kind() == Kind.NOT_FOUND || meaning.kind() == Kind.INVALID_FILTER
                || meaning.kind() == Kind.BAD_REQUEST;
        if (addText && !explanation.isEmpty()) {
            sb.append(": ").append(WsmanXml.oneLine(explanation));
        }
        StringBuilder tech = new StringBuilder();
        tech.append(d.subcode().isEmpty() ? d.code() : d.subcode());
        d.wsmanCode().ifPresent(c -> tech.append(", WSMan code ").append(c).append(String.format(" (0x%08X)", c)));
        if (d.wsmanCode().isEmpty()) {
            d.wmiErrorCode().ifPresent(c -> tech.append(", WMI error ").append(c).append(String.format(" (0x%08X)", c)));
        }
        if (!tech.isEmpty()) {
            sb.append(" [").append(tech).append(']');
        }
        return sb.toString();
    }

    private static Detail read(XmlElement fault) {
        String code = "";
        String subcode = "";
        String subcodeNs = "";
        String reason = "";
        Optional<XmlElement> codeEl = fault.child("Code");
        if (codeEl.isPresent()) {
            code = codeEl.get().child("Value").map(XmlElement::qnameLocal).orElse("");
            // Subcodes nest (SOAP 1.2 part 1, 5.4.1.3); the innermost is the most specific.
            Optional<XmlElement> sub = codeEl.get().child("Subcode");
            while (sub.isPresent()) {
                Optional<XmlElement> value = sub.get().child("Value");
                if (value.isPresent()) {
                    subcode = value.get().qnameLocal();
                    subcodeNs = value.get().textNamespace();
                }
                sub = sub.get().child("Subcode");
            }
            reason = fault.child("Reason").flatMap(r -> r.child("Text")).map(XmlElement::textContent).orElse("");
        } else {
            // SOAP 1.1: faultcode / faultstring.
            code = fault.child("faultcode").map(XmlElement::qnameLocal).orElse("");
            reason = fault.child("faultstring").map(XmlElement::textContent).orElse("");
        }
        OptionalLong wsmanCode = OptionalLong.empty();
        String machine = "";
        String detailMessage = "";
        List<XmlElement> wsmanFaults = fault.descendants("WSManFault");
        if (!wsmanFaults.isEmpty()) {
            XmlElement outer = wsmanFaults.get(0);
            wsmanCode = unsigned(outer.attribute("Code").orElse(""));
            machine = outer.attribute("Machine").orElse("").strip();
            XmlElement inner = wsmanFaults.get(wsmanFaults.size() - 1);
            detailMessage = inner.child("Message").map(XmlElement::textContent).orElse("");
            if (detailMessage.isEmpty()) {
                detailMessage = outer.child("Message").map(XmlElement::textContent).orElse("");
            }
        }
        OptionalLong wmiErrorCode = OptionalLong.empty();
        Optional<XmlElement> wmi = fault.descendant("MSFT_WmiError");
        if (wmi.isPresent()) {
            wmiErrorCode = wmi.get().child("error_Code").map(e -> unsigned(e.trimmedText())).orElse(OptionalLong.empty());
            if (detailMessage.isEmpty()) {
                detailMessage = wmi.get().child("Message").filter(m -> !m.nil()).map(XmlElement::textContent).orElse("");
            }
        }
        return new Detail(code, subcode, subcodeNs, reason, wsmanCode, wmiErrorCode, detailMessage, machine);
    }

    private static OptionalLong unsigned(String text) {
        String t = text.strip();
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return OptionalLong.of(Long.parseLong(t.substring(2), 16));
            }
            long v = Long.parseLong(t);
            // Some tools print HRESULTs signed (-2144108503); keep the unsigned 32-bit form.
            return OptionalLong.of(v < 0 && v >= Integer.MIN_VALUE ? v & 0xFFFF_FFFFL : v);
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
