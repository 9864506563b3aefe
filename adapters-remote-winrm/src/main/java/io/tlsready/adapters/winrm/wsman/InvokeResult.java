package io.tlsready.adapters.winrm.wsman;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A WMI method's {@code <p:<Method>_OUTPUT>} (MS-WSMV 4.1.4): the ReturnValue and the out-parameters. Arrays are
 * repeated elements, so every parameter holds a list; {@code xsi:nil} elements count as present but empty.
 * Parameter names match case-insensitively, like WMI.
 */
public record InvokeResult(String method, long returnValue, Map<String, List<String>> out) {

    public InvokeResult {
        Objects.requireNonNull(method, "method");
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        out.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        out = Collections.unmodifiableMap(copy);
    }

    /** Reads {@code <X_OUTPUT>} from a response body payload. */
    public static InvokeResult from(XmlElement output) {
        String name = output.name();
        if (!name.endsWith("_OUTPUT")) {
            throw WsmanXml.protocol("expected a method _OUTPUT element, got " + name);
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        OptionalLong rv = OptionalLong.empty();
        for (XmlElement p : output.children()) {
            if (p.name().equalsIgnoreCase("ReturnValue")) {
                rv = parseUnsigned(p.trimmedText(), 64);
                if (rv.isEmpty()) {
                    throw WsmanXml.protocol(name + " has a ReturnValue that is not a number: "
                            + WsmanXml.oneLine(p.trimmedText()));
                }
                continue;
            }
            List<String> values = params.computeIfAbsent(p.name(), k -> new ArrayList<>());
            if (!p.nil()) {
                values.add(p.children().isEmpty() ? p.text() : p.textContent());
            }
        }
        if (rv.isEmpty()) {
            throw WsmanXml.protocol(name + " has no ReturnValue");
        }
        return new InvokeResult(name.substring(0, name.length() - "_OUTPUT".length()), rv.getAsLong(), params);
    }

    public List<String> all(String param) {
        return out.getOrDefault(param, List.of());
    }

    /** The first value of a parameter, if present and not nil. */
    public Optional<String> first(String param) {
        List<String> v = all(param);
        return v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /**
     * An unsigned number of at most {@code bits} bits, as the unsigned bit pattern in a long (uint32 fits,
     * uint64 above 2^63 comes back negative: use {@link Long#toUnsignedString}).
     */
    public static OptionalLong parseUnsigned(String text, int bits) {
        String t = text.strip();
        if (t.isEmpty() || t.length() > 20 || !t.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        try {
            long v = Long.parseUnsignedLong(t);
            if (bits < 64 && Long.compareUnsigned(v, (1L << bits) - 1) > 0) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(v);
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
