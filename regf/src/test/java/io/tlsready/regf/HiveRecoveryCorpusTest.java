package io.tlsready.regf;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.testing.Corpus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Recovery against real dirty hives and what Windows made of them (corpus MANIFEST.md): yarp's NewDirtyHive1 and
 * OldDirtyHive with the hives Windows 10 / Windows 7 wrote after recovering them (compared key for key and value for
 * value, key timestamps and class names included), regipy's SYSTEM_B (with regipy's published count reproduced from
 * regipy's own replay order), yarp's BadBaseBlockHive, and regipy's SYSTEM_2 (dirty, no logs).
 */
class HiveRecoveryCorpusTest {

    @Test
    void new_format_logs_give_what_windows_10_recovered() throws IOException {
        RecoveryResult r = recover("yarp/NewDirtyHive1/NewDirtyHive",
                "yarp/NewDirtyHive1/NewDirtyHive.LOG1", "yarp/NewDirtyHive1/NewDirtyHive.LOG2");
        print("NewDirtyHive1", r);
        assertThat(r.recovered()).isTrue();
        assertThat(r.warnings()).isEmpty();
        // LOG1 holds seq 2, LOG2 seq 3..5; the primary's secondary sequence number is 2.
        assertThat(r.entriesApplied()).isEqualTo(4);
        assertThat(r.pagesApplied()).isEqualTo(4);
        Hive recovered = r.open("NewDirtyHive (recovered)");
        assertThat(recovered.dirty()).isFalse();
        assertThat(recovered.primarySequence()).isEqualTo(5);
        Hive windows = HiveCorpus.open("yarp/NewDirtyHive1/RecoveredHive_Windows10");
        assertSameContent(recovered, windows);
        assertThat(recovered.warnings()).isEmpty();
        // The primary alone differs: the logs carry real changes.
        assertThat(dump(HiveCorpus.open("yarp/NewDirtyHive1/NewDirtyHive"), true)).isNotEqualTo(dump(windows, true));
    }

    @Test
    void old_format_log_gives_what_windows_7_recovered() throws IOException {
        RecoveryResult r = recover("yarp/OldDirtyHive/OldDirtyHive", "yarp/OldDirtyHive/OldDirtyHive.LOG1");
        print("OldDirtyHive", r);
        assertThat(r.recovered()).isTrue();
        assertThat(r.warnings()).isEmpty();
        assertThat(r.entriesApplied()).isZero();
        assertThat(r.pagesApplied()).isEqualTo(64);
        Hive recovered = r.open("OldDirtyHive (recovered)");
        assertThat(recovered.dirty()).isFalse();
        Hive windows = HiveCorpus.open("yarp/OldDirtyHive/RecoveredHive_Windows7");
        assertSameContent(recovered, windows);
        assertThat(recovered.warnings()).isEmpty();
        assertThat(dump(HiveCorpus.open("yarp/OldDirtyHive/OldDirtyHive"), true)).isNotEqualTo(dump(windows, true));
    }

    @Test
    void system_b_gains_its_logged_keys_and_values_in_sequence_order() throws IOException {
        RecoveryResult r = recover("regipy/SYSTEM_B", "regipy/SYSTEM_B.LOG1", "regipy/SYSTEM_B.LOG2");
        print("SYSTEM_B", r);
        assertThat(r.recovered()).isTrue();
        assertThat(r.warnings()).isEmpty();
        assertThat(r.entriesApplied()).isEqualTo(24); // LOG1 seq 2107..2110, LOG2 seq 2111..2130
        assertThat(r.pagesApplied()).isEqualTo(315); // regipy: "315 dirty pages applied"

        Hive before = HiveCorpus.open("regipy/SYSTEM_B");
        Hive after = r.open("SYSTEM_B (recovered)");
        assertThat(after.dirty()).isFalse();
        Set<String> keysBefore = new HashSet<>();
        Set<String> valuesBefore = new HashSet<>();
        collect(before, keysBefore, valuesBefore);
        Set<String> keysAfter = new HashSet<>();
        Set<String> valuesAfter = new HashSet<>();
        collect(after, keysAfter, valuesAfter);
        Set<String> newKeys = minus(keysAfter, keysBefore);
        Set<String> newValues = minus(valuesAfter, valuesBefore);
        System.out.printf("SYSTEM_B: keys %d -> %d (+%d new, -%d gone), values %d -> %d (+%d new, -%d gone)%n",
                keysBefore.size(), keysAfter.size(), newKeys.size(), minus(keysBefore, keysAfter).size(),
                valuesBefore.size(), valuesAfter.size(), newValues.size(), minus(valuesBefore, valuesAfter).size());
        // Replayed in sequence order (LOG1 2107..2110, then LOG2 2111..2130), nothing is lost and 2,472 keys appear.
        assertThat(newKeys).hasSize(2472);
        assertThat(minus(keysBefore, keysAfter)).isEmpty();
        assertThat(minus(valuesBefore, valuesAfter)).isEmpty();
        assertThat(newValues).hasSize(NEW_VALUES_IN_SEQUENCE_ORDER);
        assertThat(newValues.stream().filter(v -> keysBefore.contains(v.substring(0, v.lastIndexOf(VALUE_SEPARATOR)))))
                .hasSize(14);
        assertThat(after.warnings()).isEmpty();

        // Memory: the overlay holds the distinct dirty pages only, never the 12 MB primary.
        OverlayHiveImage overlay = (OverlayHiveImage) r.image();
        assertThat(overlay.base()).isInstanceOf(MappedHiveImage.class);
        assertThat(r.overlayPages()).isLessThanOrEqualTo(484 + 1); // distinct 4 KiB pages referenced by the logs + base block
        assertThat(r.overlayHeapBytes()).isLessThan(r.image().size() / 5);
    }

