package io.tlsready.regf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.tlsready.testing.Corpus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded, time-bounded fuzzing of log replay: the corpus logs are mutated (byte flips in headers and entries,
 * truncation, zeroed or copied ranges, forged sequence numbers with recomputed checksums) and replayed. Recovery
 * itself must never throw; its result must open and walk, or fail to open only with {@link HiveFormatException};
 * a result that is not recovered must carry a warning.
 */
class HiveRecoveryFuzzTest {

    private static final long SEED = 0x5EED_2024L;
    private static final Duration BUDGET = Duration.ofSeconds(6);

    @Test
    void mutated_logs_never_break_recovery() {
        byte[] newPrimary = Corpus.bytes("hives", "yarp/NewDirtyHive1/NewDirtyHive");
        byte[] newLog1 = Corpus.bytes("hives", "yarp/NewDirtyHive1/NewDirtyHive.LOG1");
        byte[] newLog2 = Corpus.bytes("hives", "yarp/NewDirtyHive1/NewDirtyHive.LOG2");
        byte[] oldPrimary = Corpus.bytes("hives", "yarp/OldDirtyHive/OldDirtyHive");
        byte[] oldLog = Corpus.bytes("hives", "yarp/OldDirtyHive/OldDirtyHive.LOG1");
        byte[] badPrimary = Corpus.bytes("hives", "yarp/BadBaseBlockHive/BadBaseBlockHive");

        int[] stats = new int[3]; // runs, recovered, rejected by the reader
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            Random rnd = new Random(SEED);
            long end = System.nanoTime() + BUDGET.toNanos();
            while (System.nanoTime() < end) {
                int pick = rnd.nextInt(3);
                byte[] primary = pick == 0 ? newPrimary : pick == 1 ? oldPrimary : badPrimary;
                List<HiveRecovery.LogSource> logs = new ArrayList<>();
                if (pick == 0) {
                    logs.add(HiveRecovery.LogSource.of("LOG1", mutate(newLog1, rnd)));
                    logs.add(HiveRecovery.LogSource.of("LOG2", mutate(newLog2, rnd)));
                } else {
                    logs.add(HiveRecovery.LogSource.of("LOG1", mutate(oldLog, rnd)));
                }
                if (rnd.nextInt(8) == 0) {
                    primary = mutate(primary, rnd);
                }
                RecoveryResult r = HiveRecovery.recover(new ByteArrayHiveImage(primary), "fuzz", logs);
                stats[0]++;
                if (r.recovered()) {
                    stats[1]++;
                } else if (r.dirty()) {
                    assertThat(r.warnings()).as("unrecovered dirty hive must warn").isNotEmpty();
                }
                try {
                    HiveCorpus.walk(r.open("fuzz"));
                } catch (HiveFormatException e) {
                    stats[2]++;
                }
            }
        });
        System.out.printf("recovery fuzz: %d runs, %d recovered, %d rejected by the reader (HiveFormatException)%n",
                stats[0], stats[1], stats[2]);
        assertThat(stats[0]).isGreaterThan(50);
    }

    private static byte[] mutate(byte[] original, Random rnd) {
        byte[] b = original.clone();
        int kind = rnd.nextInt(7);
        switch (kind) {
            case 0: // a few byte flips near headers (base block, first entries)
                for (int i = 0; i < 1 + rnd.nextInt(4); i++) {
                    b[rnd.nextInt(Math.min(b.length, 1024))] ^= (byte) (1 + rnd.nextInt(255));
                }
                return b;
            case 1: // byte flips anywhere
                for (int i = 0; i < 1 + rnd.nextInt(8); i++) {
                    b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
                }
                return b;
            case 2: // truncation
                return java.util.Arrays.copyOf(b, rnd.nextInt(b.length + 1));
            case 3: { // zeroed range
                int from = rnd.nextInt(b.length);
                java.util.Arrays.fill(b, from, Math.min(b.length, from + rnd.nextInt(8192)), (byte) 0);
                return b;
            }
            case 4: { // copied range (duplicated entries, misplaced pages)
                int from = rnd.nextInt(b.length);
                int to = rnd.nextInt(b.length);
                int len = Math.min(rnd.nextInt(4096), Math.min(b.length - from, b.length - to));
                System.arraycopy(original, from, b, to, len);
                return b;
            }
            case 5: // forged header fields with a valid checksum: sequence numbers, file type, bins size
                if (b.length >= 512) {
                    int field = new int[] {4, 8, 12, 28, 40}[rnd.nextInt(5)];
                    BaseBlocks.putInt(b, field, rnd.nextBoolean() ? rnd.nextInt() : BaseBlocks.getInt(b, field) + 1);
                    BaseBlocks.updateChecksum(b);
                }
                return b;
            default: // huge values in the first entry header (size, bins size, page count, page references)
                if (b.length >= 600) {
                    int field = 512 + 4 * (1 + rnd.nextInt(12));
                    BaseBlocks.putInt(b, field, rnd.nextBoolean() ? -1 - rnd.nextInt(16) : rnd.nextInt());
                }
                return b;
        }
    }
}
