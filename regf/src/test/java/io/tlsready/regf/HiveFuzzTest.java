package io.tlsready.regf;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.testing.Corpus;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bounded, seeded mutation fuzzing of the reader over small corpus hives (no coverage guidance; see
 * {@link HiveJazzerFuzzTest} for that). Each mutant must either open and walk to the end, or be refused with a
 * {@link HiveFormatException}; anything else (another exception, a hang, an OutOfMemoryError) fails the test.
 */
class HiveFuzzTest {

    private static final List<String> SEEDS = List.of("yarp/BadListHive", "yarp/BigDataHive", "yarp/CompHive",
            "yarp/StringValuesHive", "yarp/MultiSzHive", "hivex/special", "hivex/rlenvalue_test_hive",
            "yarp/TruncatedHive", "yarp/UnicodeHive", "yarp/WrongOrderHive");
    private static final long BUDGET_NANOS = 6_000_000_000L;

    @Test
    @Timeout(60) // a hang fails instead of stalling the build
    void mutated_hives_never_crash_or_hang() {
        SplittableRandom random = new SplittableRandom(20_240_601L);
        List<byte[]> seeds = SEEDS.stream().map(seed -> Corpus.bytes("hives", seed)).map(HiveFuzzTest::trimmed).toList();
        long deadline = System.nanoTime() + BUDGET_NANOS;
        int runs = 0;
        int refused = 0;
        while (System.nanoTime() < deadline && runs < 100_000) {
            byte[] mutant = mutate(seeds.get(random.nextInt(seeds.size())), random);
            if (!HiveJazzerFuzzTest.readAll(mutant)) {
                refused++;
            }
            runs++;
        }
        System.out.printf("hive fuzz: %d mutants, %d refused as unusable%n", runs, refused);
        assertThat(runs).isGreaterThan(100);
    }

    /** The small yarp hives are mostly empty bins: fuzz only the used part so mutations hit structures. */
    private static byte[] trimmed(byte[] hive) {
        int end = hive.length;
        while (end > 8192 && hive[end - 1] == 0) {
            end--;
        }
        return Arrays.copyOf(hive, Math.min(hive.length, (end + 4095) & ~4095));
    }

    static byte[] mutate(byte[] seed, SplittableRandom r) {
        byte[] b = seed.clone();
        int edits = 1 + r.nextInt(8);
        for (int i = 0; i < edits && b.length >= 8; i++) {
            int pos = r.nextInt(b.length);
            switch (r.nextInt(6)) {
                case 0:
                    b[pos] = (byte) r.nextInt(256);
                    break;
                case 1:
                    b[pos] ^= (byte) (1 << r.nextInt(8));
                    break;
                case 2: {
                    // An interesting 32-bit value: offsets and sizes are where readers break.
                    int[] vals = {0, -1, 0x7FFF_FFFF, 0x8000_0000, 0x20, -8, 0xFFFF, 4096, b.length};
                    int at = Math.min(pos & ~3, b.length - 4);
                    int v = vals[r.nextInt(vals.length)];
                    b[at] = (byte) v;
                    b[at + 1] = (byte) (v >> 8);
                    b[at + 2] = (byte) (v >> 16);
                    b[at + 3] = (byte) (v >> 24);
                    break;
                }
                case 3:
                    // Copy a 4-byte word from elsewhere: plausible offsets in wrong places.
                    System.arraycopy(b, r.nextInt(b.length - 4) & ~3, b, Math.min(pos & ~3, b.length - 4), 4);
                    break;
                case 4:
                    Arrays.fill(b, pos, Math.min(b.length, pos + r.nextInt(64)), (byte) 0);
                    break;
                default:
                    b = Arrays.copyOf(b, Math.max(1, pos));
                    break;
            }
        }
        return b;
    }
}
