package io.tlsready.adapters.windows.hive;

import io.tlsready.domain.port.FactsSource;
import io.tlsready.domain.port.HiveEvidence;
import jakarta.inject.Inject;
import java.nio.file.Path;

/** The {@link HiveEvidence} port over hive files read by our own regf reader. */
final class HiveEvidenceAdapter implements HiveEvidence {

    @Inject
    HiveEvidenceAdapter() {
    }

    @Override
    public FactsSource open(Path dir) {
        return new HiveFactsSource(HiveFiles.locate(dir));
    }
}
