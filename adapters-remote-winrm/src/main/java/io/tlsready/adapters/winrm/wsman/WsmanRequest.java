package io.tlsready.adapters.winrm.wsman;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A request envelope as a server sees it (the simulator, test fakes): parsed with the same hardened reader as
 * replies, with accessors for the parts the WMI subset uses.
 */
public record WsmanRequest(Envelope envelope) {

    /** Requests are bounded by the largest MaxEnvelopeSizekb Windows allows by default (500 KiB, MS-WSMV 2.2.4.10). */
    public static final int MAX_REQUEST_BYTES = 512 * 1024;

    public WsmanRequest {
        Objects.requireNonNull(envelope, "envelope");
    }

    /** @throws WsmanTransportException (PROTOCOL/OVERSIZED) when it is not a usable SOAP envelope */
    public static WsmanRequest parse(byte[] body) {
        return new WsmanRequest(WsmanXml.parse(body, MAX_REQUEST_BYTES));
    }

    public String action() {
        return envelope.action().orElse("");
    }

    public String resourceUri() {
        return envelope.resourceUri().orElse("");
    }

    public String messageId() {
        return envelope.messageId().orElse("");
    }

    public String to() {
        return envelope.headerText("To").orElse("");
    }

    /** wsman:MaxEnvelopeSize, if sent and numeric. */
    public OptionalLong maxEnvelopeSize() {
        return envelope.headerText("MaxEnvelopeSize").map(t -> InvokeResult.parseUnsigned(t, 32))
                .orElse(OptionalLong.empty());
    }

    /** wsman:OperationTimeout text, e.g. {@code PT20.000S}. */
    public Optional<String> operationTimeout() {
        return envelope.headerText("OperationTimeout");
    }

    /** The selectors of wsman:SelectorSet by name (StdRegProv and WQL requests carry none). */
    public Map<String, String> selectors() {
        TreeMap<String, String> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        envelope.header().child("SelectorSet").ifPresent(set -> {
            for (XmlElement s : set.children("Selector")) {
                out.put(s.attribute("Name").orElse(""), s.trimmedText());
            }
        });
        return Collections.unmodifiableMap(out);
    }

    /** For an Invoke: the method name from the body's {@code <X_INPUT>} element. */
    public Optional<String> invokeMethod() {
        return envelope.payload().map(XmlElement::name).filter(n -> n.endsWith("_INPUT"))
                .map(n -> n.substring(0, n.length() - "_INPUT".length()));
    }

    /** For an Invoke: the in-parameters by name (case-insensitive), text as sent (not trimmed). */
    public Map<String, String> invokeParams() {
        TreeMap<String, String> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        envelope.payload().filter(p -> p.name().endsWith("_INPUT")).ifPresent(p -> {
            for (XmlElement c : p.children()) {
                out.putIfAbsent(c.name(), c.nil() ? null : c.text());
            }
        });
        return Collections.unmodifiableMap(out);
    }

    /**
     * For an Invoke: every value of one in-parameter, in order (an array is the name repeated; nil elements are
     * left out), e.g. SetMultiStringValue's {@code sValue}.
     */
    public java.util.List<String> invokeParamValues(String name) {
        java.util.List<String> out = new java.util.ArrayList<>();
        envelope.payload().filter(p -> p.name().endsWith("_INPUT")).ifPresent(p -> {
            for (XmlElement c : p.children()) {
                if (c.name().equalsIgnoreCase(name) && !c.nil()) {
                    out.add(c.text());
                }
            }
        });
        return java.util.List.copyOf(out);
    }

    /** For an Enumerate: the wsman:Filter text and its Dialect. */
    public Optional<XmlElement> filter() {
        return envelope.payload().filter(p -> p.name().equals("Enumerate")).flatMap(p -> p.child("Filter"));
    }

    /** For an Enumerate: whether wsman:OptimizeEnumeration was asked for. */
    public boolean optimizeEnumeration() {
        return envelope.payload().filter(p -> p.name().equals("Enumerate"))
                .flatMap(p -> p.child("OptimizeEnumeration")).isPresent();
    }

    /** For an Enumerate or Pull: MaxElements, if given. */
    public OptionalLong maxElements() {
        return envelope.payload().flatMap(p -> p.child("MaxElements"))
                .map(e -> InvokeResult.parseUnsigned(e.trimmedText(), 32)).orElse(OptionalLong.empty());
    }

    /** For a Pull or Release: the EnumerationContext. */
    public Optional<String> enumerationContext() {
        return envelope.payload().flatMap(p -> p.child("EnumerationContext")).map(XmlElement::trimmedText);
    }
}
