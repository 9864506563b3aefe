package io.tlsready.adapters.windows.live;

import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinBase;
import io.tlsready.domain.facts.Architecture;
import java.util.Optional;

/** The OS's own processor architecture, whatever the JVM's bitness (GetNativeSystemInfo, not os.arch). */
final class NativeWindows {

    private NativeWindows() {
    }

    static Optional<Architecture> architecture() {
        WinBase.SYSTEM_INFO info = new WinBase.SYSTEM_INFO();
        Kernel32.INSTANCE.GetNativeSystemInfo(info);
        // dwOemID is the primitive member of the union: its low word is wProcessorArchitecture, and a
        // primitive is always read back, whereas the nested struct member is read only once selected
        return fromProcessorArchitecture(info.processorArchitecture.dwOemID.intValue() & 0xFFFF);
    }

    /** PROCESSOR_ARCHITECTURE_* codes from winnt.h. */
    static Optional<Architecture> fromProcessorArchitecture(int code) {
        switch (code) {
            case 0:
                return Optional.of(Architecture.X86);
            case 6:
                return Optional.of(Architecture.IA64);
            case 9:
                return Optional.of(Architecture.X64);
            case 12:
                return Optional.of(Architecture.ARM64);
            default:
                return Optional.empty();
        }
    }
}
