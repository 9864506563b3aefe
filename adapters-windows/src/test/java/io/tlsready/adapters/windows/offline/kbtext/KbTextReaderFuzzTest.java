package io.tlsready.adapters.windows.offline.kbtext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.tlsready.domain.port.EvidenceException;
import io.tlsready.testing.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random mutations of real and hand-written inputs: the reader may accept them or throw
 * EvidenceException, nothing else. Calls parse() directly, i.e. without read()'s safety net.
 */
class KbTextReaderFuzzTest {

    private static final long SEED = 0x7152_2024L;
    private static final int ROUNDS = 4000;

    @Test
    void mutated_inputs_only_ever_throw_evidence_exception() throws IOException {
        List<byte[]> seeds = seeds();
        Random rnd = new Random(SEED);
        int accepted = 0;
        int rejected = 0;
        int round = 0;
        for (; round < ROUNDS; round++) {
            byte[] input = mutate(seeds.get(rnd.nextInt(seeds.size())), rnd);
            assertThat(probeLooksLike(input, round)).isNotNull();
            try {
                KbEvidence e = KbTextReader.parse("fuzz-" + round, input);
                assertThat(e.kind()).isIn(KbEvidence.SYSTEMINFO, KbEvidence.WMIC_QFE, KbEvidence.GET_HOTFIX,
                        KbEvidence.UPDATE_LIST);
                accepted++;
            } catch (EvidenceException ex) {
                assertThat(ex.getMessage()).startsWith("fuzz-" + round).doesNotContain("\n");
                rejected++;
            } catch (RuntimeException | StackOverflowError ex) {
                fail("round " + round + " (seed " + SEED + "): " + ex + " for input "
                        + new String(Arrays.copyOf(input, Math.min(input.length, 200)), StandardCharsets.ISO_8859_1), ex);
            }
        }
        System.out.println("[fuzz] " + round + " rounds: " + accepted + " accepted, " + rejected + " rejected");
        assertThat(accepted).as("mutations that still parse").isPositive();
        assertThat(rejected).as("mutations that are refused").isPositive();
    }

    private static Boolean probeLooksLike(byte[] input, int round) {
        try {
            return KbTextReader.looksLike(input);
        } catch (RuntimeException ex) {
            fail("looksLike threw in round " + round + ": " + ex, ex);
            return null;
        }
    }

    private static List<byte[]> seeds() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(("\r\nHost Name:                 H\r\nOS Name:                   Microsoft Windows 7 Pro\r\n"
                + "OS Version:                6.1.7601 Service Pack 1 Build 7601\r\n"
                + "OS Manufacturer:           Microsoft Corporation\r\nOS Configuration:          Member Workstation\r\n"
                + "OS Build Type:             Multiprocessor Free\r\nRegistered Owner:          a\r\n"
                + "Registered Organization:   \r\nProduct ID:                1\r\nOriginal Install Date:     1\r\n"
                + "System Boot Time:          1\r\nSystem Manufacturer:       c\r\nSystem Model:              m\r\n"
                + "System Type:               x64-based PC\r\nHotfix(s):                 3 Hotfix(s) Installed.\r\n"
                + "                           [01]: KB3140245\r\n                           [02]: File 1\r\n"
                + "                           [03]\r\nNetwork Card(s):           1 NIC(s) Installed.\r\n"
                + "                           [01]: n\r\n                                 Connection Name: x\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        seeds.add("Source  Description  HotFixID   InstalledBy  InstalledOn\r\n------  -----------  --------   "
                .concat("-----------  -----------\r\nPC      Update       KB3140245  SYSTEM       1/1/2019\r\n")
                .getBytes(StandardCharsets.UTF_16LE));
        seeds.add("#TYPE x\r\n\"Source\",\"HotFixID\"\r\n\"PC\",\"KB3140245\"\r\n".getBytes(StandardCharsets.UTF_8));
        seeds.add("KB3140245: Update\r\n".getBytes(StandardCharsets.US_ASCII));
        // Real files too, when the corpus is there (the fuzz test does not need it).
        if (Corpus.find().filter(root -> Files.isDirectory(root.resolve("kb"))).isPresent()) {
            for (Path p : Corpus.files("kb", ".txt")) {
                seeds.add(Files.readAllBytes(p));
            }
        }
        return seeds;
    }

    private static byte[] mutate(byte[] seed, Random rnd) {
        byte[] b = seed.clone();
        int ops = 1 + rnd.nextInt(6);
        for (int i = 0; i < ops; i++) {
            int len = b.length;
            int at = len == 0 ? 0 : rnd.nextInt(len);
            switch (rnd.nextInt(8)) {
                case 0: // flip bytes
                    for (int k = 0; k < 1 + rnd.nextInt(8) && len > 0; k++) {
                        b[rnd.nextInt(len)] = (byte) rnd.nextInt(256);
                    }
                    break;
                case 1: // truncate
                    b = Arrays.copyOf(b, at);
                    break;
                case 2: // cut a range out
                    b = cut(b, at, Math.min(len, at + rnd.nextInt(400)));
                    break;
                case 3: // insert random bytes
                    b = insert(b, at, randomBytes(rnd, rnd.nextInt(64)));
                    break;
                case 4: // insert NULs (UTF-16 confusion)
                    b = insert(b, at, new byte[1 + rnd.nextInt(5)]);
                    break;
                case 5: // duplicate a range
                    int end = Math.min(len, at + rnd.nextInt(600));
                    b = insert(b, at, Arrays.copyOfRange(b, at, end));
                    break;
                case 6: // insert structure-looking text
                    String[] bits = {"[01]: KB", "Hotfix(s): 99", "HotFixID", ":", "\r\n", "\"", ",", "6.1.7601",
                            "-----", "Please wait while WMIC is being installed.", "KB1234567", "\u00ff\u00fe"};
                    b = insert(b, at, bits[rnd.nextInt(bits.length)].getBytes(StandardCharsets.ISO_8859_1));
                    break;
                default: // drop an odd byte (misaligned UTF-16)
                    b = cut(b, at, Math.min(len, at + 1));
                    break;
            }
        }
        return b;
    }

    private static byte[] randomBytes(Random rnd, int n) {
        byte[] out = new byte[n];
        rnd.nextBytes(out);
        return out;
    }

    private static byte[] cut(byte[] b, int from, int to) {
        byte[] out = new byte[b.length - (to - from)];
        System.arraycopy(b, 0, out, 0, from);
        System.arraycopy(b, to, out, from, b.length - to);
        return out;
    }

    private static byte[] insert(byte[] b, int at, byte[] what) {
        byte[] out = new byte[b.length + what.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(b, at, out, at + what.length, b.length - at);
        return out;
    }
}
