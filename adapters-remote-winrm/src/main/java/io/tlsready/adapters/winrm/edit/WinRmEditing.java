package io.tlsready.adapters.winrm.edit;

import io.tlsready.adapters.winrm.kerberos.KerberosLogin;
import io.tlsready.adapters.winrm.wsman.WsmanOptions;
import io.tlsready.domain.port.RemoteEditors;

/** Makes the WinRM {@link RemoteEditors} for {@code WinRmModule} (the implementation stays package-private). */
public final class WinRmEditing {

    private WinRmEditing() {
    }

    /** Editors whose hosts share one event loop, started on the first call to any host and ended by closing. */
    public static RemoteEditors editors(WsmanOptions options, KerberosLogin.Settings kerberos) {
        return new WinRmEditors(options, kerberos);
    }

    /** The shutdown handle of editors made here (a no-op for any other). */
    public static AutoCloseable closeable(RemoteEditors editors) {
        if (editors instanceof WinRmEditors) {
            return (WinRmEditors) editors;
        }
        return () -> { };
    }
}
