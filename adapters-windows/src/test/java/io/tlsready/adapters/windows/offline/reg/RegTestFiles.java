package io.tlsready.adapters.windows.offline.reg;

import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.RegistryPaths;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.port.HostState;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Test fixtures written by us: .reg text in the encodings regedit writes, and a host state as a regedit export. */
public final class RegTestFiles {

    static final String V5 = "Windows Registry Editor Version 5.00";

    private RegTestFiles() {
    }

    /** UTF-16LE with BOM, as regedit saves. */
    public static byte[] utf16(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] out = new byte[body.length + 2];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xFE;
        System.arraycopy(body, 0, out, 2, body.length);
        return out;
    }

    static byte[] ansi(String text) {
        return text.getBytes(Charset.forName("windows-1252"));
    }

    /** Lines joined with CRLF after the version 5 header. */
    public static String v5(String... lines) {
        return V5 + "\r\n\r\n" + String.join("\r\n", lines) + "\r\n";
    }

    /**
     * The state as {@code reg export} would write it: one file per covered subtree (a covered key not below another),
     * holding its root, every key below it that the state names and the keys between them, depth first, as reg
     * export writes every key of the subtree. CurrentControlSet is written as ControlSet001, plus an export of
     * HKLM\\SYSTEM\\Select, as an export of an offline system has it.
     */
    public static List<String> exports(HostState state) {
        Map<String, String> physicalKeys = new LinkedHashMap<>();
        Map<String, List<String>> valueLines = new LinkedHashMap<>();
        boolean controlSet = false;
        for (String key : state.coveredKeys()) {
            controlSet |= isCcs(key);
            physicalKeys.putIfAbsent(fold(physical(key)), physical(key));
        }
        for (Map.Entry<ValueRef, RegValue> e : state.present().entrySet()) {
            String key = physical(e.getKey().physicalKey());
            controlSet |= isCcs(e.getKey().physicalKey());
            physicalKeys.putIfAbsent(fold(key), key);
            valueLines.computeIfAbsent(fold(key), k -> new ArrayList<>()).add(valueLine(e.getKey().name(), e.getValue()));
        }
        List<String> roots = new ArrayList<>();
        for (String key : physicalKeys.values()) {
            boolean below = physicalKeys.values().stream()
                    .anyMatch(other -> !other.equalsIgnoreCase(key) && RegistryPaths.startsWithKey(key, other));
            if (!below) {
                roots.add(key);
            }
        }
        List<String> files = new ArrayList<>();
        if (controlSet) {
            files.add(V5 + "\r\n\r\n[HKEY_LOCAL_MACHINE\\SYSTEM\\Select]\r\n\"Current\"=dword:00000001\r\n\r\n");
        }
        for (String root : roots) {
            TreeMap<List<String>, String> subtree = new TreeMap<>(RegTestFiles::depthFirst);
            for (String key : physicalKeys.values()) {
                for (String k = key; RegistryPaths.startsWithKey(k, root); k = RegistryPaths.parent(k)) {
                    subtree.putIfAbsent(parts(k), k);
                    if (k.equalsIgnoreCase(root)) {
                        break;
                    }
                }
            }
            StringBuilder b = new StringBuilder(V5).append("\r\n\r\n");
            for (String key : subtree.values()) {
                b.append(header(key)).append("\r\n");
                valueLines.getOrDefault(fold(key), List.of()).forEach(line -> b.append(line).append("\r\n"));
                b.append("\r\n");
            }
            files.add(b.toString());
        }
        if (files.isEmpty()) {
            files.add(V5 + "\r\n\r\n");
        }
        return files;
    }

    /** Key paths in reg export order: a key before its subkeys, siblings by name. */
    private static int depthFirst(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static List<String> parts(String key) {
        return List.of(fold(key).split("\\\\"));
    }

    static String valueLine(String name, RegValue value) {
        String lhs = name.isEmpty() ? "@" : quote(name);
        return lhs + "=" + data(value);
    }

    private static String data(RegValue value) {
        if (value instanceof RegValue.Dword d) {
            return String.format("dword:%08x", d.value());
        }
        if (value instanceof RegValue.Str s && !s.expand()) {
            return quote(s.value());
        }
        if (value instanceof RegValue.Str s) {
            return hex(2, (s.value() + "\0").getBytes(StandardCharsets.UTF_16LE));
        }
        if (value instanceof RegValue.MultiStr m) {
            return hex(7, (String.join("\0", m.values()) + "\0\0").getBytes(StandardCharsets.UTF_16LE));
        }
        if (value instanceof RegValue.Qword q) {
            byte[] b = new byte[8];
            for (int i = 0; i < 8; i++) {
                b[i] = (byte) (q.value() >>> (8 * i));
            }
            return hex(0xb, b);
        }
        RegValue.Raw raw = (RegValue.Raw) value;
        return hex(raw.type(), raw.data());
    }

    /** Hex data wrapped like regedit: ",\" then two-space indented continuation lines. */
    static String hex(int type, byte[] bytes) {
        StringBuilder b = new StringBuilder(type == 3 ? "hex:" : "hex(" + Integer.toHexString(type) + "):");
        for (int i = 0; i < bytes.length; i++) {
            b.append(String.format("%02x", bytes[i] & 0xFF));
            if (i < bytes.length - 1) {
                b.append(i % 16 == 15 ? ",\\\r\n  " : ",");
            }
        }
        return b.toString();
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static boolean isCcs(String key) {
        return RegistryPaths.startsWithKey(RegistryPaths.normalize(key), "HKLM\\SYSTEM\\CurrentControlSet");
    }

    private static String physical(String key) {
        String k = RegistryPaths.normalize(key);
        return isCcs(k) ? "HKLM\\SYSTEM\\ControlSet001" + k.substring("HKLM\\SYSTEM\\CurrentControlSet".length()) : k;
    }

    private static String header(String key) {
        return "[" + RegistryPaths.longForm(physical(key)) + "]";
    }

    private static String fold(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
