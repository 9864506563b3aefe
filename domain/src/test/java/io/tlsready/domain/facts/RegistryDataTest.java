package io.tlsready.domain.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryDataTest {

    private static byte[] utf16(String s) {
        return s.getBytes(StandardCharsets.UTF_16LE);
    }

    @Test
    void dword_is_unsigned_little_endian() {
        assertThat(RegistryData.decode(4, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff}))
                .isEqualTo(new RegValue.Dword(0xFFFF_FFFFL));
        assertThat(RegistryData.decode(4, new byte[] {0, 8, 0, 0})).isEqualTo(new RegValue.Dword(0x800));
    }

    @Test
    void wrong_sized_numbers_stay_raw() {
        assertThat(RegistryData.decode(4, new byte[] {1, 2, 3})).isEqualTo(new RegValue.Raw(4, new byte[] {1, 2, 3}));
        assertThat(RegistryData.decode(11, new byte[] {1})).isEqualTo(new RegValue.Raw(11, new byte[] {1}));
        assertThat(RegistryData.decode(5, new byte[] {0, 0, 0, 1})).isEqualTo(new RegValue.Raw(5, new byte[] {0, 0, 0, 1}));
    }

    @Test
    void qword_keeps_the_bit_pattern() {
        assertThat(RegistryData.decode(11, new byte[] {-1, -1, -1, -1, -1, -1, -1, -1})).isEqualTo(new RegValue.Qword(-1L));
        assertThat(RegistryData.decode(11, new byte[] {1, 0, 0, 0, 0, 0, 0, 0})).isEqualTo(new RegValue.Qword(1L));
    }

    @Test
    void strings_end_at_the_first_nul_and_survive_odd_lengths() {
        assertThat(RegistryData.decode(1, utf16("Windows 10 Pro\0"))).isEqualTo(RegValue.Str.of("Windows 10 Pro"));
        assertThat(RegistryData.decode(1, utf16("abc"))).isEqualTo(RegValue.Str.of("abc"));
        assertThat(RegistryData.decode(1, new byte[] {'a', 0, 'b'})).isEqualTo(RegValue.Str.of("a"));
        assertThat(RegistryData.decode(1, new byte[0])).isEqualTo(RegValue.Str.of(""));
        assertThat(RegistryData.decode(2, utf16("%SystemRoot%\\x\0junk")))
                .isEqualTo(new RegValue.Str("%SystemRoot%\\x", true));
    }

    @Test
    void multi_string_stops_at_the_empty_terminator() {
        assertThat(RegistryData.decode(7, utf16("a\0bé\0\0"))).isEqualTo(new RegValue.MultiStr(List.of("a", "bé")));
        assertThat(RegistryData.decode(7, utf16("a\0b"))).isEqualTo(new RegValue.MultiStr(List.of("a", "b")));
        assertThat(RegistryData.decode(7, utf16("\0"))).isEqualTo(new RegValue.MultiStr(List.of()));
        assertThat(RegistryData.decode(7, new byte[0])).isEqualTo(new RegValue.MultiStr(List.of()));
    }

    @Test
    void binary_and_unknown_types_stay_raw() {
        assertThat(RegistryData.decode(3, new byte[] {1})).isEqualTo(new RegValue.Raw(3, new byte[] {1}));
        assertThat(RegistryData.decode(0, new byte[0])).isEqualTo(new RegValue.Raw(0, new byte[0]));
        assertThat(RegistryData.decode(0x100000, new byte[] {7})).isEqualTo(new RegValue.Raw(0x100000, new byte[] {7}));
    }

}
