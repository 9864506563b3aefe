package io.tlsready.domain.facts;

import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/** A typed registry value as Windows stores it. Sealed: every source maps to exactly these. */
public sealed interface RegValue {

    /** The Windows type name, e.g. {@code REG_DWORD}. */
    String typeName();

    /** How a person reads it in a report: {@code 0x00000001 (1)}, {@code "text"}, ... */
    String display();

    /** REG_DWORD, held unsigned: 0xFFFFFFFF is 4294967295, never -1. */
    record Dword(long value) implements RegValue {
        public Dword {
            if (value < 0 || value > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("DWORD out of range: " + value);
            }
        }

        @Override
        public String typeName() {
            return "REG_DWORD";
        }

        @Override
        public String display() {
            return String.format("0x%08x (%d)", value, value);
        }
    }

    /** REG_QWORD, as the unsigned bit pattern in a long. */
    record Qword(long value) implements RegValue {
        @Override
        public String typeName() {
            return "REG_QWORD";
        }

        @Override
        public String display() {
            return String.format("0x%016x (%s)", value, Long.toUnsignedString(value));
        }
    }

    /** REG_SZ, or REG_EXPAND_SZ when {@code expand}. */
    record Str(String value, boolean expand) implements RegValue {
        public Str {
            Objects.requireNonNull(value, "value");
        }

        public static Str of(String value) {
            return new Str(value, false);
        }

        @Override
        public String typeName() {
            return expand ? "REG_EXPAND_SZ" : "REG_SZ";
        }

        @Override
        public String display() {
            return '"' + value + '"';
        }
    }

    /** REG_MULTI_SZ. */
    record MultiStr(List<String> values) implements RegValue {
        public MultiStr {
            values = List.copyOf(values);
        }

        @Override
        public String typeName() {
            return "REG_MULTI_SZ";
        }

        @Override
        public String display() {
            return values.toString();
        }
    }

    /** REG_BINARY, REG_NONE or any other type code, kept as raw bytes. */
    record Raw(int type, byte[] data) implements RegValue {
        public Raw {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public String typeName() {
            return switch (type) {
                case 0 -> "REG_NONE";
                case 3 -> "REG_BINARY";
                case 4 -> "REG_DWORD (odd size)";
                case 11 -> "REG_QWORD (odd size)";
                default -> "REG_TYPE_" + type;
            };
        }

        @Override
        public String display() {
            return "hex(" + Integer.toHexString(type) + "):" + HexFormat.ofDelimiter(",").formatHex(data);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Raw r && r.type == type && java.util.Arrays.equals(r.data, data);
        }

        @Override
        public int hashCode() {
            return 31 * type + java.util.Arrays.hashCode(data);
        }
    }
}
