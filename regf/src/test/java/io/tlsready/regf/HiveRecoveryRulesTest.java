package io.tlsready.regf;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.testing.Corpus;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The selection rules of log replay (regf spec, "New format" notes 5-9, "Old format" notes 2-4), exercised by
 * damaging copies of the real corpus logs.
 */
class HiveRecoveryRulesTest {

    private static final String NEW = "yarp/NewDirtyHive1/";
    private static final String OLD = "yarp/OldDirtyHive/";

    private static byte[] corpus(String hive) {
        return Corpus.bytes("hives", hive);
    }

    @Test
    void bad_hash_stops_before_the_damaged_entry() {
        byte[] log2 = corpus(NEW + "NewDirtyHive.LOG2");
        log2[8192 + 100] ^= 0x55; // inside the pages of the entry with seq 4 (LOG2 offset 8192)
        RecoveryResult r = recoverNew(corpus(NEW + "NewDirtyHive"), corpus(NEW + "NewDirtyHive.LOG1"), log2);
        assertThat(r.recovered()).isTrue();
        assertThat(r.entriesApplied()).isEqualTo(2); // seq 2 (LOG1) and 3 (LOG2)
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w.reason()).contains("Hash-1"));
        Hive hive = r.open("recovered");
        assertThat(hive.primarySequence()).isEqualTo(3);
        HiveCorpus.walk(hive);
    }

    @Test
    void entries_after_the_secondary_sequence_are_applied_with_a_note() {
        // Without LOG1 (seq 2) the first available entry is seq 3, one past the primary's secondary sequence number.
        RecoveryResult r = recoverNew(corpus(NEW + "NewDirtyHive"), null, corpus(NEW + "NewDirtyHive.LOG2"));
        assertThat(r.entriesApplied()).isEqualTo(3);
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("first applicable log entry has seq 3"));
    }

    @Test
    void a_missing_log_in_the_middle_is_a_gap() {
        byte[] log2 = corpus(NEW + "NewDirtyHive.LOG2");
        log2[8192] = 'X'; // entry seq 4 loses its signature: LOG2 ends after seq 3
        byte[] log1 = corpus(NEW + "NewDirtyHive.LOG1");
        RecoveryResult r = recoverNew(corpus(NEW + "NewDirtyHive"), log1, log2);
        assertThat(r.entriesApplied()).isEqualTo(2);
        assertThat(r.open("recovered").primarySequence()).isEqualTo(3);
    }

    @Test
    void bad_primary_checksum_takes_the_base_block_from_a_log() {
        byte[] primary = corpus(NEW + "NewDirtyHive");
        primary[508] ^= 1;
        RecoveryResult r = recoverNew(primary, corpus(NEW + "NewDirtyHive.LOG1"),
                corpus(NEW + "NewDirtyHive.LOG2"));
        assertThat(r.baseBlockRestored()).isTrue();
        assertThat(r.entriesApplied()).isEqualTo(4);
        Hive hive = r.open("recovered");
        assertThat(hive.checksumValid()).isTrue();
        HiveRecoveryCorpusTest.assertSameContent(hive, HiveCorpus.open(NEW + "RecoveredHive_Windows10"));
    }

    @Test
    void clean_hive_ignores_its_logs() {
        RecoveryResult r = recoverNew(corpus(NEW + "RecoveredHive_Windows10"), corpus(NEW + "NewDirtyHive.LOG1"),
                corpus(NEW + "NewDirtyHive.LOG2"));
        assertThat(r.dirty()).isFalse();
        assertThat(r.recovered()).isFalse();
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void old_log_of_another_write_is_not_applied() {
        byte[] log = corpus(OLD + "OldDirtyHive.LOG1");
        log[12] ^= 1; // last-written timestamp no longer matches the primary's
        BaseBlocks.updateChecksum(log); // first sector only: checksum over bytes 0..507
        RecoveryResult r = HiveRecovery.recover(new ByteArrayHiveImage(corpus(OLD + "OldDirtyHive")), "OldDirtyHive",
                List.of(HiveRecovery.LogSource.of("OldDirtyHive.LOG1", log)));
        assertThat(r.recovered()).isFalse();
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w.reason()).contains("no log data could be applied"));
    }

    @Test
    void old_log_with_incomplete_write_is_ignored() {
        byte[] log = corpus(OLD + "OldDirtyHive.LOG1");
        log[8] ^= 1; // secondary sequence number differs: the log write did not finish ("Old format" note 2)
        BaseBlocks.updateChecksum(log);
        RecoveryResult r = HiveRecovery.recover(new ByteArrayHiveImage(corpus(OLD + "OldDirtyHive")), "OldDirtyHive",
                List.of(HiveRecovery.LogSource.of("OldDirtyHive.LOG1", log)));
        assertThat(r.recovered()).isFalse();
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w.reason()).contains("log write incomplete"));
    }

    @Test
    void win2000_log_and_empty_log_are_reported() {
        byte[] log = corpus(OLD + "OldDirtyHive.LOG1");
        log[28] = 2;
        BaseBlocks.updateChecksum(log);
        RecoveryResult r = HiveRecovery.recover(new ByteArrayHiveImage(corpus(OLD + "OldDirtyHive")), "OldDirtyHive",
                List.of(HiveRecovery.LogSource.of("OldDirtyHive.LOG", new byte[0]),
                        HiveRecovery.LogSource.of("OldDirtyHive.LOG1", log)));
        assertThat(r.recovered()).isFalse();
        assertThat(r.warnings()).extracting(HiveWarning::reason)
                .anySatisfy(w -> assertThat(w).contains("Windows 2000 log format"))
                .anySatisfy(w -> assertThat(w).contains("none of its 2 logs is usable"));
    }

    @Test
    void overlay_reads_across_pages_and_beyond_the_base() {
        byte[] base = new byte[10_000];
        for (int i = 0; i < base.length; i++) {
            base[i] = (byte) i;
        }
        OverlayHiveImage.Builder b = new OverlayHiveImage.Builder(new ByteArrayHiveImage(base));
        b.write(4094, new byte[] {1, 2, 3, 4}, 0, 4); // straddles pages 0 and 1
        b.growTo(20_000);
        OverlayHiveImage img = b.build();
        assertThat(img.size()).isEqualTo(20_000);
        assertThat(img.pageCount()).isEqualTo(2);
        assertThat(img.getInt(4094)).isEqualTo(0x04030201);
        assertThat(img.getShort(4093)).isEqualTo((short) (((4093 & 0xFF)) | 1 << 8));
        assertThat(img.getInt(100)).isEqualTo(new ByteArrayHiveImage(base).getInt(100));
        assertThat(img.getLong(9996)).isEqualTo(new ByteArrayHiveImage(base).getInt(9996) & 0xFFFF_FFFFL);
        byte[] dst = new byte[8];
        img.get(4092, dst, 0, 8);
        assertThat(dst).containsExactly((byte) 4092, (byte) 4093, 1, 2, 3, 4, (byte) 4098, (byte) 4099);
        assertThat(img.get(15_000)).isZero();
    }

    private static RecoveryResult recoverNew(byte[] primary, byte[] log1, byte[] log2) {
        List<HiveRecovery.LogSource> logs = new java.util.ArrayList<>();
        if (log1 != null) {
            logs.add(HiveRecovery.LogSource.of("NewDirtyHive.LOG1", log1));
        }
        if (log2 != null) {
            logs.add(HiveRecovery.LogSource.of("NewDirtyHive.LOG2", log2));
        }
        return HiveRecovery.recover(new ByteArrayHiveImage(primary), "NewDirtyHive", logs);
    }
}
