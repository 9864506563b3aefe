package io.tlsready.regf;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.testing.Corpus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Marvin32 against the public test vectors of .NET's MarvinTests (64-bit output {@code s1 << 32 | s0}), and
 * against every hash stored in the corpus' new-format transaction logs.
 */
class Marvin32Test {

    @ParameterizedTest(name = "seed {0}, data ''{1}''")
    @CsvSource({
        "004FB61A001BDBCC, '', 30ED35C100CD3C7D",
        "004FB61A001BDBCC, af, 48E73FC77D75DDC1",
        "004FB61A001BDBCC, e70f, B5F6E1FC485DBFF8",
        "004FB61A001BDBCC, 37f495, F0B07C789B8CF7E8",
        "004FB61A001BDBCC, 8642dc59, 7008F2E87E9CF556",
        "004FB61A001BDBCC, 153fb79826, E6C08C6DA2AFA997",
        "004FB61A001BDBCC, 0932e6246c47, 6F04BF1A5EA24060",
        "004FB61A001BDBCC, ab427ea8d10fc7, E11847E4F0678C41",
        "804FB61A001BDBCC, '', 10A9D5D3996FD65D",
        "804FB61A001BDBCC, af, 68201F91960EBF91",
        "804FB61A001BDBCC, e70f, 64B581631F6AB378",
        "804FB61A001BDBCC, 37f495, E1F2DFA6E5131408",
        "804FB61A001BDBCC, 8642dc59, 36289D9654FB49F6",
        "804FB61A001BDBCC, 153fb79826, 0A06114B13464DBD",
        "804FB61A001BDBCC, 0932e6246c47, D6DD5E40AD1BC2ED",
        "804FB61A001BDBCC, ab427ea8d10fc7, E203987DBA252FB3",
        "804FB61A801BDBCC, 00, A37FB0DA2ECAE06C",
        "804FB61A801BDBCC, ff, FECEF370701AE054",
        "804FB61A801BDBCC, 00ff, A638E75700048880",
        "804FB61A801BDBCC, ff00, BDFB46D969730E2A",
        "804FB61A801BDBCC, ff00ff, 9D8577C0FE0D30BF",
    })
    void public_vectors(String seed, String data, String expected) {
        byte[] bytes = HexFormat.of().parseHex(data == null ? "" : data);
        long got = Marvin32.hash(Long.parseUnsignedLong(seed, 16), bytes, 0, bytes.length);
        assertThat(Long.toHexString(got)).isEqualToIgnoringCase(Long.toHexString(Long.parseUnsignedLong(expected, 16)));
    }

    @Test
    void streaming_equals_one_shot_for_every_split() {
        Random rnd = new Random(42);
        for (int len = 0; len < 40; len++) {
            byte[] data = new byte[len];
            rnd.nextBytes(data);
            long whole = Marvin32.hash(Marvin32.REGISTRY_LOG_SEED, data, 0, len);
            assertThat(Marvin32.hash(Marvin32.REGISTRY_LOG_SEED, new ByteArrayHiveImage(data), 0, len)).isEqualTo(whole);
            for (int a = 0; a <= len; a++) {
                for (int b = a; b <= len; b++) {
                    Marvin32 m = new Marvin32(Marvin32.REGISTRY_LOG_SEED);
                    m.update(data, 0, a);
                    m.update(data, a, b - a);
                    m.update(data, b, len - b);
                    assertThat(m.finish()).as("len %d split %d/%d", len, a, b).isEqualTo(whole);
                }
            }
        }
    }

    /**
     * Every {@code HvLE} entry in the corpus logs is a real Windows write: each one must pass both hash checks, so
     * the scan must accept exactly as many entries as carry the signature in an unbroken sequence.
     */
    @ParameterizedTest
    @ValueSource(strings = {"yarp/NewDirtyHive1/NewDirtyHive.LOG1:1", "yarp/NewDirtyHive1/NewDirtyHive.LOG2:3",
        "regipy/SYSTEM_B.LOG1:4", "regipy/SYSTEM_B.LOG2:20"})
    void stored_hashes_of_real_log_entries_match(String spec) throws IOException {
        String[] parts = spec.split(":");
        Path log = Corpus.file("hives", parts[0]);
        LogFile file = LogFile.of(parts[0], MappedHiveImage.open(log));
        NewLogEntry.Scan scan = NewLogEntry.scan(file);
        assertThat(scan.warning()).as(scan.stop()).isFalse();
        assertThat(scan.entries()).hasSize(Integer.parseInt(parts[1]));
        HiveImage img = file.image();
        for (NewLogEntry e : scan.entries()) {
            long size = img.getInt(e.offset() + 4) & 0xFFFF_FFFFL;
            assertThat(Marvin32.hash(Marvin32.REGISTRY_LOG_SEED, img, e.offset() + 40, size - 40))
                    .as("Hash-1 of %s", e).isEqualTo(img.getLong(e.offset() + 24));
            assertThat(Marvin32.hash(Marvin32.REGISTRY_LOG_SEED, img, e.offset(), 32))
                    .as("Hash-2 of %s", e).isEqualTo(img.getLong(e.offset() + 32));
        }
    }
}