    /** Values (key path + name) the sequence-order replay of SYSTEM_B adds: 3,930 in new keys, 14 in existing ones. */
    private static final int NEW_VALUES_IN_SEQUENCE_ORDER = 3944;

    /**
     * regipy's expected "2,458 new subkeys" comes from its own replay order: {@code apply_transaction_logs(hive,
     * primary_log_path=LOG1, secondary_log_path=LOG2)} applies LOG2 first and LOG1 on top, so LOG1's older copies of
     * three pages (seq 2107..2110) overwrite LOG2's newer ones. Replaying that way and counting as regipy's
     * compare_hives does (keys in either hive but not both) gives exactly 2,458: the difference from our 2,472 is
     * regipy's replay order, not our reader.
     */
    @Test
    void regipys_count_is_reproduced_by_its_replay_order() throws IOException {
        HiveImage primary = MappedHiveImage.open(Corpus.file("hives", "regipy/SYSTEM_B"));
        OverlayHiveImage.Builder out = new OverlayHiveImage.Builder(primary);
        long bins = 0;
        for (String log : List.of("regipy/SYSTEM_B.LOG2", "regipy/SYSTEM_B.LOG1")) {
            for (NewLogEntry e : NewLogEntry.scan(LogFile.of(log, MappedHiveImage.open(Corpus.file("hives", log)))).entries()) {
                e.applyTo(out);
                bins = Math.max(bins, e.binsSize());
            }
        }
        byte[] base = BaseBlocks.firstSector(primary);
        BaseBlocks.putInt(base, BaseBlocks.OFF_SECONDARY_SEQ, BaseBlocks.getInt(base, BaseBlocks.OFF_PRIMARY_SEQ));
        BaseBlocks.putInt(base, BaseBlocks.OFF_BINS_SIZE, (int) bins);
        BaseBlocks.updateChecksum(base);
        out.write(0, base, 0, base.length);
        Hive regipyOrder = Hive.open(out.build(), "SYSTEM_B (regipy replay order)");

        Set<String> keysBefore = new HashSet<>();
        collect(HiveCorpus.open("regipy/SYSTEM_B"), keysBefore, new HashSet<>());
        Set<String> keysAfter = new HashSet<>();
        collect(regipyOrder, keysAfter, new HashSet<>());
        int added = minus(keysAfter, keysBefore).size();
        int gone = minus(keysBefore, keysAfter).size();
        System.out.printf("SYSTEM_B in regipy's replay order: +%d keys, -%d keys, %d reader warnings%n", added, gone,
                regipyOrder.warnings().size());
        assertThat(added + gone).isEqualTo(2458);
    }

    @Test
    void bad_base_block_is_restored_from_the_log() throws IOException {
        Hive damaged = HiveCorpus.open("yarp/BadBaseBlockHive/BadBaseBlockHive");
        assertThat(damaged.checksumValid()).isFalse();
        RecoveryResult r = recover("yarp/BadBaseBlockHive/BadBaseBlockHive", "yarp/BadBaseBlockHive/BadBaseBlockHive.LOG1");
        print("BadBaseBlockHive", r);
        assertThat(r.recovered()).isTrue();
        assertThat(r.baseBlockRestored()).isTrue();
        assertThat(r.pagesApplied()).isEqualTo(64);
        Hive recovered = r.open("BadBaseBlockHive (recovered)");
        assertThat(recovered.checksumValid()).isTrue();
        assertThat(recovered.dirty()).isFalse();
        assertThat(recovered.minorVersion()).isEqualTo(3); // the damaged header says 1
        assertThat(recovered.warnings()).isEmpty();
        // BadBaseBlockHive is OldDirtyHive with a broken header: recovered, it equals what Windows 7 recovered.
        assertSameContent(recovered, HiveCorpus.open("yarp/OldDirtyHive/RecoveredHive_Windows7"));
    }

