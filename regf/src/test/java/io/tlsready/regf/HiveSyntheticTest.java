package io.tlsready.regf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsready.domain.facts.RegValue;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Value decoding, lookups and base-block checks on small hives written by {@link TestHiveBuilder}. */
class HiveSyntheticTest {

    private static byte[] utf16(String s) {
        return s.getBytes(StandardCharsets.UTF_16LE);
    }

    private static Hive hive(TestHiveBuilder b) {
        return Hive.open(new ByteArrayHiveImage(b.build()), "synthetic");
    }

    @Test
    void decodes_every_value_type() {
        TestHiveBuilder b = new TestHiveBuilder(5);
        int k = b.key(b.root(), "Values");
        b.value(k, "dword", 4, new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
        b.value(k, "dword8", 4, new byte[] {1, 0, 0, 0, 0, 0, 0, 0});
        b.value(k, "be", 5, new byte[] {0, 0, 0, 1});
        b.value(k, "qword", 11, new byte[] {1, 2, 3, 4, 5, 6, 7, (byte) 0x80});
        b.value(k, "sz", 1, utf16("TLS 1.2\0"));
        b.value(k, "odd", 1, Arrays.copyOf(utf16("ab"), 5));
        b.value(k, "expand", 2, utf16("%SystemRoot%\0\0"));
        b.value(k, "multi", 7, utf16("a\0\0b\0\0"));
        b.value(k, "", 3, new byte[] {9, 8, 7});
        b.value(k, "none", 0, new byte[0]);
        Hive hive = hive(b);
        HiveKey key = hive.key("values").orElseThrow();

        assertThat(HiveCorpus.value(key, "DWORD")).isEqualTo(new RegValue.Dword(0xFFFF_FFFFL));
        assertThat(HiveCorpus.value(key, "dword8")).isEqualTo(new RegValue.Raw(4, new byte[] {1, 0, 0, 0, 0, 0, 0, 0}));
        assertThat(HiveCorpus.value(key, "be")).isEqualTo(new RegValue.Raw(5, new byte[] {0, 0, 0, 1}));
        assertThat(HiveCorpus.value(key, "qword")).isEqualTo(new RegValue.Qword(0x8007060504030201L));
        assertThat(HiveCorpus.value(key, "sz")).isEqualTo(RegValue.Str.of("TLS 1.2"));
        assertThat(HiveCorpus.value(key, "odd")).isEqualTo(RegValue.Str.of("ab"));
        assertThat(HiveCorpus.value(key, "expand")).isEqualTo(new RegValue.Str("%SystemRoot%", true));
        // As every Win32 reader sees it: the first empty string ends a REG_MULTI_SZ, whatever bytes follow.
        assertThat(HiveCorpus.value(key, "multi")).isEqualTo(new RegValue.MultiStr(List.of("a")));
        assertThat(HiveCorpus.value(key, "")).isEqualTo(new RegValue.Raw(3, new byte[] {9, 8, 7}));
        assertThat(key.value("none").orElseThrow().data()).isEmpty();
        assertThat(key.value("missing")).isEmpty();
        assertThat(hive.warnings()).isEmpty();
    }

    @Test
    void big_data_needs_minor_version_above_3() {
        byte[] big = new byte[40_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) i;
        }
        for (int minor : new int[] {3, 5}) {
            TestHiveBuilder b = new TestHiveBuilder(minor);
            b.value(b.root(), "big", 3, big);
            Hive hive = hive(b);
            assertThat(hive.root().value("big").orElseThrow().data()).as("minor %d", minor).isEqualTo(big);
            assertThat(hive.warnings()).isEmpty();
        }
    }

    @Test
    void names_and_case_insensitive_lookups() {
        TestHiveBuilder b = new TestHiveBuilder(5);
        int scp = b.key(b.root(), "SecurityProviders");
        int sch = b.key(scp, "SCHANNEL");
        b.key(sch, "Protocols");
        b.key(b.root(), "Ключ");
        b.key(b.root(), "abcd_äöüß");
        Hive hive = hive(b);

        assertThat(hive.key("securityproviders\\schannel\\PROTOCOLS")).hasValueSatisfying(
                k -> assertThat(k.path()).isEqualTo("SecurityProviders\\SCHANNEL\\Protocols"));
        assertThat(hive.key("\\SecurityProviders\\\\SCHANNEL\\")).isPresent();
        assertThat(hive.key("")).contains(hive.root());
        assertThat(hive.key("ключ")).isPresent();
        assertThat(hive.key("ABCD_ÄÖÜSS")).isEmpty();
        assertThat(hive.key("ABCD_ÄÖÜß")).isPresent();
        assertThat(hive.key("SecurityProviders\\Nope")).isEmpty();
    }

