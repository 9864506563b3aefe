package io.tlsready.adapters.windows.live;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Kernel32Util;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinReg;
import com.sun.jna.ptr.IntByReference;
import io.tlsready.domain.facts.RegistryView;
import java.util.Arrays;

/**
 * {@link RegistryAccess} through advapi32. The view flag is always explicit (G9): KEY_WOW64_64KEY reads the
 * 64-bit view even from a 32-bit JVM; on x86 Windows the flags are ignored. Windows only: loading this class
 * is harmless, but calling it loads the JNA native library.
 */
final class JnaRegistryAccess implements RegistryAccess {

    /** A value that keeps growing between the size query and the read is reported, not chased forever. */
    private static final int ATTEMPTS = 4;

    @Override
    public Read read(String subKey, String name, RegistryView view) {
        int access = WinNT.KEY_READ | (view == RegistryView.NATIVE ? WinNT.KEY_WOW64_64KEY : WinNT.KEY_WOW64_32KEY);
        WinReg.HKEYByReference handle = new WinReg.HKEYByReference();
        int rc = Advapi32.INSTANCE.RegOpenKeyEx(WinReg.HKEY_LOCAL_MACHINE, subKey, 0, access, handle);
        if (rc == WinError.ERROR_FILE_NOT_FOUND || rc == WinError.ERROR_PATH_NOT_FOUND) {
            return new KeyMissing();
        }
        if (rc != WinError.ERROR_SUCCESS) {
            return failed(rc);
        }
        try {
            return query(handle.getValue(), name);
        } finally {
            Advapi32.INSTANCE.RegCloseKey(handle.getValue());
        }
    }

    private static Read query(WinReg.HKEY key, String name) {
        IntByReference type = new IntByReference();
        IntByReference size = new IntByReference();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int rc = Advapi32.INSTANCE.RegQueryValueEx(key, name, 0, type, (Pointer) null, size);
            if (rc == WinError.ERROR_FILE_NOT_FOUND) {
                return new ValueMissing();
            }
            if (rc != WinError.ERROR_SUCCESS && rc != WinError.ERROR_MORE_DATA) {
                return failed(rc);
            }
            byte[] buffer = new byte[Math.max(size.getValue(), 1)];
            size.setValue(buffer.length);
            rc = Advapi32.INSTANCE.RegQueryValueEx(key, name, 0, type, buffer, size);
            if (rc == WinError.ERROR_MORE_DATA) {
                continue;
            }
            if (rc == WinError.ERROR_FILE_NOT_FOUND) {
                return new ValueMissing();
            }
            if (rc != WinError.ERROR_SUCCESS) {
                return failed(rc);
            }
            return new Found(type.getValue(), Arrays.copyOf(buffer, size.getValue()));
        }
        return failed(WinError.ERROR_MORE_DATA);
    }

    private static Failed failed(int rc) {
        return new Failed(rc, Kernel32Util.formatMessageFromLastErrorCode(rc));
    }
}
