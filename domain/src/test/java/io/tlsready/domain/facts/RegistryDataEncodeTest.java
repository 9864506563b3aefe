package io.tlsready.domain.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link RegistryData#encode} and {@link RegistryData#typeCode}: the bytes Windows stores, and back. */
class RegistryDataEncodeTest {

    private static String hex(RegValue v) {
        return HexFormat.of().formatHex(RegistryData.encode(v));
    }

    @Test
    void numbers_are_little_endian_and_unsigned() {
        assertThat(hex(new RegValue.Dword(0x800))).isEqualTo("00080000");
        assertThat(hex(new RegValue.Dword(0xFFFF_FFFFL))).isEqualTo("ffffffff");
        assertThat(hex(new RegValue.Qword(1L))).isEqualTo("0100000000000000");
        assertThat(RegistryData.typeCode(new RegValue.Dword(1))).isEqualTo(RegistryData.REG_DWORD);
        assertThat(RegistryData.typeCode(new RegValue.Qword(1))).isEqualTo(RegistryData.REG_QWORD);
    }

    @Test
    void strings_are_utf16le_with_their_terminator() {
        assertThat(hex(RegValue.Str.of("ab"))).isEqualTo("610062000000");
        assertThat(hex(RegValue.Str.of(""))).isEqualTo("0000");
        assertThat(RegistryData.typeCode(new RegValue.Str("%x%", true))).isEqualTo(RegistryData.REG_EXPAND_SZ);
        assertThat(RegistryData.typeCode(RegValue.Str.of("x"))).isEqualTo(RegistryData.REG_SZ);
    }

    @Test
    void a_multi_string_ends_with_an_extra_nul_and_an_empty_one_is_one_nul() {
        assertThat(hex(new RegValue.MultiStr(List.of("a", "b")))).isEqualTo("6100000062000000" + "0000");
        assertThat(hex(new RegValue.MultiStr(List.of()))).isEqualTo("0000");
        assertThat(RegistryData.typeCode(new RegValue.MultiStr(List.of()))).isEqualTo(RegistryData.REG_MULTI_SZ);
    }

    @Test
    void raw_data_keeps_its_type_code_and_bytes() {
        RegValue odd = new RegValue.Raw(4, new byte[] {1, 2, 3});
        assertThat(RegistryData.typeCode(odd)).isEqualTo(4);
        assertThat(hex(odd)).isEqualTo("010203");
        assertThat(RegistryData.typeCode(new RegValue.Raw(0x7fff_0000, new byte[0]))).isEqualTo(0x7fff_0000);
    }

    @Test
    void every_value_a_registry_can_hold_decodes_back_to_itself() {
        List<RegValue> values = List.of(new RegValue.Dword(0), new RegValue.Dword(0xFFFF_FFFFL),
                new RegValue.Qword(-1L), RegValue.Str.of("TLS 1.2 \"quoted\"\r\n\u202e"), new RegValue.Str("%SystemRoot%",
                        true), new RegValue.MultiStr(List.of("one", "two")), new RegValue.MultiStr(List.of()),
                new RegValue.Raw(3, new byte[] {0, -1}), new RegValue.Raw(0, new byte[0]),
                new RegValue.Raw(4, new byte[] {1, 2, 3}), new RegValue.Raw(5, new byte[] {0, 0, 0, 1}));
        for (RegValue v : values) {
            assertThat(RegistryData.decode(RegistryData.typeCode(v), RegistryData.encode(v))).as(v.display())
                    .isEqualTo(v);
        }
    }

    @Test
    void an_embedded_nul_cannot_be_held_and_does_not_come_back_equal() {
        RegValue nul = RegValue.Str.of("a\0b");
        assertThat(RegistryData.decode(RegistryData.REG_SZ, RegistryData.encode(nul))).isEqualTo(RegValue.Str.of("a"));
        assertThat(RegistryData.encode(nul)).isEqualTo("a\0b\0".getBytes(StandardCharsets.UTF_16LE));
    }
}
