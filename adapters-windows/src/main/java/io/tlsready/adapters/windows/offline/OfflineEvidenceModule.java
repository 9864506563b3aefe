package io.tlsready.adapters.windows.offline;

import com.google.inject.AbstractModule;
import io.tlsready.domain.port.OfflineEvidence;

/** Binds the {@link OfflineEvidence} port to the .reg / systeminfo / snapshot reader. */
public final class OfflineEvidenceModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(OfflineEvidence.class).to(OfflineEvidenceAdapter.class);
    }
}
