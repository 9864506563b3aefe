package io.tlsready.domain.facts;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The inverse of {@link RegistryData#decode} for test fixtures: a {@link RegValue} as Windows stores it (type code,
 * little-endian numbers, NUL-terminated UTF-16LE strings), for fakes and hives that must hold given values.
 */
public final class RegistryDataEncoding {

    private RegistryDataEncoding() {
    }

    public static int type(RegValue v) {
        if (v instanceof RegValue.Dword) {
            return RegistryData.REG_DWORD;
        }
        if (v instanceof RegValue.Qword) {
            return RegistryData.REG_QWORD;
        }
        if (v instanceof RegValue.Str s) {
            return s.expand() ? RegistryData.REG_EXPAND_SZ : RegistryData.REG_SZ;
        }
        if (v instanceof RegValue.MultiStr) {
            return RegistryData.REG_MULTI_SZ;
        }
        return ((RegValue.Raw) v).type();
    }

    public static byte[] bytes(RegValue v) {
        if (v instanceof RegValue.Dword d) {
            return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) d.value()).array();
        }
        if (v instanceof RegValue.Qword q) {
            return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(q.value()).array();
        }
        if (v instanceof RegValue.Str s) {
            return (s.value() + "\0").getBytes(StandardCharsets.UTF_16LE);
        }
        if (v instanceof RegValue.MultiStr m) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (String item : m.values()) {
                out.writeBytes((item + "\0").getBytes(StandardCharsets.UTF_16LE));
            }
            out.writeBytes("\0".getBytes(StandardCharsets.UTF_16LE));
            return out.toByteArray();
        }
        return ((RegValue.Raw) v).data();
    }
}
