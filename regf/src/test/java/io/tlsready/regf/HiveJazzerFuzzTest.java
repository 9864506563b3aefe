package io.tlsready.regf;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzz target (Jazzer). Under plain {@code mvn verify} it runs in regression mode: only the empty
 * input and any files in the test resources' {@code HiveJazzerFuzzTestInputs/fuzz_reader/}, within seconds. With
 * {@code JAZZER_FUZZ=1} it fuzzes for {@code maxDuration}.
 *
 * <p>Inputs are patches over a synthetic hive with nested keys, every value type, inline and big data, rather than
 * whole files: a fuzzer starting from nothing would spend its time finding the 'regf' and 'hbin' magic.
 */
class HiveJazzerFuzzTest {

    private static final byte[][] BASES = {base(5), base(3)};

    @FuzzTest(maxDuration = "10s")
    void fuzz_reader(FuzzedDataProvider data) {
        byte[] hive = BASES[data.consumeInt(0, BASES.length - 1)].clone();
        int patches = data.consumeInt(0, 16);
        for (int i = 0; i < patches && data.remainingBytes() >= 6; i++) {
            int at = data.consumeInt(0, hive.length - 4);
            int v = data.consumeInt();
            hive[at] = (byte) v;
            hive[at + 1] = (byte) (v >> 8);
            hive[at + 2] = (byte) (v >> 16);
            hive[at + 3] = (byte) (v >> 24);
        }
        if (data.consumeBoolean()) {
            hive = java.util.Arrays.copyOf(hive, data.consumeInt(0, hive.length));
        }
        readAll(hive);
    }

    /**
     * Opens and fully reads a hive image: a full walk decoding every value, plus path lookups. Returns false if the
     * image was refused with a {@link HiveFormatException}; any other exception propagates (a bug).
     */
    static boolean readAll(byte[] image) {
        Hive hive;
        try {
            hive = Hive.open(new ByteArrayHiveImage(image), "fuzz");
        } catch (HiveFormatException e) {
            return false;
        }
        HiveCorpus.walk(hive);
        for (HiveKey k : hive.root().subkeys()) {
            hive.key(k.name() + "\\" + k.name());
            k.className();
            k.value("");
        }
        hive.key("Values\\Nested\\Deeper");
        hive.warnings();
        return true;
    }

    private static byte[] base(int minor) {
        TestHiveBuilder b = new TestHiveBuilder(minor);
        int values = b.key(b.root(), "Values");
        int nested = b.key(values, "Nested");
        b.key(nested, "Deeper");
        b.key(b.root(), "Ключ");
        b.value(values, "", 1, "default\0".getBytes(StandardCharsets.UTF_16LE));
        b.value(values, "dword", 4, new byte[] {1, 0, 0, 0});
        b.value(values, "qword", 11, new byte[] {1, 0, 0, 0, 0, 0, 0, 0});
        b.value(values, "multi", 7, "a\0b\0\0".getBytes(StandardCharsets.UTF_16LE));
        b.value(nested, "big", 3, new byte[20_000]);
        b.value(nested, "имя", 2, "%x%\0".getBytes(StandardCharsets.UTF_16LE));
        return b.build();
    }
}
