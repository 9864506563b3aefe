package io.tlsready.app.cli;

import io.tlsready.domain.port.FactsSource;
import io.tlsready.domain.port.HiveEvidence;
import io.tlsready.domain.port.LocalMachine;
import io.tlsready.domain.port.OfflineEvidence;
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

    @Inject
    Targets(Provider<OfflineEvidence> offline, Provider<HiveEvidence> hives, Provider<LocalMachine> local) {
        this.offline = offline;
        this.hives = hives;
        this.local = local;
    }

    FactsSource resolve(TargetOptions t) {
        if (t.count() > 1) {
            throw new UsageException("choose one target: --snapshot, --hives, --host or --inventory");
        }
        if (!t.snapshots.isEmpty()) {
            return offline.get().open(t.snapshots);
        }
        if (t.hives != null) {
            return hives.get().open(t.hives);
        }
        if (t.host != null || t.inventory != null) {
            throw new UsageException((t.host != null ? "--host" : "--inventory")
                    + ": remote audit over WinRM is not available in this version yet; collect evidence on the host "
                    + "(see README) and use --snapshot");
        }
        return local.get().open();
    }
}
