package io.tlsready.adapters.winrm;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.tlsready.adapters.winrm.edit.WinRmEditing;
import io.tlsready.adapters.winrm.kerberos.KerberosLogin;
import io.tlsready.adapters.winrm.transport.SharedTransports;
import io.tlsready.adapters.winrm.wsman.WsmanOptions;
import io.tlsready.domain.port.RemoteEditors;
import io.tlsready.domain.port.RemoteHosts;
import java.util.function.Function;

/**
 * Binds the {@link RemoteHosts} port (and {@link RemoteEditors}, for {@code fix} and {@code rollback}) to WinRM (WS-Management over micronaut-http-client, no Micronaut DI). One
 * instance per injector, so all hosts share one Netty event loop; it starts on the first collection. The app
 * closes it through {@link #closeable(RemoteHosts)} when the run ends (its threads are daemons, so forgetting
 * to close does not keep the JVM alive).
 */
public final class WinRmModule extends AbstractModule {

    private final WsmanOptions options;
    private final Function<String, String> environment;

    public WinRmModule() {
        this(WsmanOptions.defaults());
    }

    public WinRmModule(WsmanOptions options) {
        this(options, System::getenv);
    }

    /**
     * @param environment where Kerberos reads KRB5_CONFIG and KRB5CCNAME (the process environment, or a test's)
     */
    public WinRmModule(WsmanOptions options, Function<String, String> environment) {
        this.options = options;
        this.environment = environment;
    }

    @Provides
    @Singleton
    SharedTransports transports() {
        return new SharedTransports(KerberosLogin.Settings.from(environment));
    }

    @Provides
    @Singleton
    RemoteHosts remoteHosts(SharedTransports transports) {
        return new WinRmRemoteHosts(options, transports);
    }

    @Provides
    @Singleton
    RemoteEditors remoteEditors(SharedTransports transports) {
        return WinRmEditing.editors(options, transports);
    }

    /** The shutdown handle of a {@link RemoteEditors} bound by this module (a no-op for any other). */
    public static AutoCloseable closeableEditors(RemoteEditors editors) {
        return WinRmEditing.closeable(editors);
    }

    /** The shutdown handle of a {@link RemoteHosts} bound by this module (a no-op for any other). */
    public static AutoCloseable closeable(RemoteHosts hosts) {
        if (hosts instanceof WinRmRemoteHosts) {
            return (WinRmRemoteHosts) hosts;
        }
        return () -> { };
    }
}
