package io.tlsready.adapters.windows.offline.reg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.port.EvidenceException;
import io.tlsready.testing.Corpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutated .reg bytes (seeded, bounded) may only parse or fail with {@link EvidenceException}; the
 * coverage lookups on whatever parses must not throw either.
 */
class RegFileReaderFuzzTest {

    private static final long SEED = 20261128L;
    private static final int ITERATIONS = 4000;
    private static final ValueRef PROBE = ValueRef.of(
            "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client", "Enabled");

    @Test
    void mutated_fixtures_only_parse_or_raise_evidence_exceptions() {
        List<byte[]> seeds = new ArrayList<>(fixtures());
        Corpus.find().filter(root -> Files.isDirectory(root.resolve("reg"))).ifPresent(root -> corpusSeeds(seeds));
        Random random = new Random(SEED);
        int parsed = 0;
        int refused = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] input = mutate(seeds.get(random.nextInt(seeds.size())), random);
            try {
                RegExport reg = RegFileReader.parse(Path.of("fuzz.reg"), input);
                new RegExportFacts(List.of(reg)).lookup(PROBE);
                parsed++;
            } catch (EvidenceException expected) {
                assertThat(expected.getMessage()).doesNotContain("\n").startsWith("fuzz.reg");
                refused++;
            } catch (RuntimeException | StackOverflowError e) {
                fail("iteration " + i + " (seed " + SEED + ") threw " + e, e);
            }
        }
        assertThat(parsed).as("some mutants still parse").isPositive();
        assertThat(refused).as("some mutants are refused").isPositive();
    }

    private static List<byte[]> fixtures() {
        String text = RegTestFiles.v5(
                "[HKEY_LOCAL_MACHINE\\SYSTEM\\Select]", "\"Current\"=dword:00000001",
                "[HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client]",
                "\"Enabled\"=dword:ffffffff", "\"S\"=\"a \\\"q\\\" \\\\ b\" ; c", "@=\"d\"",
                "\"B\"=hex:01,02,\\", "  03,04", "\"E\"=hex(2):25,00,41,00,00,00", "\"M\"=hex(7):61,00,00,00,00,00",
                "\"Q\"=hex(b):01,02,03,04,05,06,07,08", "\"X\"=-", "[-HKEY_LOCAL_MACHINE\\SOFTWARE\\Gone]");
        return List.of(RegTestFiles.utf16(text), text.getBytes(StandardCharsets.UTF_8),
                RegTestFiles.ansi(text.replace(RegTestFiles.V5, "REGEDIT4")));
    }

    private static void corpusSeeds(List<byte[]> seeds) {
        try {
            for (Path p : Corpus.files("reg", ".reg")) {
                seeds.add(Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Byte flips, insertions of syntax characters, deletions, truncation and splices. */
    private static byte[] mutate(byte[] in, Random r) {
        byte[] b = in.clone();
        int edits = 1 + r.nextInt(8);
        for (int e = 0; e < edits && b.length > 0; e++) {
            int at = r.nextInt(b.length);
            switch (r.nextInt(6)) {
                case 0 -> b[at] = (byte) r.nextInt(256);
                case 1 -> b[at] = (byte) "[]\"\\=@-;,:()\r\n\0x".charAt(r.nextInt(16));
                case 2 -> b = Arrays.copyOf(b, at);
                case 3 -> {
                    byte[] shorter = new byte[b.length - 1];
                    System.arraycopy(b, 0, shorter, 0, at);
                    System.arraycopy(b, at + 1, shorter, at, b.length - at - 1);
                    b = shorter;
                }
                case 4 -> {
                    int from = r.nextInt(b.length);
                    int len = Math.min(r.nextInt(64), b.length - from);
                    byte[] longer = new byte[b.length + len];
                    System.arraycopy(b, 0, longer, 0, at);
                    System.arraycopy(b, from, longer, at, len);
                    System.arraycopy(b, at, longer, at + len, b.length - at);
                    b = longer;
                }
                default -> b[at] ^= (byte) (1 << r.nextInt(8));
            }
        }
        return b;
    }
}
