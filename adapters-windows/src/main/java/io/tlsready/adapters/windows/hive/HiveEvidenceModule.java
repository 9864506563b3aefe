package io.tlsready.adapters.windows.hive;

import com.google.inject.AbstractModule;
import io.tlsready.domain.port.HiveEvidence;

/** Guice wiring of the hive-file adapter: binds {@link HiveEvidence}. */
public final class HiveEvidenceModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(HiveEvidence.class).to(HiveEvidenceAdapter.class);
    }
}
