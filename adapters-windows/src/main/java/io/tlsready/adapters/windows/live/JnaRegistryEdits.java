package io.tlsready.adapters.windows.live;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Kernel32Util;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinReg;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;
import io.tlsready.domain.facts.RegistryView;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * {@link RegistryEdits} through advapi32: RegCreateKeyEx, RegSetValueEx, RegDeleteValue, RegDeleteKeyEx, with the
 * view flag always explicit (KEY_WOW64_64KEY or KEY_WOW64_32KEY), so a 32-bit JVM writes the 64-bit view when asked
 * and never lands in WOW6432Node by accident. Each call opens and closes its own handle. Windows only.
 */
final class JnaRegistryEdits implements RegistryEdits {

    /** RegDeleteKeyEx, which takes the view, is not in jna-platform's Advapi32. */
    interface Advapi32Views extends StdCallLibrary {
        Advapi32Views INSTANCE = Native.load("Advapi32", Advapi32Views.class, W32APIOptions.DEFAULT_OPTIONS);

        int RegDeleteKeyEx(WinReg.HKEY key, String subKey, int samDesired, int reserved);
    }

    private static int viewFlag(RegistryView view) {
        return view == RegistryView.NATIVE ? WinNT.KEY_WOW64_64KEY : WinNT.KEY_WOW64_32KEY;
    }

    @Override
    public int openKey(String subKey, RegistryView view) {
        return withKey(subKey, WinNT.KEY_READ | viewFlag(view), key -> OK);
    }

    @Override
    public Listing list(String subKey, RegistryView view) {
        WinReg.HKEYByReference handle = new WinReg.HKEYByReference();
        int rc = Advapi32.INSTANCE.RegOpenKeyEx(WinReg.HKEY_LOCAL_MACHINE, subKey, 0,
                WinNT.KEY_READ | viewFlag(view), handle);
        if (rc != WinError.ERROR_SUCCESS) {
            return Listing.failed(rc);
        }
        try {
            IntByReference subkeyCount = new IntByReference();
            IntByReference maxSubkeyLength = new IntByReference();
            IntByReference valueCount = new IntByReference();
            IntByReference maxValueNameLength = new IntByReference();
            rc = Advapi32.INSTANCE.RegQueryInfoKey(handle.getValue(), null, null, null, subkeyCount, maxSubkeyLength,
                    null, valueCount, maxValueNameLength, null, null, null);
            if (rc != WinError.ERROR_SUCCESS) {
                return Listing.failed(rc);
            }
            List<String> subkeys = new ArrayList<>();
            char[] name = new char[maxSubkeyLength.getValue() + 1];
            for (int i = 0; i < subkeyCount.getValue(); i++) {
                IntByReference length = new IntByReference(name.length);
                rc = Advapi32.INSTANCE.RegEnumKeyEx(handle.getValue(), i, name, length, null, null, null, null);
                if (rc == WinError.ERROR_NO_MORE_ITEMS) {
                    break;
                }
                if (rc != WinError.ERROR_SUCCESS) {
                    return Listing.failed(rc);
                }
                subkeys.add(new String(name, 0, length.getValue()));
            }
            List<String> values = new ArrayList<>();
            char[] valueName = new char[maxValueNameLength.getValue() + 1];
            for (int i = 0; i < valueCount.getValue(); i++) {
                IntByReference length = new IntByReference(valueName.length);
                rc = Advapi32.INSTANCE.RegEnumValue(handle.getValue(), i, valueName, length, null, null,
                        (Pointer) null, null);
                if (rc == WinError.ERROR_NO_MORE_ITEMS) {
                    break;
                }
                if (rc != WinError.ERROR_SUCCESS) {
                    return Listing.failed(rc);
                }
                values.add(new String(valueName, 0, length.getValue()));
            }
            return new Listing(OK, subkeys, values);
        } finally {
            Advapi32.INSTANCE.RegCloseKey(handle.getValue());
        }
    }

    @Override
    public int createKey(String subKey, RegistryView view) {
        WinReg.HKEYByReference handle = new WinReg.HKEYByReference();
        int rc = Advapi32.INSTANCE.RegCreateKeyEx(WinReg.HKEY_LOCAL_MACHINE, subKey, 0, null,
                WinNT.REG_OPTION_NON_VOLATILE, WinNT.KEY_READ | viewFlag(view), null, handle, new IntByReference());
        if (rc == WinError.ERROR_SUCCESS) {
            Advapi32.INSTANCE.RegCloseKey(handle.getValue());
        }
        return rc;
    }

    @Override
    public int setValue(String subKey, RegistryView view, String name, int type, byte[] data) {
        return withKey(subKey, WinNT.KEY_SET_VALUE | viewFlag(view),
                key -> Advapi32.INSTANCE.RegSetValueEx(key, name, 0, type, data, data.length));
    }

    @Override
    public int deleteValue(String subKey, RegistryView view, String name) {
        return withKey(subKey, WinNT.KEY_SET_VALUE | viewFlag(view),
                key -> Advapi32.INSTANCE.RegDeleteValue(key, name));
    }

    @Override
    public int deleteKey(String subKey, RegistryView view) {
        return Advapi32Views.INSTANCE.RegDeleteKeyEx(WinReg.HKEY_LOCAL_MACHINE, subKey, viewFlag(view), 0);
    }

    @Override
    public String describe(int error) {
        return Kernel32Util.formatMessageFromLastErrorCode(error);
    }

    private static int withKey(String subKey, int access, ToIntFunction<WinReg.HKEY> call) {
        WinReg.HKEYByReference handle = new WinReg.HKEYByReference();
        int rc = Advapi32.INSTANCE.RegOpenKeyEx(WinReg.HKEY_LOCAL_MACHINE, subKey, 0, access, handle);
        if (rc != WinError.ERROR_SUCCESS) {
            return rc;
        }
        try {
            return call.applyAsInt(handle.getValue());
        } finally {
            Advapi32.INSTANCE.RegCloseKey(handle.getValue());
        }
    }
}
