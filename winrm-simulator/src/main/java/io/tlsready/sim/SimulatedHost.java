package io.tlsready.sim;

import io.tlsready.adapters.winrm.ntlm.NtlmCredentials;
import io.tlsready.sim.ntlm.NtlmServer;
import io.tlsready.sim.wmi.WmiResponder;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** One running simulated host: its spec, answering logic, endpoint and counters. */
final class SimulatedHost {

    private final HostSpec spec;
    private final WmiResponder responder;
    private final NtlmCredentials account;
    private final int port;
    private final KerberosAcceptor kerberos;
    final AtomicLong connections = new AtomicLong();
    final AtomicLong httpRequests = new AtomicLong();
    final AtomicLong wsmanRequests = new AtomicLong();
    final AtomicLong authFailures = new AtomicLong();
    final AtomicLong injectedFaults = new AtomicLong();
    final AtomicLong registryWrites = new AtomicLong();
    private final long dropAfter;
    private final AtomicBoolean dropped = new AtomicBoolean();

    SimulatedHost(HostSpec spec, int port) {
        this.spec = spec;
        this.port = port;
        this.responder = new WmiResponder(spec.name(), spec.facts(), spec.writeFaults().stream()
                .filter(f -> f.kind() == WriteFault.Kind.WRITE_DENIED).map(WriteFault::key).toList(),
                registryWrites::incrementAndGet);
        this.dropAfter = spec.writeFaults().stream().filter(f -> f.kind() == WriteFault.Kind.DROP_AFTER)
                .mapToLong(WriteFault::count).min().orElse(-1);
        this.account = NtlmCredentials.of(spec.user(), spec.password());
        this.kerberos = spec.auth().kerberos() ? KerberosAcceptor.fromKeytab(spec.keytab().orElseThrow(
                () -> new IllegalArgumentException(spec.name() + ": Kerberos needs a keytab"))) : null;
    }

    /** The keytab acceptor of a Kerberos host. */
    KerberosAcceptor kerberos() {
        if (kerberos == null) {
            throw new IllegalStateException(spec.name() + " does not use Kerberos");
        }
        return kerberos;
    }

    /**
     * The drop-after fault: true exactly once, for the first request after N successful writes (the caller resets
     * that connection).
     */
    boolean dropNow() {
        return dropAfter >= 0 && registryWrites.get() >= dropAfter && dropped.compareAndSet(false, true);
    }

    /** The host's whole registry as a .reg file, as it is now. */
    byte[] registryExport() {
        return responder.registryExport();
    }

    HostSpec spec() {
        return spec;
    }

    WmiResponder responder() {
        return responder;
    }

    int port() {
        return port;
    }

    /** A fresh server-side NTLM context for one connection. */
    NtlmServer ntlmServer() {
        String netbios = spec.name().toUpperCase(Locale.ROOT);
        if (netbios.length() > 15) {
            netbios = netbios.substring(0, 15);
        }
        return NtlmServer.builder().account(account).netbiosComputerName(netbios)
                .dnsComputerName(spec.name().toLowerCase(Locale.ROOT)).build();
    }

    String endpoint() {
        String host = spec.address().contains(":") ? "[" + spec.address() + "]" : spec.address();
        return spec.auth().scheme() + "://" + host + ":" + port + "/wsman";
    }

    HostCounters counters() {
        return new HostCounters(connections.get(), httpRequests.get(), wsmanRequests.get(), authFailures.get(),
                injectedFaults.get(), registryWrites.get());
    }
}
