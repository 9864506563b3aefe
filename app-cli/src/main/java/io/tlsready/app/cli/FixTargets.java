package io.tlsready.app.cli;

import com.google.inject.ProvisionException;
import io.tlsready.domain.port.JournalStores;
import io.tlsready.domain.port.LocalEditor;
import io.tlsready.domain.port.LocalMachine;
import io.tlsready.domain.port.RemoteEditors;
import io.tlsready.domain.port.RemoteHosts;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.function.Supplier;

/**
 * The ports {@code fix} and {@code rollback} reach, through providers so that only the path taken loads: a local
 * fix never loads the HTTP stack, a remote one never JNA.
 */
final class FixTargets {

    final Provider<LocalMachine> local;
    final Provider<LocalEditor> localEditor;
    final Provider<RemoteHosts> remote;
    final Provider<RemoteEditors> remoteEditors;
    final Provider<JournalStores> journals;

    @Inject
    FixTargets(Provider<LocalMachine> local, Provider<LocalEditor> localEditor, Provider<RemoteHosts> remote,
            Provider<RemoteEditors> remoteEditors, Provider<JournalStores> journals) {
        this.local = local;
        this.localEditor = localEditor;
        this.remote = remote;
        this.remoteEditors = remoteEditors;
        this.journals = journals;
    }

    RemoteHosts remoteHosts() {
        return unwrapped(remote::get);
    }

    RemoteEditors remoteEditors() {
        return unwrapped(remoteEditors::get);
    }

    /** A provider that refuses (no adapter in this build) is a usage error, not a crash. */
    private static <T> T unwrapped(Supplier<T> provider) {
        try {
            return provider.get();
        } catch (ProvisionException e) {
            if (e.getCause() instanceof UsageException u) {
                throw u;
            }
            throw e;
        }
    }
}
