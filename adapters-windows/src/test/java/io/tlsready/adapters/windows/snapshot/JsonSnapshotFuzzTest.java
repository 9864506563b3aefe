package io.tlsready.adapters.windows.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.port.EvidenceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random mutations of valid snapshots: whatever the bytes, the reader either returns facts or throws
 * {@link EvidenceException} with a one-line message. A failure prints the seed and the input to replay it.
 */
class JsonSnapshotFuzzTest {

    private static final long SEED = 0x715_2EADL;
    /** A fixed number of cases, not a time budget: the same cases run on a fast laptop and a busy CI runner. */
    private static final int CASES = 2_000;

    /** Fragments that steer mutations into interesting places: type confusion, limits, odd numbers. */
    private static final String[] TOKENS = {
        "null", "true", "-1", "4294967296", "1e400", "-0", "0.5", "18446744073709551616", "\"\"", "[]", "{}",
        "\"REG_RAW\"", "\"REG_QWORD\"", "\"REG_MULTI_SZ\"", "\"ABSENT\"", "\"NOT_COLLECTED\"", "\"32-bit\"",
        "\"tlsready.snapshot/v1.9\"", "\"tlsready.snapshot/v2\"", "\"\\ud800\"", "\"zz\"", ",", ":", "\"", "\\",
        "[[[[[[[[[[[[[[[[[[[[", "\u0000", "\"HKLM\\\\SOFTWARE\\\\WOW6432Node\"", "\"kbs\"", "\"typeCode\"", "99999999999999999999999999999",
    };

    @Test
    void random_mutations_never_escape_as_other_exceptions() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(JsonSnapshotTest.bytes(JsonSnapshotTest.richFacts()));
        seeds.add(JsonSnapshotTest.BASE.getBytes(StandardCharsets.UTF_8));
        Random random = new Random(SEED);
        int cases = 0;
        int accepted = 0;
        while (cases < CASES) {
            byte[] input = seeds.get(random.nextInt(seeds.size()));
            int rounds = 1 + random.nextInt(4);
            for (int r = 0; r < rounds; r++) {
                input = mutate(input, random);
            }
            cases++;
            try {
                HostFacts facts = JsonSnapshot.parse(input, "fuzz.json");
                accepted++;
                // anything accepted must survive its own round trip
                assertThat(JsonSnapshot.parse(JsonSnapshotTest.bytes(facts), "again")).isEqualTo(facts);
            } catch (EvidenceException e) {
                assertThat(e.getMessage()).startsWith("fuzz.json: ").doesNotContain("\n");
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
            default: { // swap the states and types around, keeping the JSON well-formed
                String s = new String(in, StandardCharsets.UTF_8);
                String[][] swaps = {{"PRESENT", "ABSENT"}, {"ABSENT", "NOT_COLLECTED"}, {"REG_DWORD", "REG_QWORD"},
                    {"REG_SZ", "REG_MULTI_SZ"}, {"REG_BINARY", "REG_DWORD"}, {"64-bit", "32-bit"},
                    {"\"origin\"", "\"why\""}, {"SOFTWARE", "SYSTEM"}, {"KB", "QB"}};
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
