package io.tlsready.adapters.winrm.wsman;

import java.util.Objects;
import java.util.Optional;

/**
 * A parsed SOAP envelope (MS-WSMV 2.2.1): its header and body, and the WS-Addressing headers callers look at.
 *
 * @param header the Header element; an empty element when the message had none
 * @param body   the Body element
 */
public record Envelope(String soapNamespace, XmlElement header, XmlElement body) {

    public Envelope {
        Objects.requireNonNull(soapNamespace, "soapNamespace");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(body, "body");
    }

    /** wsa:Action, trimmed. */
    public Optional<String> action() {
        return headerText("Action");
    }

    public Optional<String> messageId() {
        return headerText("MessageID");
    }

    public Optional<String> relatesTo() {
        return headerText("RelatesTo");
    }

    /** wsman:ResourceURI (requests). */
    public Optional<String> resourceUri() {
        return headerText("ResourceURI");
    }

    /** A header element's trimmed text, by local name. */
    public Optional<String> headerText(String localName) {
        return header.child(localName).map(XmlElement::trimmedText);
    }

    /** The first element inside the body (the payload), if any. */
    public Optional<XmlElement> payload() {
        return body.children().isEmpty() ? Optional.empty() : Optional.of(body.children().get(0));
    }

    /** True when the body holds a SOAP Fault. */
    public boolean isFault() {
        return payload().filter(p -> p.name().equals("Fault") && WsmanNs.SOAP.contains(p.namespace())).isPresent();
    }
}
