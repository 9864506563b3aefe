package io.tlsready.adapters.winrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import io.tlsready.domain.facts.FactsRequest;
import io.tlsready.domain.port.FactsSource;
import io.tlsready.domain.port.RemoteFailure;
import io.tlsready.domain.port.RemoteHosts;
import io.tlsready.domain.port.RemoteTarget;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WinRmModuleTest {

    static final String SECRET = "Module-S3cret-55";

    static Injector strictInjector() {
        return Guice.createInjector(new AbstractModule() {
            @Override
            protected void configure() {
                binder().requireExplicitBindings();
                binder().requireAtInjectOnConstructors();
                install(new WinRmModule());
            }
        });
    }

    @Test
    void binds_one_remote_hosts_under_a_strict_injector_without_starting_netty() throws Exception {
        Injector injector = strictInjector();
        RemoteHosts hosts = injector.getInstance(RemoteHosts.class);
        assertThat(injector.getInstance(RemoteHosts.class)).isSameAs(hosts);
        RemoteTarget target = new RemoteTarget("winrm.example.test", 5986, RemoteTarget.Transport.HTTPS,
                RemoteTarget.Auth.BASIC, "alice", SECRET::toCharArray, Optional.empty(), Optional.empty(), false,
                Duration.ofSeconds(60)); // bounds a hang only: a refused port answers at once
        FactsSource source = hosts.open(target);
        assertThat(source.describe()).isEqualTo("WinRM winrm.example.test:5986");
        assertThat(((WinRmRemoteHosts) hosts).started()).as("no event loop until a collection runs").isFalse();
        WinRmModule.closeable(hosts).close();
    }

    @Test
    @SuppressWarnings("try") // the resource only closes the hosts
    void a_host_that_cannot_be_read_is_a_transient_remote_failure_without_the_secret() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        RemoteHosts hosts = strictInjector().getInstance(RemoteHosts.class);
        try (AutoCloseable closing = WinRmModule.closeable(hosts)) {
            RemoteTarget target = new RemoteTarget("127.0.0.1", port, RemoteTarget.Transport.HTTP,
                    RemoteTarget.Auth.NTLM, "alice", SECRET::toCharArray, Optional.empty(), Optional.empty(), false,
                    Duration.ofSeconds(60)); // bounds a hang only: a refused port answers at once
            FactsRequest request = new FactsRequest(Set.of(), true, false);
            assertThatThrownBy(() -> hosts.open(target).collect(request))
                    .isInstanceOfSatisfying(RemoteFailure.class, f -> {
                        assertThat(f.transientFailure()).isTrue();
                        assertThat(f.location()).isEqualTo("127.0.0.1:" + port);
                        assertThat(f.problem()).contains("connection refused").doesNotContain(SECRET);
                    });
            assertThat(((WinRmRemoteHosts) hosts).started()).isTrue();
        }
    }
}
