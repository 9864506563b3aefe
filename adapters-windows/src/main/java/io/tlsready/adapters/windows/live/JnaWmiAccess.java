package io.tlsready.adapters.windows.live;

import com.sun.jna.platform.win32.COM.COMUtils;
import com.sun.jna.platform.win32.COM.WbemcliUtil;
import com.sun.jna.platform.win32.Ole32;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.platform.win32.WinNT;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link WmiAccess} through jna-platform's WbemcliUtil. Each query runs on its own short-lived thread that
 * initialises COM (multithreaded) and uninitialises it, so the caller's thread and apartment are untouched.
 */
final class JnaWmiAccess implements WmiAccess {

    private static final int TIMEOUT_MS = 60_000;

    /** Property names are the enum constant names (WbemcliUtil builds the SELECT from them). */
    enum OsProperty { Caption, Version, BuildNumber, ProductType, OSArchitecture, ServicePackMajorVersion, CSName }

    enum QfeProperty { HotFixID }

    @Override
    public Map<String, Object> operatingSystem() {
        return inComThread("Win32_OperatingSystem", () -> {
            WbemcliUtil.WmiResult<OsProperty> result =
                    new WbemcliUtil.WmiQuery<>("Win32_OperatingSystem", OsProperty.class).execute(TIMEOUT_MS);
            if (result.getResultCount() < 1) {
                throw new WmiException("Win32_OperatingSystem returned no instance", null);
            }
            Map<String, Object> row = new LinkedHashMap<>();
            for (OsProperty p : OsProperty.values()) {
                row.put(p.name(), result.getValue(p, 0));
            }
            return row;
        });
    }

    @Override
    public List<String> hotFixIds() {
        return inComThread("Win32_QuickFixEngineering", () -> {
            WbemcliUtil.WmiResult<QfeProperty> result =
                    new WbemcliUtil.WmiQuery<>("Win32_QuickFixEngineering", QfeProperty.class).execute(TIMEOUT_MS);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < result.getResultCount(); i++) {
                Object id = result.getValue(QfeProperty.HotFixID, i);
                ids.add(id == null ? null : id.toString());
            }
            return ids;
        });
    }

    private static <T> T inComThread(String what, Callable<T> query) {
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "tlsready-wmi");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<T> future = thread.submit(() -> {
                WinNT.HRESULT hr = Ole32.INSTANCE.CoInitializeEx(null, Ole32.COINIT_MULTITHREADED);
                boolean initialised = COMUtils.SUCCEEDED(hr);
                if (!initialised && hr.intValue() != WinError.RPC_E_CHANGED_MODE) {
                    throw new WmiException("COM initialisation failed (0x" + Integer.toHexString(hr.intValue()) + ")",
                            null);
                }
                try {
                    hr = Ole32.INSTANCE.CoInitializeSecurity(null, -1, null, null, Ole32.RPC_C_AUTHN_LEVEL_DEFAULT,
                            Ole32.RPC_C_IMP_LEVEL_IMPERSONATE, null, Ole32.EOAC_NONE, null);
                    // RPC_E_TOO_LATE: someone in this process already set it, which is fine for local WMI
                    if (COMUtils.FAILED(hr) && hr.intValue() != WinError.RPC_E_TOO_LATE) {
                        throw new WmiException("COM security initialisation failed (0x"
                                + Integer.toHexString(hr.intValue()) + ")", null);
                    }
                    return query.call();
                } finally {
                    if (initialised) {
                        Ole32.INSTANCE.CoUninitialize();
                    }
                }
            });
            return future.get(TIMEOUT_MS + 5_000L, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof WmiException w) {
                throw w;
            }
            if (cause instanceof TimeoutException) {
                throw new WmiException(what + " timed out after " + TIMEOUT_MS / 1000 + " s", cause);
            }
            throw new WmiException(what + ": " + String.valueOf(cause).replaceAll("\\s*\\R\\s*", " "), cause);
        } catch (TimeoutException e) {
            throw new WmiException(what + " timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WmiException(what + " interrupted", e);
        } finally {
            thread.shutdownNow();
        }
    }
}
