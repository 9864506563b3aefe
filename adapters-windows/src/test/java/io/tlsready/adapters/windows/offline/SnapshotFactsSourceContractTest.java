package io.tlsready.adapters.windows.offline;

import io.tlsready.adapters.windows.snapshot.JsonSnapshot;
import io.tlsready.domain.facts.Fact;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.facts.InstalledUpdates;
import io.tlsready.domain.facts.KeyRef;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.SystemInfo;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.port.FactsSource;
import io.tlsready.domain.port.FactsSourceContract;
import io.tlsready.domain.port.HostState;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract for {@code --snapshot FILE.json}: the host state is written as a tlsready.snapshot/v1 file
 * (every probe in the state a full collection would have recorded) and read back through the offline
 * evidence adapter, exactly as the CLI does.
 */
class SnapshotFactsSourceContractTest extends FactsSourceContract {

    @TempDir
    Path dir;

    @Override
    protected FactsSource sourceFor(HostState state) {
        Map<ValueRef, Fact<RegValue>> values = new LinkedHashMap<>();
        for (ValueRef ref : PROBES) {
            String expected = state.expectedState(ref);
            if (expected.equals("PRESENT")) {
                values.put(ref, Fact.present(state.present().get(ref), "contract"));
            } else if (expected.equals("ABSENT")) {
                values.put(ref, Fact.absent("contract: key covered"));
            } else {
                values.put(ref, Fact.notCollected("contract: key not covered"));
            }
        }
        Fact<SystemInfo> systemInfo = state.systemInfo().<Fact<SystemInfo>>map(si -> Fact.present(si, "contract"))
                .orElse(Fact.notCollected("contract: no OS identity"));
        Fact<InstalledUpdates> updates = state.updates().<Fact<InstalledUpdates>>map(u -> Fact.present(u, "contract"))
                .orElse(Fact.notCollected("contract: no update list"));
        Map<KeyRef, Fact<String>> keys = new LinkedHashMap<>();
        for (KeyRef ref : KEY_PROBES) {
            String expected = state.expectedKeyState(ref);
            keys.put(ref, expected.equals("PRESENT") ? Fact.present(ref.physicalKey(), "contract")
                    : expected.equals("ABSENT") ? Fact.absent("contract: key covered")
                    : Fact.notCollected("contract: key not covered"));
        }
        HostFacts facts = new HostFacts("HOST1", "contract", values, systemInfo, updates, List.of(), List.of(), keys);
        Path file = dir.resolve("snapshot-" + System.nanoTime() + ".json");
        try (OutputStream out = Files.newOutputStream(file)) {
            JsonSnapshot.write(facts, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new OfflineEvidenceAdapter().open(List.of(file));
    }
}
