package io.tlsready.adapters.winrm.edit;

import io.tlsready.adapters.winrm.wsman.InvokeResult;
import io.tlsready.adapters.winrm.wsman.RegMethod;
import io.tlsready.domain.facts.RegValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** A {@link RegValue} as StdRegProv carries it: the setter and its in-parameters, and a getter's out-parameters. */
final class ValueWire {

    private static final int REG_BINARY = 3;

    private ValueWire() {
    }

    /**
     * The setter and its data in-parameters: {@code uValue} (uint32, uint64, or one uint8 per byte) or {@code sValue}
     * (a string, or one per item). Empty for a type StdRegProv cannot write (REG_NONE and other raw types).
     */
    static Optional<Map.Entry<RegMethod, List<Map.Entry<String, String>>>> setter(RegValue value) {
        List<Map.Entry<String, String>> data = new ArrayList<>();
        RegMethod method;
        if (value instanceof RegValue.Dword d) {
            method = RegMethod.SET_DWORD;
            data.add(Map.entry("uValue", Long.toString(d.value())));
        } else if (value instanceof RegValue.Qword q) {
            method = RegMethod.SET_QWORD;
            data.add(Map.entry("uValue", Long.toUnsignedString(q.value())));
        } else if (value instanceof RegValue.Str s) {
            method = s.expand() ? RegMethod.SET_EXPANDED_STRING : RegMethod.SET_STRING;
            data.add(Map.entry("sValue", s.value()));
        } else if (value instanceof RegValue.MultiStr m) {
            method = RegMethod.SET_MULTI_STRING;
            m.values().forEach(v -> data.add(Map.entry("sValue", v)));
        } else {
            RegValue.Raw raw = (RegValue.Raw) value;
            if (raw.type() != REG_BINARY) {
                return Optional.empty();
            }
            method = RegMethod.SET_BINARY;
            for (byte b : raw.data()) {
                data.add(Map.entry("uValue", Integer.toString(b & 0xFF)));
            }
        }
        return Optional.of(Map.entry(method, List.copyOf(data)));
    }

    /** The value from a successful getter's out-parameters, or empty when they are not what the type needs. */
    static Optional<RegValue> decode(InvokeResult r, int type) {
        switch (type) {
            case 4:
            case 11: {
                Optional<String> text = r.first("uValue");
                if (text.isEmpty()) {
                    return Optional.empty();
                }
                OptionalLong v = InvokeResult.parseUnsigned(text.get(), type == 4 ? 32 : 64);
                if (v.isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(type == 4 ? new RegValue.Dword(v.getAsLong()) : new RegValue.Qword(v.getAsLong()));
            }
            case 1:
            case 2:
                return r.first("sValue").map(s -> new RegValue.Str(s, type == 2));
            case 7:
                // An empty REG_MULTI_SZ comes back as a nil or absent sValue.
                return Optional.of(new RegValue.MultiStr(r.all("sValue")));
            default: {
                List<String> bytes = r.all("uValue");
                byte[] data = new byte[bytes.size()];
                for (int i = 0; i < data.length; i++) {
                    OptionalLong b = InvokeResult.parseUnsigned(bytes.get(i), 8);
                    if (b.isEmpty()) {
                        return Optional.empty();
                    }
                    data[i] = (byte) b.getAsLong();
                }
                return Optional.of(new RegValue.Raw(type, data));
            }
        }
    }

    static String typeName(int type) {
        return switch (type) {
            case 0 -> "REG_NONE";
            case 1 -> "REG_SZ";
            case 2 -> "REG_EXPAND_SZ";
            case 3 -> "REG_BINARY";
            case 4 -> "REG_DWORD";
            case 7 -> "REG_MULTI_SZ";
            case 11 -> "REG_QWORD";
            default -> "REG_TYPE_" + type;
        };
    }
}
