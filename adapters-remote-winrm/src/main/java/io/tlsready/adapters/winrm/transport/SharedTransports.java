package io.tlsready.adapters.winrm.transport;

import io.tlsready.adapters.winrm.kerberos.KerberosLogin;
import java.util.Objects;

/**
 * The one {@link WinRmTransports} (Netty event loop, Kerberos settings) that every port of the WinRM adapter uses
 * within an injector: the audit's hosts and fix's editors share it, started on the first call to any host and
 * ended by {@link #close()} (idempotent; its threads are daemons).
 */
public final class SharedTransports implements AutoCloseable {

    private final KerberosLogin.Settings kerberos;
    private WinRmTransports transports;
    private boolean closed;

    public SharedTransports(KerberosLogin.Settings kerberos) {
        this.kerberos = Objects.requireNonNull(kerberos, "kerberos");
    }

    /** The transports, started on first use. */
    public synchronized WinRmTransports get() {
        if (closed) {
            throw new IllegalStateException("WinRM transports are closed");
        }
        if (transports == null) {
            transports = new WinRmTransports(Runtime.getRuntime().availableProcessors(), kerberos);
        }
        return transports;
    }

    /** Whether an event loop was started. */
    public synchronized boolean started() {
        return transports != null && transports.started();
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
