package io.tlsready.sim.wmi;

import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.RegistryPaths;
import io.tlsready.domain.output.RegText;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A simulated host's whole registry as regedit exports it: "Windows Registry Editor Version 5.00", UTF-16LE with a
 * byte-order mark, CRLF, keys sorted (segment by segment, case-insensitive), values sorted by name, REG_SZ quoted,
 * REG_DWORD as {@code dword:}, everything else as {@code hex(N):} bytes wrapped at 80 columns. Deterministic: the
 * same registry gives the same bytes, so two runs compare byte for byte.
 *
 * <p>Names are evidence, so hostile: a key path a {@code [...]} line cannot carry, or a value name quotes cannot,
 * is left out and named in a {@code ;} comment shown with every control visible ({@link RegText#comment}); so is a
 * REG_SZ whose text quotes cannot carry, which goes out as {@code hex(1):} bytes. Keys the simulator answers 5 for
 * (denied) and values it lists but will not read (never collected) are marked by comments after the key's values.
 */
final class RegistryExport {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int WRAP = 80;

    private RegistryExport() {
    }

    static byte[] bytes(SimulatedRegistry registry) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xFE);
        out.writeBytes(text(registry).getBytes(StandardCharsets.UTF_16LE));
        return out.toByteArray();
    }

    static String text(SimulatedRegistry registry) {
        StringBuilder sb = new StringBuilder("Windows Registry Editor Version 5.00\r\n");
        for (SimulatedRegistry.Key key : registry.sortedKeys()) {
            String path = RegistryPaths.longForm(key.path());
            if (!RegText.canQuote(path) || path.startsWith("-")) {
                sb.append("\r\n; tlsready-sim: left out key ").append(RegText.comment(path))
                        .append(": a .reg file cannot carry its name\r\n");
                continue;
            }
            sb.append("\r\n[").append(path).append("]\r\n");
            List<String> notes = new ArrayList<>();
            for (Map.Entry<String, RegValue> v : key.values().entrySet()) {
                String name = v.getKey();
                if (!name.isEmpty() && !RegText.canQuote(name)) {
                    notes.add("left out value " + RegText.comment(name) + ": a .reg file cannot carry its name");
                    continue;
                }
                sb.append(name.isEmpty() ? "@" : RegText.quoted("value name", name)).append('=');
                data(sb, v.getValue());
                sb.append("\r\n");
            }
            for (String name : key.names()) {
                if (key.uncollected(name)) {
                    notes.add("value " + RegText.comment(name) + " is listed but unreadable (access denied)");
                }
            }
            if (key.denied()) {
                notes.add("access denied: StdRegProv answers 5 for this key");
            }
            notes.forEach(n -> sb.append("; tlsready-sim: ").append(n).append("\r\n"));
        }
        return sb.append("\r\n").toString();
    }

    private static void data(StringBuilder sb, RegValue v) {
        if (v instanceof RegValue.Dword d) {
            sb.append("dword:").append(String.format("%08x", d.value()));
        } else if (v instanceof RegValue.Str s && !s.expand() && RegText.canQuote(s.value())) {
            sb.append(RegText.quoted("REG_SZ data", s.value()));
        } else if (v instanceof RegValue.Str s) {
            hex(sb, s.expand() ? 2 : 1, utf16z(s.value()));
        } else if (v instanceof RegValue.MultiStr m) {
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            m.values().forEach(item -> data.writeBytes(utf16z(item)));
            data.write(0);
            data.write(0);
            hex(sb, 7, data.toByteArray());
        } else if (v instanceof RegValue.Qword q) {
            byte[] data = new byte[8];
            for (int i = 0; i < 8; i++) {
                data[i] = (byte) (q.value() >>> (8 * i));
            }
            hex(sb, 11, data);
        } else {
            RegValue.Raw r = (RegValue.Raw) v;
            hex(sb, r.type(), r.data());
        }
    }

    private static byte[] utf16z(String text) {
        return (text + "\0").getBytes(StandardCharsets.UTF_16LE);
    }

    /** {@code hex:} (REG_BINARY) or {@code hex(N):} bytes, wrapped like regedit with ",\" and two spaces. */
    private static void hex(StringBuilder sb, int type, byte[] data) {
        int lineStart = sb.lastIndexOf("\n") + 1;
        sb.append(type == 3 ? "hex:" : "hex(" + Integer.toHexString(type) + "):");
        int column = sb.length() - lineStart;
        for (int i = 0; i < data.length; i++) {
            sb.append(HEX[(data[i] >> 4) & 0xF]).append(HEX[data[i] & 0xF]);
            column += 2;
            if (i < data.length - 1) {
                sb.append(',');
                column++;
                if (column > WRAP - 4) {
                    sb.append("\\\r\n  ");
                    column = 2;
                }
            }
        }
    }
}
