package io.tlsready.adapters.windows.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The processor-architecture codes GetNativeSystemInfo returns, mapped without touching JNA. */
class NativeWindowsTest {

    @Test
    void native_architecture_codes() {
        assertThat(NativeWindows.fromProcessorArchitecture(9)).contains(io.tlsready.domain.facts.Architecture.X64);
        assertThat(NativeWindows.fromProcessorArchitecture(0)).contains(io.tlsready.domain.facts.Architecture.X86);
        assertThat(NativeWindows.fromProcessorArchitecture(12)).contains(io.tlsready.domain.facts.Architecture.ARM64);
        assertThat(NativeWindows.fromProcessorArchitecture(0xFFFF)).isEmpty();
    }
}
