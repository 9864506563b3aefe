package io.tlsready.adapters.windows.offline;

import io.tlsready.adapters.windows.offline.reg.RegTestFiles;
import io.tlsready.domain.port.FactsSource;
import io.tlsready.domain.port.FactsSourceContract;
import io.tlsready.domain.port.HostState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** The .reg evidence source against the port contract: each host state becomes UTF-16LE reg export files. */
class RegFactsSourceContractTest extends FactsSourceContract {

    @TempDir
    Path dir;

    @Override
    protected FactsSource sourceFor(HostState state) {
        try {
            List<Path> files = new ArrayList<>();
            for (String export : RegTestFiles.exports(state)) {
                files.add(Files.write(dir.resolve("host-" + files.size() + ".reg"), RegTestFiles.utf16(export)));
            }
            return new OfflineEvidenceAdapter().open(files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected boolean carriesSystemInfoAndUpdates() {
        return false;
    }
}
