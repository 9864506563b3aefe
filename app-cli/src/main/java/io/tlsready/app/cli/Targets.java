package io.tlsready.app.cli;

import com.google.inject.ProvisionException;
import io.tlsready.domain.port.FactsSource;
import io.tlsready.domain.port.HiveEvidence;
import io.tlsready.domain.port.LocalMachine;
import io.tlsready.domain.port.OfflineEvidence;
import io.tlsready.domain.port.RemoteHosts;
import jakarta.inject.Inject;
import jakarta.inject.Provider;

/**
 * Turns target options into a facts source. Adapters are reached through providers so that the path
 * taken is the only one whose classes load: an offline audit never touches JNA or an HTTP stack.
 */
final class Targets {

    private final Provider<OfflineEvidence> offline;
    private final Provider<HiveEvidence> hives;
    private final Provider<LocalMachine> local;
    private final Provider<RemoteHosts> remote;
    private final Environment env;

    @Inject
    Targets(Provider<OfflineEvidence> offline, Provider<HiveEvidence> hives, Provider<LocalMachine> local,
            Provider<RemoteHosts> remote, Environment env) {
        this.env = env;
        this.offline = offline;
        this.hives = hives;
        this.local = local;
        this.remote = remote;
    }

    /** True for --host and --inventory, which go through the fleet use case rather than one facts source. */
    boolean isRemote(TargetOptions t) {
        checkOne(t);
        return t.host != null || t.inventory != null;
    }

    /** The WinRM port; a provider that refuses (no adapter in this build) is a usage error, not a crash. */
    RemoteHosts remoteHosts() {
        try {
            return remote.get();
        } catch (ProvisionException e) {
            if (e.getCause() instanceof UsageException) {
                throw (UsageException) e.getCause();
            }
            throw e;
        }
    }

    FactsSource resolve(TargetOptions t) {
        checkOne(t);
        if (!t.snapshots.isEmpty()) {
            return offline.get().open(EvidenceList.expand(t.snapshots, env.stdin()));
        }
        if (t.hives != null) {
            return hives.get().open(t.hives);
        }
        if (t.host != null || t.inventory != null) {
            throw new UsageException((t.host != null ? "--host" : "--inventory")
                    + ": only 'tlsready audit' reads remote hosts; collect evidence on the host (see README) and use "
                    + "--snapshot");
        }
        return local.get().open();
    }

    private static void checkOne(TargetOptions t) {
        if (t.count() > 1) {
            throw new UsageException("choose one target: --snapshot, --hives, --host or --inventory");
        }
    }
}
