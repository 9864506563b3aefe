package io.tlsready.adapters.windows;

import io.tlsready.domain.port.FactsSource;
import io.tlsready.domain.port.FactsSourceContract;
import io.tlsready.domain.port.HostState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** The .reg evidence source against the port contract: each host state becomes one UTF-16LE regedit export. */
class RegFactsSourceContractTest extends FactsSourceContract {

    @TempDir
    Path dir;

    @Override
    protected FactsSource sourceFor(HostState state) {
        try {
            Path file = Files.write(dir.resolve("host.reg"), RegTestFiles.utf16(RegTestFiles.export(state)));
            return new OfflineEvidenceAdapter().open(List.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected boolean carriesSystemInfoAndUpdates() {
        return false;
    }
}
