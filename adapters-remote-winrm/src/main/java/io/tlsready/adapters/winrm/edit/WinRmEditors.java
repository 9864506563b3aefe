package io.tlsready.adapters.winrm.edit;

import io.tlsready.adapters.winrm.transport.SharedTransports;
import io.tlsready.adapters.winrm.wsman.WsmanOptions;
import io.tlsready.domain.port.RegistryEditor;
import io.tlsready.domain.port.RemoteEditors;
import io.tlsready.domain.port.RemoteTarget;
import java.util.Objects;

/**
 * The {@link RemoteEditors} port over WinRM. Each {@link #open} gives an editor that opens its transport on its
 * first call (so the transport/authentication refusals and the host deadline apply exactly as for the audit) and
 * closes it with the editor. All hosts share the adapter's one event loop ({@link SharedTransports}), also used by the audit.
 */
final class WinRmEditors implements RemoteEditors, AutoCloseable {

    private final WsmanOptions options;
    private final SharedTransports transports;

    WinRmEditors(WsmanOptions options, SharedTransports transports) {
        this.options = Objects.requireNonNull(options, "options");
        this.transports = Objects.requireNonNull(transports, "transports");
    }

    @Override
    public RegistryEditor open(RemoteTarget target) {
        Objects.requireNonNull(target, "target");
        return new StdRegProvEditor(target, () -> transports.get().open(target, options), options);
    }

    @Override
    public void close() {
        transports.close();
    }
}
