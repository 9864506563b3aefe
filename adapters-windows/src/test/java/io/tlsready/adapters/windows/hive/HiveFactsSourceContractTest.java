package io.tlsready.adapters.windows.hive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.abort;

import com.google.inject.Guice;
import io.tlsready.domain.facts.Fact;
import io.tlsready.domain.facts.FactsRequest;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.facts.InstalledUpdates;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.RegistryDataEncoding;
import io.tlsready.domain.facts.RegistryPaths;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.port.EvidenceException;
import io.tlsready.domain.port.FactsSource;
import io.tlsready.domain.port.FactsSourceContract;
import io.tlsready.domain.port.HiveEvidence;
import io.tlsready.domain.port.HostState;
import io.tlsready.regf.TestHiveBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract for {@code --hives DIR}: the host state is written as SYSTEM and SOFTWARE hive files (synthetic regf
 * images from {@link TestHiveBuilder}) and read through the production wiring ({@link HiveEvidenceModule}).
 *
 * <p>How the state maps onto hives, and why:
 * <ul>
 * <li>CurrentControlSet does not exist on disk: keys go under ControlSet001 and {@code Select\Current} is 1.
 * The 32-bit view is the WOW6432Node subkey of SOFTWARE. Installed updates are CBS packages with CurrentState
 * 0x70.</li>
 * <li>A hive holds its whole tree, so everything in a hive that is present is covered: a hive file cannot leave a
 * key "not collected" the way a partial .reg export does. It can only lack a hive file (SYSTEM or SOFTWARE is not
 * written when the state covers nothing in it), or be damaged on the way to a key. So every probe the state says is
 * NOT_COLLECTED inside a hive that exists gets a damaged key cell (an nk cell with its signature wiped) where its
 * path leaves the written tree: the lookup runs into damage and must answer NOT_COLLECTED, never ABSENT.</li>
 * <li>Empty evidence cannot be written as hives: a folder with neither hive is refused (exit code 2 in the CLI),
 * not read as "nothing collected"; the contract's empty-evidence case is skipped with that reason and
 * {@link #a_folder_without_either_hive_is_refused} asserts the refusal instead.</li>
 * <li>Hives carry an update list (CBS) but no systeminfo: the OS identity is read by the rules from the registry
 * values ({@code Windows NT\CurrentVersion}, ProductOptions), so {@link #carriesSystemInfoAndUpdates} is false and
 * {@link #updates_given_become_cbs_packages_and_are_present} covers the update half.</li>
 * </ul>
 */
class HiveFactsSourceContractTest extends FactsSourceContract {

    private static final String CBS_PACKAGES =
            "Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\Packages";

    @TempDir
    Path dir;

    @Override
    protected FactsSource sourceFor(HostState state) {
        Tree system = new Tree();
        Tree software = new Tree();
        for (String key : state.coveredKeys()) {
            hiveOf(key, system, software).key(hivePath(key));
        }
        state.present().forEach((ref, value) ->
                hiveOf(ref.physicalKey(), system, software).key(hivePath(ref.physicalKey())).values.put(ref.name(), value));
        state.updates().ifPresent(u -> u.kbs().forEach(kb -> software.key(List.of((CBS_PACKAGES + "\\Package_for_" + kb
                + "~31bf3856ad364e35~amd64~~6.1.1.0").split("\\\\"))).values.put("CurrentState", new RegValue.Dword(0x70))));
        if (system.isEmpty() && software.isEmpty()) {
            abort("a folder with neither a SYSTEM nor a SOFTWARE hive is refused, not read as empty evidence "
                    + "(see a_folder_without_either_hive_is_refused)");
        }
        if (!system.isEmpty()) {
            system.key(List.of("Select")).values.put("Current", new RegValue.Dword(1));
        }
        for (ValueRef probe : PROBES) {
            Tree hive = hiveOf(probe.physicalKey(), system, software);
            if (state.expectedState(probe).equals("NOT_COLLECTED") && !hive.isEmpty()) {
                hive.damageOnTheWayTo(hivePath(probe.physicalKey()));
            }
        }
        try {
            Path folder = Files.createTempDirectory(dir, "hives");
            if (!system.isEmpty()) {
                Files.write(folder.resolve("SYSTEM"), system.build());
            }
            if (!software.isEmpty()) {
                Files.write(folder.resolve("SOFTWARE"), software.build());
            }
            return hiveEvidence().open(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected boolean carriesSystemInfoAndUpdates() {
        return false;
    }

    @Test
    void a_folder_without_either_hive_is_refused() {
        assertThatThrownBy(() -> hiveEvidence().open(dir)).isInstanceOf(EvidenceException.class)
                .hasMessageContaining("no SYSTEM or SOFTWARE hive");
    }

    @Test
    void updates_given_become_cbs_packages_and_are_present() {
        HostState state = HostState.builder()
                .updates(InstalledUpdates.of(List.of("KB3140245", "KB4019276")))
                .build();

        HostFacts facts = sourceFor(state).collect(new FactsRequest(Set.copyOf(PROBES), true, true));

        assertThat(facts.updates().asOptional()).hasValueSatisfying(u ->
                assertThat(u.kbs()).containsExactlyInAnyOrder("KB3140245", "KB4019276"));
        assertThat(facts.systemInfo()).isInstanceOf(Fact.NotCollected.class);
    }

    @Test
    void every_lookup_through_a_damaged_key_is_not_collected_not_only_the_first() {
        // Six probes pass through the damaged "Windows NT" key: the hive reports that cell once, yet each answer
        // must still be NOT_COLLECTED.
        HostState state = HostState.builder()
                .value(ValueRef.of(NETFX4, "SchUseStrongCrypto"), new RegValue.Dword(1))
                .build();

        HostFacts facts = sourceFor(state).collect(new FactsRequest(Set.copyOf(PROBES), false, false));

        for (ValueRef ref : PROBES) {
            if (ref.key().equals(CURRENT_VERSION)) {
                assertThat(facts.value(ref)).as(ref.toString()).isInstanceOfSatisfying(Fact.NotCollected.class,
                        n -> assertThat(n.why()).contains("damaged on the way to Microsoft\\Windows NT\\CurrentVersion"));
            }
        }
        assertThat(facts.value(ValueRef.of(NETFX4, "SystemDefaultTlsVersions")).state()).isEqualTo("ABSENT");
    }

    private static HiveEvidence hiveEvidence() {
        return Guice.createInjector(new HiveEvidenceModule()).getInstance(HiveEvidence.class);
    }

    private static Tree hiveOf(String physicalKey, Tree system, Tree software) {
        String key = RegistryPaths.normalize(physicalKey);
        if (RegistryPaths.startsWithKey(key, "HKLM\\SYSTEM")) {
            return system;
        }
        if (RegistryPaths.startsWithKey(key, "HKLM\\SOFTWARE")) {
            return software;
        }
        throw new IllegalArgumentException("not in SYSTEM or SOFTWARE: " + physicalKey);
    }

    /** The key's path inside its hive, with CurrentControlSet as the ControlSet001 it stands for. */
    private static List<String> hivePath(String physicalKey) {
        List<String> parts = new ArrayList<>(Arrays.asList(RegistryPaths.normalize(physicalKey).split("\\\\")));
        List<String> inHive = new ArrayList<>(parts.subList(2, parts.size()));
        boolean system = parts.get(1).equalsIgnoreCase("SYSTEM");
        if (system && !inHive.isEmpty() && inHive.get(0).equalsIgnoreCase("CurrentControlSet")) {
            inHive.set(0, "ControlSet001");
        }
        return inHive;
    }

    /** A hive's keys and values before they are written with {@link TestHiveBuilder}. */
    private static final class Tree {
        final String name;
        final Map<String, Tree> children = new LinkedHashMap<>();
        final Map<String, RegValue> values = new LinkedHashMap<>();
        boolean damaged;

        Tree() {
            this("ROOT");
        }

        private Tree(String name) {
            this.name = name;
        }

        boolean isEmpty() {
            return children.isEmpty() && values.isEmpty();
        }

        Tree key(List<String> path) {
            Tree t = this;
            for (String part : path) {
                t = t.children.computeIfAbsent(part.toUpperCase(Locale.ROOT), k -> new Tree(part));
            }
            return t;
        }

        /** Puts a damaged key cell where {@code path} leaves the keys written so far. */
        void damageOnTheWayTo(List<String> path) {
            Tree t = this;
            for (String part : path) {
                Tree next = t.children.get(part.toUpperCase(Locale.ROOT));
                if (next == null) {
                    Tree broken = new Tree(part);
                    broken.damaged = true;
                    t.children.put(part.toUpperCase(Locale.ROOT), broken);
                    return;
                }
                if (next.damaged) {
                    return;
                }
                t = next;
            }
            throw new IllegalStateException("every key of " + path + " exists: a hive would cover it");
        }

        byte[] build() {
            TestHiveBuilder b = new TestHiveBuilder(5);
            write(b, b.root(), this);
            return b.build();
        }

        private static void write(TestHiveBuilder b, int cell, Tree t) {
            t.values.forEach((name, value) ->
                    b.value(cell, name, RegistryDataEncoding.type(value), RegistryDataEncoding.bytes(value)));
            for (Tree child : t.children.values()) {
                int c = b.key(cell, child.name);
                if (child.damaged) {
                    // Wipe the "nk" signature, keep the flags (compressed name): the list entry and its hash stay
                    // valid, so a lookup by this name reaches the cell and finds it unreadable.
                    b.patch(c, 0, 0x20 << 16);
                } else {
                    write(b, c, child);
                }
            }
        }
    }
}