    @Test
    void base_block_checks() {
        byte[] good = new TestHiveBuilder(5).build();

        assertThatThrownBy(() -> Hive.open(new ByteArrayHiveImage(new byte[100]), "tiny"))
                .isInstanceOf(HiveFormatException.class).hasMessageContaining("too small");
        byte[] notHive = good.clone();
        notHive[0] = 'x';
        assertThatThrownBy(() -> Hive.open(new ByteArrayHiveImage(notHive), "x"))
                .isInstanceOf(HiveFormatException.class).hasMessageContaining("regf");
        byte[] log = good.clone();
        log[28] = 6;
        assertThatThrownBy(() -> Hive.open(new ByteArrayHiveImage(log), "x.LOG1"))
                .isInstanceOf(HiveFormatException.class).hasMessageContaining("transaction log");
        assertThatThrownBy(() -> Hive.open(new ByteArrayHiveImage(Arrays.copyOf(good, 4096)), "x"))
                .isInstanceOf(HiveFormatException.class).hasMessageContaining("no hive bin");

        byte[] badSum = good.clone();
        badSum[508] ^= 1;
        Hive hive = Hive.open(new ByteArrayHiveImage(badSum), "x");
        assertThat(hive.checksumValid()).isFalse();
        assertThat(hive.dirty()).isTrue();
        assertThat(hive.warnings()).extracting(HiveWarning::reason).anyMatch(r -> r.contains("checksum"));
    }

    @Test
    void checksum_remaps_all_ones_and_zero() {
        byte[] b = new byte[512];
        assertThat(Hive.checksum(new ByteArrayHiveImage(b))).isEqualTo(1);
        Arrays.fill(b, 0, 4, (byte) 0xFF);
        assertThat(Hive.checksum(new ByteArrayHiveImage(b))).isEqualTo(0xFFFF_FFFE);
    }

    @Test
    void lost_root_offset_is_found_by_scanning() {
        byte[] img = new TestHiveBuilder(5).build();
        img[36] = 0x10; // root offset now points into the hbin header; the checksum is now wrong as well
        Hive hive = Hive.open(new ByteArrayHiveImage(img), "x");
        assertThat(hive.root().name()).isEqualTo("ROOT");
        assertThat(hive.warnings()).extracting(HiveWarning::reason).anyMatch(r -> r.contains("root cell offset"));
    }

    @Test
    void cycles_and_shared_lists_are_cut_with_warnings() {
        TestHiveBuilder b = new TestHiveBuilder(5);
        int a = b.key(b.root(), "a");
        b.key(a, "b");
        byte[] img = b.build();
        ByteArrayHiveImage image = new ByteArrayHiveImage(img);
        assertThat(Hive.open(image, "x").root().subkeys()).extracting(HiveKey::cellOffset).containsExactly((long) a);
        // Point a's subkey list at the root's list: a would contain itself.
        int rootListOffset = image.getInt(4096 + b.root() + 4 + 28);
        java.nio.ByteBuffer.wrap(img).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(4096 + a + 4 + 28, rootListOffset);
        Hive hive = Hive.open(new ByteArrayHiveImage(img), "x");
        HiveCorpus.Counts counts = HiveCorpus.walk(hive);
        assertThat(counts.keys()).isEqualTo(2);
        assertThat(hive.warnings()).extracting(HiveWarning::reason).anyMatch(r -> r.contains("cycle"));
    }

    @Test
    void deep_hives_walk_without_recursion() {
        TestHiveBuilder b = new TestHiveBuilder(5);
        int k = b.root();
        for (int i = 0; i < 600; i++) {
            k = b.key(k, "k" + i);
        }
        Hive hive = hive(b);
        HiveCorpus.Counts counts = HiveCorpus.walk(hive);
        assertThat(counts.keys()).isEqualTo(HiveKey.MAX_DEPTH + 1);
        assertThat(hive.warnings()).extracting(HiveWarning::reason).anyMatch(r -> r.contains("deeper than 512"));
    }

    @Test
    void warnings_are_bounded() {
        TestHiveBuilder b = new TestHiveBuilder(5);
        for (int i = 0; i < 1500; i++) {
            b.key(b.root(), "k" + i);
        }
        byte[] img = b.build();
        Hive clean = Hive.open(new ByteArrayHiveImage(img), "x");
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(img).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (HiveKey k : clean.root().subkeys()) {
            buf.putInt(4096 + (int) k.cellOffset() + 4, 0x12345678); // break every nk signature
        }
        Hive hive = Hive.open(new ByteArrayHiveImage(img), "x");
        assertThat(hive.root().subkeys()).isEmpty();
        List<HiveWarning> w = hive.warnings();
        assertThat(w).hasSize(Hive.MAX_WARNINGS + 1);
        assertThat(w.get(w.size() - 1).reason()).isEqualTo("500 more warnings not listed");
    }
}
