package io.tlsready.adapters.winrm.wsman;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The one hardened XML reader for everything a WinRM host sends back. A reply is untrusted input from the
 * network: no DTD is processed (a DOCTYPE anywhere is refused outright, so no entity, internal or external,
 * can expand or reach the file system or network), nothing is resolved, the size is bounded before parsing,
 * and the nesting depth is bounded while parsing. Namespace-aware and prefix-agnostic.
 *
 * <p>Registry data is whatever a host holds, including characters XML 1.0 cannot carry (ESC and other C0
 * controls, U+FFFE, U+FFFF). A host may send them raw or as character references; either way they reach element
 * text and attributes exactly ({@link NonXmlCharacters}), instead of failing the whole host. They stay data: no markup,
 * entity or DTD handling changes.
 *
 * <p>{@link #parseReply} is the entry point the client uses; it turns SOAP faults into {@link WsmanFault}.
 * {@link #parse} returns faults as data (servers and tests reading requests use it).
 */
public final class WsmanXml {

    /** Extra room over MaxEnvelopeSize: the server's limit counts the envelope, not e.g. an XML declaration. */
    public static final int SIZE_MARGIN = 32 * 1024;
    /** WS-Man messages nest about 12 deep (fault details with provider faults); anything far deeper is hostile. */
    public static final int MAX_DEPTH = 64;

    private static final Pattern QNAME = Pattern.compile("[A-Za-z_][\\w.\\-]*:[A-Za-z_][\\w.\\-]*");
    private static final XMLInputFactory FACTORY = hardenedFactory();

    private WsmanXml() {
    }

    /** The largest reply accepted when the request asked for {@code maxEnvelopeSize} (MS-WSMV 3.1.4.1.7). */
    public static int replyLimit(int maxEnvelopeSize) {
        return maxEnvelopeSize + SIZE_MARGIN;
    }

    /**
     * Parses a reply and fails on anything but a normal response.
     *
     * @throws WsmanFault               when the body is a SOAP fault
     * @throws WsmanTransportException  (PROTOCOL or OVERSIZED) when the reply is not a usable SOAP envelope
     */
    public static Envelope parseReply(byte[] body, int maxBytes) {
        Envelope env = parse(body, maxBytes);
        if (env.isFault()) {
            throw WsmanFault.from(env);
        }
        return env;
    }

    /**
     * Parses an envelope (reply or request) without interpreting faults.
     *
     * @throws WsmanTransportException (PROTOCOL or OVERSIZED) when it is not a usable SOAP envelope
     */
    public static Envelope parse(byte[] body, int maxBytes) {
        if (body == null || body.length == 0) {
            throw protocol("empty reply (no SOAP envelope)");
        }
        if (body.length > maxBytes) {
            throw new WsmanTransportException(WsmanTransportException.Kind.OVERSIZED, "reply of " + body.length
                    + " bytes exceeds the limit of " + maxBytes + " bytes (MaxEnvelopeSize plus margin); refused");
        }
        if (containsDoctype(body)) {
            throw doctype();
        }
        XmlElement root = readTree(body);
        if (!root.name().equals("Envelope") || !WsmanNs.SOAP.contains(root.namespace())) {
            throw protocol("not a SOAP envelope: root element is {" + root.namespace() + "}" + root.name());
        }
        XmlElement header = null;
        XmlElement soapBody = null;
        for (XmlElement c : root.children()) {
            if (!c.namespace().equals(root.namespace())) {
                continue;
            }
            if (c.name().equals("Header") && header == null) {
                header = c;
            } else if (c.name().equals("Body") && soapBody == null) {
                soapBody = c;
            }
        }
        if (soapBody == null) {
            throw protocol("SOAP envelope without a Body");
        }
        if (header == null) {
            header = new XmlElement(root.namespace(), "Header", Map.of(), List.of(), "", "", false);
        }
        return new Envelope(root.namespace(), header, soapBody);
    }

    private static XmlElement readTree(byte[] body) {
        XMLStreamReader r = null;
        try {
            r = FACTORY.createXMLStreamReader(new StringReader(NonXmlCharacters.shield(decode(body))));
            Deque<Builder> stack = new ArrayDeque<>();
            XmlElement root = null;
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.DTD:
                        throw doctype();
                    case XMLStreamConstants.ENTITY_REFERENCE:
                        throw protocol("entity reference &" + r.getLocalName() + "; refused (no DTD entities)");
                    case XMLStreamConstants.START_ELEMENT:
                        if (root != null) {
                            throw protocol("content after the root element");
                        }
                        if (stack.size() >= MAX_DEPTH) {
                            throw protocol("elements nested deeper than " + MAX_DEPTH + " levels; refused");
                        }
                        stack.push(start(r));
                        break;
                    case XMLStreamConstants.CHARACTERS:
                    case XMLStreamConstants.CDATA:
                    case XMLStreamConstants.SPACE:
                        if (!stack.isEmpty()) {
                            stack.peek().text.append(r.getText());
                        }
                        break;
                    case XMLStreamConstants.END_ELEMENT:
                        Builder done = stack.pop();
                        XmlElement element = done.build(r);
                        if (stack.isEmpty()) {
                            root = element;
                        } else {
                            stack.peek().children.add(element);
                        }
                        break;
                    default:
                        break;
                }
            }
            if (root == null) {
                throw protocol("no root element");
            }
            return root;
        } catch (XMLStreamException | RuntimeException e) {
            if (e instanceof WsmanTransportException w) {
                throw w;
            }
            throw protocol("malformed XML: " + oneLine(e.getMessage()), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release for an in-memory stream
                }
            }
        }
    }

    private static Builder start(XMLStreamReader r) {
        Builder b = new Builder(r.getNamespaceURI() == null ? "" : r.getNamespaceURI(), r.getLocalName());
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String ns = r.getAttributeNamespace(i);
            String local = r.getAttributeLocalName(i);
            String value = r.getAttributeValue(i);
            if (WsmanNs.XSI.equals(ns) && local.equals("nil")) {
                b.nil = "true".equals(value.strip()) || "1".equals(value.strip());
            }
            b.attributes.putIfAbsent(local, value);
        }
        return b;
    }

    private static final class Builder {
        final String namespace;
        final String name;
        final Map<String, String> attributes = new LinkedHashMap<>();
        final List<XmlElement> children = new ArrayList<>();
        final StringBuilder text = new StringBuilder();
        boolean nil;

        Builder(String namespace, String name) {
            this.namespace = namespace;
            this.name = name;
        }

        XmlElement build(XMLStreamReader r) {
            String t = NonXmlCharacters.unshield(text.toString());
            attributes.replaceAll((k, v) -> NonXmlCharacters.unshield(v));
            String textNs = "";
            String trimmed = t.strip();
            if (children.isEmpty() && QNAME.matcher(trimmed).matches()) {
                String uri = r.getNamespaceContext().getNamespaceURI(trimmed.substring(0, trimmed.indexOf(':')));
                textNs = uri == null ? "" : uri;
            }
            return new XmlElement(namespace, name, attributes, children, t, textNs, nil);
        }
    }

    /**
     * Decodes strictly, so that bad bytes are our error and not the JDK parser's stderr noise: UTF-16 when a BOM
     * or a {@code <} in UTF-16 says so, else UTF-8 (WinRM sends {@code application/soap+xml;charset=UTF-8}).
     */
    private static String decode(byte[] body) {
        Charset cs = StandardCharsets.UTF_8;
        int skip = 0;
        if (body.length >= 2 && (body[0] & 0xFF) == 0xFE && (body[1] & 0xFF) == 0xFF) {
            cs = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (body.length >= 2 && (body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xFE) {
            cs = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (body.length >= 2 && body[0] == '<' && body[1] == 0) {
            cs = StandardCharsets.UTF_16LE;
        } else if (body.length >= 2 && body[0] == 0 && body[1] == '<') {
            cs = StandardCharsets.UTF_16BE;
        } else if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB
                && (body[2] & 0xFF) == 0xBF) {
            skip = 3;
        }
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body, skip, body.length - skip)).toString();
        } catch (CharacterCodingException e) {
            throw protocol("reply is not valid " + cs.name() + " text");
        }
    }

    /** A DOCTYPE in any encoding we can see cheaply (UTF-8/ASCII or UTF-16 either order). */
    private static boolean containsDoctype(byte[] body) {
        return indexOf(body, "<!DOCTYPE".getBytes(StandardCharsets.US_ASCII)) >= 0
                || indexOf(body, "<!DOCTYPE".getBytes(StandardCharsets.UTF_16LE)) >= 0
                || indexOf(body, "<!DOCTYPE".getBytes(StandardCharsets.UTF_16BE)) >= 0;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static XMLInputFactory hardenedFactory() {
        // The JDK's own implementation, whatever StAX provider the classpath brings (Woodstox etc.).
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_VALIDATING, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setXMLReporter((message, type, info, location) -> {
            // Warnings are not errors; errors surface as exceptions. Nothing goes to stderr.
        });
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resource refused: " + systemId);
        });
        return f;
    }

    static WsmanTransportException doctype() {
        return protocol("reply contains a DOCTYPE (DTDs and entities are refused in WS-Management messages)");
    }

    static WsmanTransportException protocol(String message) {
        return new WsmanTransportException(WsmanTransportException.Kind.PROTOCOL, message);
    }

    static WsmanTransportException protocol(String message, Throwable cause) {
        return new WsmanTransportException(WsmanTransportException.Kind.PROTOCOL, message, cause);
    }

    static String oneLine(String s) {
        if (s == null) {
            return "(no detail)";
        }
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() > 300 ? t.substring(0, 297) + "..." : t;
    }
}
