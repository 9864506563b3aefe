package io.tlsready.regf;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.facts.RegValue;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Damaged hives from the corpus: partial results plus warnings naming what was skipped. */
class HiveDamageTest {

    private static Map<String, Long> reasons(Hive hive) {
        // Group by the kind of damage: drop the value name and numbers from each reason.
        return hive.warnings().stream()
                .map(w -> w.reason().replaceAll("'[^']*'", "'x'").replaceAll("\\d+", "N"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    @Test
    void corrupted_system_hive() {
        Hive hive = HiveCorpus.open("regipy/corrupted_system_hive");
        assertThat(hive.dirty()).isFalse();
        HiveCorpus.Counts counts = HiveCorpus.walk(hive);
        Map<String, Long> kinds = reasons(hive);
        System.out.println("corrupted_system_hive: " + counts + " " + kinds);

        assertThat(counts.keys()).isEqualTo(1687);
        assertThat(counts.values()).isEqualTo(5625);
        // The MANIFEST's 65 unreadable cells are the subkey entries pointing at zeroed cells.
        assertThat(kinds).containsEntry("subkey points at a zeroed cell; skipped", 65L);
        assertThat(hive.warnings()).hasSize(176).allSatisfy(w -> {
            assertThat(w.keyPath()).isNotEmpty();
            assertThat(w.cellOffset()).isNotNegative();
        });
        assertThat(hive.warnings().get(0).toString())
                .isEqualTo("ControlSet001\\Control [cell 0x25078]: subkey points at a zeroed cell; skipped");

        // The TLS facts survive the damage.
        assertThat(HiveCorpus.value(hive.key("Select").orElseThrow(), "Current"))
                .isEqualTo(new RegValue.Dword(1));
        HiveKey protocols = hive.key("ControlSet001\\Control\\SecurityProviders\\SCHANNEL\\Protocols").orElseThrow();
        assertThat(protocols.subkeys()).extracting(HiveKey::name).containsExactlyInAnyOrder(
                "Multi-Protocol Unified Hello", "PCT 1.0", "SSL 2.0", "SSL 3.0", "TLS 1.0");
    }

    @Test
    void bad_list_and_bad_subkey_hives() {
        for (String file : List.of("yarp/BadListHive", "yarp/BadSubkeyHive")) {
            Hive hive = HiveCorpus.open(file);
            HiveCorpus.Counts counts = HiveCorpus.walk(hive);
            assertThat(counts.keys()).as(file).isEqualTo(6);
            // Key 2's list wrongly names key 3's subkey (its nk parent field says 3): it stays under 3 only.
            assertThat(hive.key("3\\subkey")).as(file).isPresent();
            assertThat(hive.key("2\\subkey")).as(file).isEmpty();
            assertThat(hive.warnings()).as(file).singleElement().satisfies(w -> {
                assertThat(w.keyPath()).isEqualTo("2");
                assertThat(w.cellOffset()).isEqualTo(0x470);
                assertThat(w.reason()).contains("belongs to the key at cell 0x380");
            });
        }
    }

    @Test
    void truncated_hive() {
        Hive hive = HiveCorpus.open("yarp/TruncatedHive");
        HiveCorpus.Counts counts = HiveCorpus.walk(hive);
        assertThat(counts.keys()).isEqualTo(2);
        List<HiveWarning> w = hive.warnings();
        assertThat(w.get(0).reason()).contains("truncated").contains("487424").contains("8192");
        assertThat(w.subList(1, w.size())).isNotEmpty().allSatisfy(x -> {
            assertThat(x.keyPath()).isEqualTo("key_with_many_subkeys");
            assertThat(x.reason()).contains("past the end of the hive bins");
        });
    }

    @Test
    void bad_base_block_hive_reads_with_checksum_warning() {
        Hive hive = HiveCorpus.open("yarp/BadBaseBlockHive/BadBaseBlockHive");
        assertThat(hive.checksumValid()).isFalse();
        assertThat(hive.dirty()).isTrue();
        assertThat(hive.minorVersion()).isEqualTo(1);
        HiveCorpus.Counts counts = HiveCorpus.walk(hive);
        assertThat(counts.keys()).isEqualTo(5003);
        assertThat(hive.warnings()).extracting(HiveWarning::reason)
                .anyMatch(r -> r.contains("checksum is wrong"))
                .anyMatch(r -> r.contains("dirty"));
    }

    @Test
    void dirty_hive_without_logs_warns() {
        Hive hive = HiveCorpus.open("regipy/SYSTEM_2");
        assertThat(hive.dirty()).isTrue();
        assertThat(hive.checksumValid()).isTrue();
        assertThat(hive.warnings()).singleElement()
                .satisfies(w -> assertThat(w.reason()).contains("dirty").contains("205").contains("204"));
    }

    @Test
    void duplicate_subkey_names_are_reported() {
        Hive hive = HiveCorpus.open("yarp/DuplicateSubkeysHive");
        HiveKey parent = hive.key("key_with_many_subkeys").orElseThrow();
        assertThat(parent.subkeys()).hasSize(5000);
        assertThat(hive.warnings()).singleElement()
                .satisfies(w -> assertThat(w.reason()).isEqualTo("two subkeys are named '4500'"));
    }
}
