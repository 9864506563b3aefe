package io.tlsready.adapters.windows.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.tlsready.domain.journal.Journal;
import io.tlsready.domain.port.EvidenceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random mutations of valid journals, loaded from a file as {@code rollback} loads them: whatever the bytes,
 * the store either returns a journal or throws {@link EvidenceException} with a one-line message naming the file. A
 * failure prints the seed, the case and the input to replay it.
 */
class JournalFuzzTest {

    private static final long SEED = 0x10_0A_2026L;
    /** A fixed number of cases, not a time budget: the same cases run on a fast laptop and a busy CI runner. */
    private static final int CASES = 2_000;

    /** Fragments that steer mutations into interesting places: type confusion, limits, odd numbers. */
    private static final String[] TOKENS = {
        "null", "true", "false", "-1", "4294967296", "1e400", "-0", "0.5", "18446744073709551616", "\"\"", "[]", "{}",
        "\"REG_RAW\"", "\"REG_QWORD\"", "\"REG_MULTI_SZ\"", "\"ABSENT\"", "\"PRESENT\"", "\"32-bit\"", "\"64-bit\"",
        "\"tlsready.journal/v2\"", "\"\\ud800\"", "\"zz\"", "\"0\"", ",", ":", "\"", "\\", "[[[[[[[[[[[[[[[[[[[[",
        "\u0000", "\"HKLM\\\\SYSTEM\"", "\"HKLM\"", "\"FAILED\"", "\"typeCode\"", "99999999999999999999999999999",
        "{\"state\":\"PRESENT\",\"type\":\"REG_SZ\",\"typeCode\":1,\"data\":\"d800\"}",
    };

    @TempDir
    Path dir;

    @Test
    void random_mutations_never_escape_as_other_exceptions() throws IOException {
        FileJournalStore store = new FileJournalStore(dir);
        List<byte[]> seeds = List.of(FileJournalStoreTest.SMALL_JSON.getBytes(StandardCharsets.UTF_8),
                Files.readAllBytes(Path.of(store.save(Journals.hostile()))));
        Path file = dir.resolve("fuzz.journal.json");
        Random random = new Random(SEED);
        int accepted = 0;
        for (int cases = 1; cases <= CASES; cases++) {
            byte[] input = seeds.get(random.nextInt(seeds.size()));
            int rounds = 1 + random.nextInt(4);
            for (int r = 0; r < rounds; r++) {
                input = mutate(input, random);
            }
            Files.write(file, input);
            try {
                Journal journal = store.load(file.toString());
                accepted++;
                // anything accepted must survive its own round trip
                assertThat(store.load(store.save(journal))).isEqualTo(journal);
            } catch (EvidenceException e) {
                assertThat(e.getMessage()).startsWith(file + ": ").doesNotContain("\n", "\r", "\u001b");
            } catch (Throwable t) {
                fail("seed " + SEED + ", case " + cases + ": " + t + "\ninput (base64): "
                        + Base64.getEncoder().encodeToString(input), t);
            }
        }
        assertThat(accepted).as("some mutants stay valid, so deep paths are reached").isPositive();
    }

    private static byte[] mutate(byte[] in, Random random) {
        int n = in.length;
        int at = n == 0 ? 0 : random.nextInt(n);
        switch (random.nextInt(7)) {
            case 0: { // flip a byte
                byte[] out = in.clone();
                if (n > 0) {
                    out[at] = (byte) random.nextInt(256);
                }
                return out;
            }
            case 1: // truncate
                return Arrays.copyOf(in, at);
            case 2: { // delete a span
                int len = Math.min(n - at, 1 + random.nextInt(16));
                return concat(Arrays.copyOf(in, at), Arrays.copyOfRange(in, at + len, n));
            }
            case 3: { // duplicate a span
                int len = Math.min(n - at, 1 + random.nextInt(64));
                byte[] span = Arrays.copyOfRange(in, at, at + len);
                return concat(concat(Arrays.copyOf(in, at + len), span), Arrays.copyOfRange(in, at + len, n));
            }
            case 4: { // replace the JSON value after a colon with a token
                String s = new String(in, StandardCharsets.UTF_8);
                int colon = s.indexOf(':', Math.min(at, s.length()));
                if (colon < 0) {
                    return in;
                }
                int end = colon + 1;
                while (end < s.length() && ",}]\n".indexOf(s.charAt(end)) < 0) {
                    end++;
                }
                String token = TOKENS[random.nextInt(TOKENS.length)];
                return (s.substring(0, colon + 1) + token + s.substring(end)).getBytes(StandardCharsets.UTF_8);
            }
            case 5: { // insert a token anywhere
                byte[] token = TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8);
                return concat(concat(Arrays.copyOf(in, at), token), Arrays.copyOfRange(in, at, n));
            }
            default: { // swap states, types and views around, keeping the JSON well-formed
                String s = new String(in, StandardCharsets.UTF_8);
                String[][] swaps = {{"PRESENT", "ABSENT"}, {"ABSENT", "PRESENT"}, {"REG_DWORD", "REG_QWORD"},
                    {"\"typeCode\" : 4", "\"typeCode\" : 11"}, {"\"typeCode\" : 4", "\"typeCode\" : 1"},
                    {"01000000", "0100000000000000"}, {"64-bit", "32-bit"}, {"SOFTWARE", "SYSTEM"},
                    {"WRITTEN", "RESTORED"}, {"\"local\" : false", "\"local\" : true"}, {"HKLM", "HKCU"}};
                String[] swap = swaps[random.nextInt(swaps.length)];
                return s.replaceFirst(swap[0], swap[1]).getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
