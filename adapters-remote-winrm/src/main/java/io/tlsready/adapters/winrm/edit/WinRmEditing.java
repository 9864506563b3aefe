package io.tlsready.adapters.winrm.edit;

import io.tlsready.adapters.winrm.transport.SharedTransports;

import io.tlsready.adapters.winrm.wsman.WsmanOptions;
import io.tlsready.domain.port.RemoteEditors;

/** Makes the WinRM {@link RemoteEditors} for {@code WinRmModule} (the implementation stays package-private). */
public final class WinRmEditing {

    private WinRmEditing() {
    }

    /** Editors on the adapter's shared transports (one event loop, started on the first call to any host). */
    public static RemoteEditors editors(WsmanOptions options, SharedTransports transports) {
        return new WinRmEditors(options, transports);
    }

    /** The shutdown handle of editors made here (a no-op for any other). */
    public static AutoCloseable closeable(RemoteEditors editors) {
        if (editors instanceof WinRmEditors) {
            return (WinRmEditors) editors;
        }
        return () -> { };
    }
}
