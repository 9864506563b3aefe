package io.tlsready.adapters.windows.live;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.tlsready.domain.port.LocalEditor;
import io.tlsready.domain.port.LocalMachine;

/**
 * Binds the {@link LocalMachine} port (audit) and the {@link LocalEditor} port (fix, rollback) to this machine's live
 * registry (Windows; elsewhere a clear error when opened).
 */
public final class LocalRegistryModule extends AbstractModule {

    @Provides
    @Singleton
    LocalMachine localMachine() {
        return new LocalMachineAdapter();
    }

    @Provides
    @Singleton
    LocalEditor localEditor() {
        return new LocalEditorAdapter();
    }
}
