package io.tlsready.regf;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.facts.RegValue;
import io.tlsready.testing.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real hives from the shared corpus (see its MANIFEST.md). Key counts include the root key; the MANIFEST counts
 * (e.g. SYSTEM 30,756 keys / 73,456 values) were taken the same way and match exactly.
 */
class HiveCorpusTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // file, keys incl. root, values, warnings (dirty hives warn once about their logs)
        "regipy/SYSTEM, 30756, 73456, 0",
        "regipy/SYSTEM_2, 20015, 49779, 1",
        "regipy/SYSTEM_B, 33123, 74957, 1",
        "regipy/ntuser_software_partial, 6396, 19990, 0",
        "hivex/minimal, 1, 0, 0",
        "hivex/special, 4, 3, 0",
        "hivex/rlenvalue_test_hive, 2, 6, 0",
        "yarp/BigDataHive, 2, 2, 0",
        "yarp/CompHive, 4, 0, 0",
        "yarp/EmptyHive, 1, 0, 0",
        "yarp/ExtendedASCIIHive, 2, 1, 0",
        "yarp/ManySubkeysHive, 5003, 0, 0",
        "yarp/MultiSzHive, 2, 2, 0",
        "yarp/StringValuesHive, 2, 4, 0",
        "yarp/System_Delta, 586, 820, 0",
        "yarp/UnicodeHive, 3, 0, 0",
        "yarp/UpcaseHive, 4, 0, 0",
        "yarp/WrongOrderHive, 11, 0, 0",
        "yarp/NewDirtyHive1/RecoveredHive_Windows10, 5, 1, 0",
        "yarp/OldDirtyHive/RecoveredHive_Windows7, 5003, 1, 0",
    })
    void full_walk_counts(String file, long keys, long values, int warnings) {
        Hive hive = HiveCorpus.open(file);
        HiveCorpus.Counts counts = HiveCorpus.walk(hive);
        assertThat(counts.keys()).as("keys").isEqualTo(keys);
        assertThat(counts.values()).as("values").isEqualTo(values);
        assertThat(hive.warnings()).as("warnings").hasSize(warnings);
    }

    @Test
    void every_corpus_file_opens_or_is_rejected_clearly() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Corpus.dir("hives"))) {
            files = s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().matches("(?i).*\\.(md|txt)|README"))
                    .collect(Collectors.toList());
        }
        assertThat(files).hasSizeGreaterThan(20);
        for (Path p : files) {
            String name = p.getFileName().toString();
            try {
                Hive hive = Hive.open(MappedHiveImage.open(p), name);
                HiveCorpus.walk(hive);
                assertThat(name).as("log files must be refused").doesNotContain(".LOG");
            } catch (HiveFormatException e) {
                assertThat(name).as(e.getMessage()).contains(".LOG");
                assertThat(e.getMessage()).contains("transaction log");
            }
        }
    }

    @Test
    void system_hive_facts() {
        Hive hive = HiveCorpus.open("regipy/SYSTEM");
        assertThat(hive.dirty()).isFalse();
        assertThat(hive.minorVersion()).isEqualTo(5);
        assertThat(hive.primarySequence()).isEqualTo(13983);
        assertThat(HiveCorpus.value(hive.key("Select").orElseThrow(), "current"))
                .isEqualTo(new RegValue.Dword(1));
        HiveKey client = hive.key("ControlSet001\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\SSL 2.0\\Client")
                .orElseThrow();
        assertThat(client.path()).isEqualTo("ControlSet001\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\SSL 2.0\\Client");
        assertThat(HiveCorpus.value(client, "DisabledByDefault")).isEqualTo(new RegValue.Dword(1));
        assertThat(hive.key("controlset001\\CONTROL\\securityproviders\\schannel").orElseThrow()
                .value("EventLogging").map(HiveCorpus::decoded).orElseThrow()).isEqualTo(new RegValue.Dword(1));
        assertThat(hive.key("CurrentControlSet")).as("offline hives have no CurrentControlSet").isEmpty();
        assertThat(Hive.filetimeToInstant(hive.lastWritten()).toString()).startsWith("20");
    }

    @Test
    void lookups_read_only_the_cells_on_their_paths() throws IOException {
        CountingImage image = new CountingImage(MappedHiveImage.open(Corpus.file("hives", "regipy/SYSTEM")));
        Hive hive = Hive.open(image, "SYSTEM");
        long before = image.reads;
        String[] paths = {
            "Select", "ControlSet001\\Control\\SecurityProviders\\SCHANNEL",
            "ControlSet001\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\SSL 2.0\\Client",
            "ControlSet001\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client",
            "ControlSet001\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Server",
            "ControlSet001\\Control\\Lsa", "ControlSet001\\Control\\Lsa\\FipsAlgorithmPolicy",
            "ControlSet001\\Control\\Cryptography\\Configuration\\Local\\Default\\00010002",
            "ControlSet001\\Services\\HTTP\\Parameters", "ControlSet001\\Control\\ProductOptions",
        };
        int found = 0;
        for (String p : paths) {
            for (String v : new String[] {"Enabled", "DisabledByDefault", "Current"}) {
                found += hive.key(p).flatMap(k -> k.value(v)).isPresent() ? 1 : 0;
            }
        }
        long lookupReads = image.reads - before;
        image.reads = 0;
        HiveCorpus.walk(hive);
        long walkReads = image.reads;
        System.out.printf("SYSTEM: 30 value lookups (%d found) = %d image reads; full walk = %d reads%n",
                found, lookupReads, walkReads);
        assertThat(found).isGreaterThanOrEqualTo(2);
        assertThat(lookupReads).isLessThan(walkReads / 100);
    }

    @Test
    void full_walk_of_system_is_fast() {
        Hive hive = HiveCorpus.open("regipy/SYSTEM");
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            HiveCorpus.walk(hive);
            best = Math.min(best, System.nanoTime() - t0);
        }
        System.out.printf("SYSTEM full walk (keys, values, decoded data): best of 5 = %d ms%n", best / 1_000_000);
        assertThat(best / 1_000_000).as("ms; goal is well under a second on a warm JVM").isLessThan(3_000);
    }

    @Test
    void yarp_big_data() {
        HiveKey key = HiveCorpus.open("yarp/BigDataHive").key("key_with_bigdata").orElseThrow();
        byte[] dflt = key.value("").orElseThrow().data();
        byte[] v = key.value("V").orElseThrow().data();
        assertThat(dflt).hasSize(16_345).containsOnly('1');
        assertThat(v).hasSize(81_725).containsOnly('2');
    }

    @Test
    void yarp_many_subkeys_use_index_roots() {
        Hive hive = HiveCorpus.open("yarp/ManySubkeysHive");
        HiveKey parent = hive.key("key_with_many_subkeys").orElseThrow();
        assertThat(parent.subkeys()).hasSize(5000);
        for (int i = 1; i <= 5000; i += 37) {
            assertThat(parent.subkey(Integer.toString(i))).as("subkey %d", i).isPresent();
        }
        assertThat(parent.subkey("5001")).isEmpty();
    }

    @Test
    void yarp_names() {
        assertThat(HiveCorpus.open("yarp/UnicodeHive").key("привет\\КЛЮЧ")).hasValueSatisfying(
                k -> assertThat(k.path()).isEqualTo("Привет\\Ключ"));
        HiveKey ext = HiveCorpus.open("yarp/ExtendedASCIIHive").key("ËIGENAARDIG").orElseThrow();
        assertThat(ext.name()).isEqualTo("ëigenaardig");
        assertThat(HiveCorpus.value(ext, "ëigenaardig")).isEqualTo(RegValue.Str.of("ëigenaardig"));

        Hive upcase = HiveCorpus.open("yarp/UpcaseHive");
        assertThat(upcase.root().subkeys()).extracting(HiveKey::name).containsExactly("ss1", "SS3", "ß2");
        assertThat(upcase.key("SS1")).isPresent();
        assertThat(upcase.key("ss3")).isPresent();
        assertThat(upcase.key("ss2")).as("ß is not SS in the registry").isEmpty();
        assertThat(upcase.key("ß2")).isPresent();

        Hive comp = HiveCorpus.open("yarp/CompHive");
        // A compressed name holds the low bytes of UTF-16 code units (Latin-1), not Windows-1252: byte 0x9F is
        // U+009F, a different key from the UTF-16 name U+0178 'Ÿ' beside it.
        assertThat(comp.root().subkeys()).extracting(HiveKey::name).containsExactly("\u009F", "Ÿ");
        assertThat(comp.key("\u009F\\123")).isPresent();
        assertThat(comp.key("ÿ")).hasValueSatisfying(k -> assertThat(k.name()).isEqualTo("Ÿ"));
    }

    @Test
    void yarp_wrong_order_lists_still_find_every_key() {
        Hive hive = HiveCorpus.open("yarp/WrongOrderHive");
        for (String p : new String[] {"1\\1", "1\\2", "1\\3", "1\\4", "2\\а", "2\\б", "2\\в", "2\\г"}) {
            assertThat(hive.key(p)).as(p).isPresent();
        }
        assertThat(hive.key("1").orElseThrow().subkeys()).extracting(HiveKey::name).containsExactly("2", "1", "3", "4");
    }

    @Test
    void yarp_value_encodings() {
        HiveKey s = HiveCorpus.open("yarp/StringValuesHive").key("key").orElseThrow();
        assertThat(HiveCorpus.value(s, "")).isEqualTo(RegValue.Str.of("test тест"));
        assertThat(HiveCorpus.value(s, "1")).isEqualTo(new RegValue.Raw(3, "test".getBytes()));
        assertThat(HiveCorpus.value(s, "2")).isEqualTo(new RegValue.Str("test тест", true));
        assertThat(HiveCorpus.value(s, "3")).isEqualTo(RegValue.Str.of("test тест "));

        HiveKey m = HiveCorpus.open("yarp/MultiSzHive").key("key").orElseThrow();
        assertThat(HiveCorpus.value(m, "1")).isEqualTo(new RegValue.MultiStr(List.of()));
        assertThat(HiveCorpus.value(m, "2"))
                .isEqualTo(new RegValue.MultiStr(List.of("привет", "как дела?")));
    }

    @Test
    void hivex_special_names() {
        Hive hive = HiveCorpus.open("hivex/special");
        assertThat(hive.root().subkeys()).extracting(HiveKey::name)
                .containsExactlyInAnyOrder("abcd_äöüß", "weird™", "zero\0key");
        assertThat(hive.key("zero\0KEY").orElseThrow().value("zero\0val")).isPresent();
        assertThat(HiveCorpus.value(hive.key("ABCD_ÄÖÜß").orElseThrow(), "abcd_äöüß"))
                .isEqualTo(new RegValue.Dword(0));
        assertThat(hive.key("WEIRD™").orElseThrow().value("symbols $£₤₧€")).isPresent();
    }

    @Test
    void empty_hive() {
        Hive hive = HiveCorpus.open("yarp/EmptyHive");
        assertThat(hive.root().subkeys()).isEmpty();
        assertThat(hive.root().values()).isEmpty();
        assertThat(hive.warnings()).isEmpty();
    }

    /** Counts reads to show that lookups touch few cells. */
    private static final class CountingImage implements HiveImage {
        private final HiveImage inner;
        long reads;

        CountingImage(HiveImage inner) {
            this.inner = inner;
        }

        @Override
        public long size() {
            return inner.size();
        }

        @Override
        public byte get(long off) {
            reads++;
            return inner.get(off);
        }

        @Override
        public short getShort(long off) {
            reads++;
            return inner.getShort(off);
        }

        @Override
        public int getInt(long off) {
            reads++;
            return inner.getInt(off);
        }

        @Override
        public long getLong(long off) {
            reads++;
            return inner.getLong(off);
        }

        @Override
        public void get(long off, byte[] dst, int dstOff, int len) {
            reads++;
            inner.get(off, dst, dstOff, len);
        }
    }
}
