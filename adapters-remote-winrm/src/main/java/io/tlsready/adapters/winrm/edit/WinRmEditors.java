package io.tlsready.adapters.winrm.edit;

import io.tlsready.adapters.winrm.kerberos.KerberosLogin;
import io.tlsready.adapters.winrm.transport.WinRmTransports;
import io.tlsready.adapters.winrm.wsman.WsmanOptions;
import io.tlsready.domain.port.RegistryEditor;
import io.tlsready.domain.port.RemoteEditors;
import io.tlsready.domain.port.RemoteTarget;
import java.util.Objects;

/**
 * The {@link RemoteEditors} port over WinRM. Each {@link #open} gives an editor that opens its transport on its
 * first call (so the transport/authentication refusals and the host deadline apply exactly as for the audit) and
 * closes it with the editor. All hosts share one event loop, created lazily and released by {@link #close()}.
 */
final class WinRmEditors implements RemoteEditors, AutoCloseable {

    private final WsmanOptions options;
    private final KerberosLogin.Settings kerberos;
    private WinRmTransports transports;
    private boolean closed;

    WinRmEditors(WsmanOptions options, KerberosLogin.Settings kerberos) {
        this.options = Objects.requireNonNull(options, "options");
        this.kerberos = Objects.requireNonNull(kerberos, "kerberos");
    }

    @Override
    public RegistryEditor open(RemoteTarget target) {
        Objects.requireNonNull(target, "target");
        return new StdRegProvEditor(target, () -> transports().open(target, options), options);
    }

    private synchronized WinRmTransports transports() {
        if (closed) {
            throw new IllegalStateException("WinRM registry editors are closed");
        }
        if (transports == null) {
            transports = new WinRmTransports(Runtime.getRuntime().availableProcessors(), kerberos);
        }
        return transports;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (transports != null) {
            transports.close();
            transports = null;
        }
    }
}