    @Test
    void dirty_hive_without_logs_is_read_with_a_loud_warning() throws IOException {
        RecoveryResult r = HiveRecovery.recover(Corpus.file("hives", "regipy/SYSTEM_2"), List.of());
        print("SYSTEM_2", r);
        assertThat(r.dirty()).isTrue();
        assertThat(r.recovered()).isFalse();
        assertThat(r.image()).isInstanceOf(MappedHiveImage.class);
        assertThat(r.warnings()).singleElement().asString()
                .contains("dirty hive without logs", "recent changes may be missing");
        Hive hive = r.open("SYSTEM_2");
        assertThat(HiveCorpus.walk(hive).keys()).isEqualTo(20015);
    }

    @Test
    void clean_hive_is_returned_as_is() throws IOException {
        RecoveryResult r = HiveRecovery.recover(Corpus.file("hives", "regipy/SYSTEM"), List.of());
        assertThat(r.dirty()).isFalse();
        assertThat(r.recovered()).isFalse();
        assertThat(r.warnings()).isEmpty();
        assertThat(r.image()).isInstanceOf(MappedHiveImage.class);
    }

    @Test
    void logs_beside_finds_the_logs_in_any_case() throws IOException {
        assertThat(HiveRecovery.logsBeside(Corpus.file("hives", "regipy/SYSTEM_B")))
                .extracting(p -> p.getFileName().toString()).containsExactly("SYSTEM_B.LOG1", "SYSTEM_B.LOG2");
        assertThat(HiveRecovery.logsBeside(Corpus.file("hives", "regipy/SYSTEM_2"))).isEmpty();
    }

    // ---- helpers ----

    static RecoveryResult recover(String primary, String... logs) throws IOException {
        List<Path> paths = new ArrayList<>();
        for (String log : logs) {
            paths.add(Corpus.file("hives", log));
        }
        return HiveRecovery.recover(Corpus.file("hives", primary), paths);
    }

    private static void print(String what, RecoveryResult r) {
        System.out.println("== " + what + ": entries " + r.entriesApplied() + ", pages " + r.pagesApplied()
                + ", overlay " + r.overlayPages() + " pages / " + r.overlayHeapBytes() + " heap bytes");
        r.notes().forEach(n -> System.out.println("   " + n));
    }

    /** Same keys (path, class name, last-written time) and values (name, type, data), in walk order. */
    static void assertSameContent(Hive actual, Hive expected) {
        List<String> a = dump(actual, true);
        List<String> e = dump(expected, true);
        assertThat(a).hasSameSizeAs(e);
        assertThat(a).containsExactlyElementsOf(e);
    }

    static List<String> dump(Hive hive, boolean withTimestamps) {
        List<String> out = new ArrayList<>();
        HexFormat hex = HexFormat.of();
        HiveWalker.walk(hive, new HiveWalker.Visitor() {
            @Override
            public boolean enterKey(HiveKey key, int depth) {
                out.add("K " + key.path() + " | class=" + key.className().orElse("-")
                        + (withTimestamps ? " | t=" + key.lastWritten() : ""));
                return true;
            }

            @Override
            public void value(HiveKey key, HiveValue value) {
                out.add("V " + key.path() + " | " + value.name() + " | " + value.type() + " | "
                        + hex.formatHex(value.data()));
            }
        });
        return out;
    }

    private static void collect(Hive hive, Set<String> keys, Set<String> values) {
        HiveWalker.walk(hive, new HiveWalker.Visitor() {
            @Override
            public boolean enterKey(HiveKey key, int depth) {
                keys.add(key.path());
                return true;
            }

            @Override
            public void value(HiveKey key, HiveValue value) {
                values.add(key.path() + VALUE_SEPARATOR + value.name());
            }
        });
    }

    /** Separates key path and value name in value identities (a character no key name contains). */
    private static final String VALUE_SEPARATOR = "\u0000";

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.removeAll(b);
        return out;
    }
}
