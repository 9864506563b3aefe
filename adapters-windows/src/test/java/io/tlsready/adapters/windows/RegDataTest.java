package io.tlsready.adapters.windows;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.facts.RegValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegDataTest {

    private static byte[] utf16(String s) {
        return s.getBytes(StandardCharsets.UTF_16LE);
    }

    @Test
    void dwordIsUnsignedLittleEndian() {
        assertThat(RegData.decode(4, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff}))
                .isEqualTo(new RegValue.Dword(0xFFFF_FFFFL));
        assertThat(RegData.decode(4, new byte[] {0, 8, 0, 0})).isEqualTo(new RegValue.Dword(0x800));
    }

    @Test
    void wrongSizedNumbersStayRaw() {
        assertThat(RegData.decode(4, new byte[] {1, 2, 3})).isEqualTo(new RegValue.Raw(4, new byte[] {1, 2, 3}));
        assertThat(RegData.decode(11, new byte[] {1})).isEqualTo(new RegValue.Raw(11, new byte[] {1}));
        assertThat(RegData.decode(5, new byte[] {0, 0, 0, 1})).isEqualTo(new RegValue.Raw(5, new byte[] {0, 0, 0, 1}));
    }

    @Test
    void qwordKeepsTheBitPattern() {
        assertThat(RegData.decode(11, new byte[] {-1, -1, -1, -1, -1, -1, -1, -1})).isEqualTo(new RegValue.Qword(-1L));
        assertThat(RegData.decode(11, new byte[] {1, 0, 0, 0, 0, 0, 0, 0})).isEqualTo(new RegValue.Qword(1L));
    }

    @Test
    void stringsEndAtTheFirstNulAndSurviveOddLengths() {
        assertThat(RegData.decode(1, utf16("Windows 10 Pro\0"))).isEqualTo(RegValue.Str.of("Windows 10 Pro"));
        assertThat(RegData.decode(1, utf16("abc"))).isEqualTo(RegValue.Str.of("abc"));
        assertThat(RegData.decode(1, new byte[] {'a', 0, 'b'})).isEqualTo(RegValue.Str.of("a"));
        assertThat(RegData.decode(1, new byte[0])).isEqualTo(RegValue.Str.of(""));
        assertThat(RegData.decode(2, utf16("%SystemRoot%\\x\0junk")))
                .isEqualTo(new RegValue.Str("%SystemRoot%\\x", true));
    }

    @Test
    void multiStringStopsAtTheEmptyTerminator() {
        assertThat(RegData.decode(7, utf16("a\0bé\0\0"))).isEqualTo(new RegValue.MultiStr(List.of("a", "bé")));
        assertThat(RegData.decode(7, utf16("a\0b"))).isEqualTo(new RegValue.MultiStr(List.of("a", "b")));
        assertThat(RegData.decode(7, utf16("\0"))).isEqualTo(new RegValue.MultiStr(List.of()));
        assertThat(RegData.decode(7, new byte[0])).isEqualTo(new RegValue.MultiStr(List.of()));
    }

    @Test
    void binaryAndUnknownTypesStayRaw() {
        assertThat(RegData.decode(3, new byte[] {1})).isEqualTo(new RegValue.Raw(3, new byte[] {1}));
        assertThat(RegData.decode(0, new byte[0])).isEqualTo(new RegValue.Raw(0, new byte[0]));
        assertThat(RegData.decode(0x100000, new byte[] {7})).isEqualTo(new RegValue.Raw(0x100000, new byte[] {7}));
    }

    @Test
    void nativeArchitectureCodes() {
        assertThat(NativeWindows.fromProcessorArchitecture(9)).contains(io.tlsready.domain.facts.Architecture.X64);
        assertThat(NativeWindows.fromProcessorArchitecture(0)).contains(io.tlsready.domain.facts.Architecture.X86);
        assertThat(NativeWindows.fromProcessorArchitecture(12)).contains(io.tlsready.domain.facts.Architecture.ARM64);
        assertThat(NativeWindows.fromProcessorArchitecture(0xFFFF)).isEmpty();
    }
}
