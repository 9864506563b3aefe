package io.tlsready.regf;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.output.RegText;
import io.tlsready.domain.output.Visible;
import java.io.ByteArrayOutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzz of {@code hive export} with hostile names and data (CR/LF, NUL, brackets, quotes of every kind,
 * backslashes, bidi, ESC, non-characters, long names): the export, merged by hivex's own importer into an empty
 * hive, holds exactly the hive's keys and values minus those whose names a .reg file cannot carry, and exactly
 * those are named as left out. Nothing a name or a string holds can start a line of its own.
 */
class HostileHiveExportIT {

    private static final String PREFIX = "HKEY_LOCAL_MACHINE\\FUZZ";
    private static final String HOSTILE = "\r\n\0][\"\\'\u2018\u2019\u201a\u201b\u201c\u201d\u202e\u2066\u001b\ufffe\uffff"
            + "\u2028\u0085=;@ \t-\u00e9\u4e2d";
    private static final int ROUNDS = 12;

    @TempDir
    Path dir;

    /** The generated hive, as the peer should read it back: key path -> value name -> value. */
    private final Map<String, Map<String, HivexImport.Value>> expected = new LinkedHashMap<>();
    private int refusedKeys;
    private int refusedValues;

    @Test
    void hivex_reads_back_exactly_the_hive_minus_the_names_it_cannot_carry() throws Exception {
        for (long seed = 1; seed <= ROUNDS; seed++) {
            expected.clear();
            refusedKeys = 0;
            refusedValues = 0;
            Random random = new Random(seed);
            TestHiveBuilder b = new TestHiveBuilder(5);
            expected.put("", new LinkedHashMap<>());
            int fuzz = b.key(b.root(), "fuzz");
            expected.put("fuzz", new LinkedHashMap<>());
            values(b, random, fuzz, "fuzz", true);
            Set<String> siblings = new HashSet<>();
            for (int k = random.nextInt(6) + 1; k > 0; k--) {
                String name = name(random, 120);
                if (name.isEmpty() || !siblings.add(name.toUpperCase(Locale.ROOT))) {
                    continue;
                }
                int key = b.key(fuzz, name);
                boolean writable = name.indexOf('\\') < 0 && RegText.canQuote(name);
                if (writable) {
                    expected.put("fuzz\\" + name, new LinkedHashMap<>());
                } else {
                    refusedKeys++;
                    b.key(key, "below-a-refused-key");
                }
                values(b, random, key, "fuzz\\" + name, writable);
            }
            Hive hive = Hive.open(new ByteArrayHiveImage(b.build()), "fuzz-" + seed);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Writer w = RegExportWriter.utf16le(bytes);
            RegExportWriter writer = new RegExportWriter(w, PREFIX, Visible::of);
            writer.export(hive, hive.root());
            w.flush();

            String text = new String(bytes.toByteArray(), 2, bytes.size() - 2, StandardCharsets.UTF_16LE);
            assertThat(writer.keysLeftOut()).as("seed " + seed).isEqualTo(refusedKeys);
            assertThat(writer.valuesLeftOut()).as("seed " + seed).isEqualTo(refusedValues);
            assertThat(writer.leftOut()).hasSize(refusedKeys + refusedValues)
                    .allSatisfy(note -> assertThat(note).doesNotContain("\r", "\n", "\0", "\u001b", "\u202e"));
            assertThat(text.lines().filter(l -> l.startsWith("; tlsready left out")).count())
                    .isEqualTo(refusedKeys + refusedValues);
            assertThat(HivexImport.importAndRead(bytes.toByteArray(), PREFIX, dir)).as("seed " + seed)
                    .isEqualTo(expected);
        }
    }

    private void values(TestHiveBuilder b, Random random, int key, String path, boolean keyWritten) {
        Set<String> names = new HashSet<>();
        for (int v = random.nextInt(5); v > 0; v--) {
            String name = random.nextInt(8) == 0 ? "" : name(random, random.nextInt(10) == 0 ? 1000 : 12);
            if (!names.add(name.toUpperCase(Locale.ROOT))) {
                continue;
            }
            int type;
            byte[] data;
            switch (random.nextInt(5)) {
                case 0 -> {
                    type = 4;
                    data = new byte[4];
                    random.nextBytes(data);
                }
                case 1, 2 -> {
                    type = random.nextBoolean() ? 1 : 2;
                    data = (name(random, random.nextInt(6) == 0 ? 3000 : 20) + "\0").getBytes(StandardCharsets.UTF_16LE);
                    if (random.nextInt(6) == 0) {
                        data = java.util.Arrays.copyOf(data, data.length - 1); // odd length: no string at all
                    }
                }
                case 3 -> {
                    type = 1;
                    // A lone surrogate cannot be encoded by String.getBytes, so its code units are put in by hand.
                    data = new byte[] {'a', 0, 0x3d, (byte) 0xd8, 'b', 0, 0, 0};
                }
                default -> {
                    type = random.nextBoolean() ? 3 : 7;
                    data = new byte[random.nextInt(40)];
                    random.nextBytes(data);
                }
            }
            b.value(key, name, type, data);
            if (!keyWritten) {
                continue;
            }
            if (name.isEmpty() || RegText.canQuote(name)) {
                expected.get(path).put(name, new HivexImport.Value(type, HexFormat.of().formatHex(data)));
            } else {
                refusedValues++;
            }
        }
    }

    /** Mostly hostile characters, some letters, now and then a surrogate pair. */
    private static String name(Random random, int maxLength) {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(maxLength) + 1;
        for (int i = 0; i < n; i++) {
            int pick = random.nextInt(10);
            if (pick < 4) {
                sb.append(HOSTILE.charAt(random.nextInt(HOSTILE.length())));
            } else if (pick == 4) {
                sb.appendCodePoint(0x1F600 + random.nextInt(40));
            } else {
                sb.append((char) ('a' + random.nextInt(26)));
            }
        }
        return sb.toString();
    }
}
