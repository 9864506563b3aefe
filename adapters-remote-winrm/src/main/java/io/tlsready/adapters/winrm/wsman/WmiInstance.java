package io.tlsready.adapters.winrm.wsman;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One enumerated item: a WMI instance ({@code <p:Win32_OperatingSystem>}) or, for a WQL projection, a
 * {@code <w:XmlFragment>} with unqualified property elements. Properties match case-insensitively (WMI);
 * arrays are repeated elements; {@code xsi:nil} properties are present with no values; structured values such as
 * {@code <cim:Datetime>} are reduced to their text.
 *
 * @param className the item element's local name ("Win32_OperatingSystem", "XmlFragment")
 */
public record WmiInstance(String className, Map<String, List<String>> properties) {

    public WmiInstance {
        Objects.requireNonNull(className, "className");
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        properties.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        properties = Collections.unmodifiableMap(copy);
    }

    public static WmiInstance from(XmlElement item) {
        Map<String, List<String>> props = new LinkedHashMap<>();
        for (XmlElement p : item.children()) {
            List<String> values = props.computeIfAbsent(p.name(), k -> new ArrayList<>());
            if (!p.nil()) {
                values.add(p.children().isEmpty() ? p.text().strip() : p.textContent());
            }
        }
        return new WmiInstance(item.name(), props);
    }

    /** The first non-nil value, trimmed, empty strings kept. */
    public Optional<String> get(String property) {
        List<String> v = properties.getOrDefault(property, List.of());
        return v.isEmpty() ? Optional.empty() : Optional.of(v.get(0).strip());
    }

    public List<String> all(String property) {
        return properties.getOrDefault(property, List.of());
    }
}
