package io.tlsready.adapters.winrm.wsman;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One element of a parsed WS-Management message: a tiny immutable tree, namespace-aware and prefix-free.
 *
 * @param namespace     namespace URI, {@code ""} when unqualified (WQL {@code XmlFragment} properties)
 * @param name          local name
 * @param attributes    attributes by local name (the first wins if two namespaces use the same name)
 * @param children      child elements in document order
 * @param text          the element's own character data (not its descendants'), untrimmed
 * @param textNamespace when the trimmed text is a QName such as {@code w:TimedOut}, the namespace its prefix had
 *                      in scope (SOAP fault codes, MS-WSMV 2.2.4.43); otherwise {@code ""}
 * @param nil           {@code xsi:nil="true"} (a WMI null property)
 */
public record XmlElement(
        String namespace,
        String name,
        Map<String, String> attributes,
        List<XmlElement> children,
        String text,
        String textNamespace,
        boolean nil) {

    public XmlElement {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        attributes = Map.copyOf(attributes);
        children = List.copyOf(children);
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(textNamespace, "textNamespace");
    }

    /** The first child with this local name, in any namespace. */
    public Optional<XmlElement> child(String localName) {
        for (XmlElement c : children) {
            if (c.name.equals(localName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** All children with this local name, in any namespace. */
    public List<XmlElement> children(String localName) {
        List<XmlElement> out = new ArrayList<>();
        for (XmlElement c : children) {
            if (c.name.equals(localName)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The first descendant (depth first, this element excluded) with this local name. */
    public Optional<XmlElement> descendant(String localName) {
        for (XmlElement c : children) {
            if (c.name.equals(localName)) {
                return Optional.of(c);
            }
            Optional<XmlElement> deeper = c.descendant(localName);
            if (deeper.isPresent()) {
                return deeper;
            }
        }
        return Optional.empty();
    }

    /** All descendants with this local name, depth first. */
    public List<XmlElement> descendants(String localName) {
        List<XmlElement> out = new ArrayList<>();
        collect(localName, out);
        return out;
    }

    private void collect(String localName, List<XmlElement> out) {
        for (XmlElement c : children) {
            if (c.name.equals(localName)) {
                out.add(c);
            }
            c.collect(localName, out);
        }
    }

    public Optional<String> attribute(String localName) {
        return Optional.ofNullable(attributes.get(localName));
    }

    /** The element's own text, trimmed. */
    public String trimmedText() {
        return text.strip();
    }

    /** All character data of this element and its descendants, whitespace collapsed to single spaces. */
    public String textContent() {
        StringBuilder sb = new StringBuilder();
        appendText(sb);
        return sb.toString().replaceAll("\\s+", " ").strip();
    }

    private void appendText(StringBuilder sb) {
        sb.append(text).append(' ');
        for (XmlElement c : children) {
            c.appendText(sb);
        }
    }

    /** True if the namespace is one of {@code namespaces}. */
    public boolean in(java.util.Set<String> namespaces) {
        return namespaces.contains(namespace);
    }

    /** The text as a QName's local part: {@code "w:TimedOut"} to {@code "TimedOut"}. */
    public String qnameLocal() {
        String t = trimmedText();
        int colon = t.indexOf(':');
        return colon < 0 ? t : t.substring(colon + 1);
    }
}
