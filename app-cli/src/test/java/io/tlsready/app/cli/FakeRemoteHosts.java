package io.tlsready.app.cli;

import com.google.inject.AbstractModule;
import io.tlsready.domain.facts.FactsRequest;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.port.FactsSource;
import io.tlsready.domain.port.RegistryEditException;
import io.tlsready.domain.port.RemoteEditors;
import io.tlsready.domain.port.RemoteFailure;
import io.tlsready.domain.port.RemoteHosts;
import io.tlsready.domain.port.RemoteTarget;
import io.tlsready.domain.testing.Hosts;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fleet in memory, the behaviour chosen by the host name's first word:
 * {@code ready…} READY, {@code notready…} NOT_READY, {@code flaky…} refused twice then READY,
 * {@code down…} always refused (transient), {@code denied…} 401 (permanent), {@code slow…} 30 ms then READY.
 * A wrong password is a 401, as on a real host. Measures how many hosts are collected at once.
 */
final class FakeRemoteHosts implements RemoteHosts {

    final String password;
    final List<RemoteTarget> opened = new CopyOnWriteArrayList<>();
    final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();

    FakeRemoteHosts(String password) {
        this.password = password;
    }

    /** The testing module: binds this fake as the WinRM port, in place of the real adapter's module. */
    AbstractModule module() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                bind(RemoteHosts.class).toInstance(FakeRemoteHosts.this);
                // The audit's stand-in hosts are read-only: fix and rollback are tested on simulated hosts.
                bind(RemoteEditors.class).toInstance(target -> {
                    throw new RegistryEditException(target.host(), "", RegistryEditException.Cause.OTHER,
                            "the fake fleet of the audit tests is read-only");
                });
            }
        };
    }

    int attempts(String host) {
        return attempts.getOrDefault(host, new AtomicInteger()).get();
    }

    @Override
    public FactsSource open(RemoteTarget target) {
        opened.add(target);
        return new FactsSource() {
            @Override
            public String describe() {
                return "WinRM " + target.label();
            }

            @Override
            public HostFacts collect(FactsRequest request) {
                int now = inFlight.incrementAndGet();
                maxInFlight.accumulateAndGet(now, Math::max);
                try {
                    return answer(target);
                } finally {
                    inFlight.decrementAndGet();
                }
            }
        };
    }

    private HostFacts answer(RemoteTarget target) {
        String host = target.host();
        int attempt = attempts.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet();
        char[] given = target.password().get();
        boolean ok = new String(given).equals(password);
        RemoteTarget.wipe(given);
        if (host.startsWith("down")) {
            throw new RemoteFailure(host, "connection refused: is WinRM listening on " + target.port() + "?", true);
        }
        if (!ok || host.startsWith("denied")) {
            throw new RemoteFailure(host, "401: the user name or password is wrong", false);
        }
        if (host.startsWith("flaky") && attempt <= 2) {
            throw new RemoteFailure(host, "connection reset by peer", true);
        }
        if (host.startsWith("slow")) {
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                throw new RemoteFailure(host, "interrupted", true, e);
            }
        }
        if (host.startsWith("notready")) {
            return Hosts.windows("2008R2").x64().coverAll().updates("KB5000001").named(host).build();
        }
        return Hosts.ready("2019").named(host).build();
    }
}
