package io.tlsready.regf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.tlsready.testing.Corpus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * Issue #3's first judging criterion: for every primary hive file in the corpus, every key and every value (name,
 * type, bytes) our reader sees is what hivex sees on the same file, and vice versa. hivex runs as a real process
 * ({@code hivexregedit --export FILE '\'}) in the same test run. Neither side replays transaction logs here
 * ({@link Hive#open} reads the primary file only), so dirty hives are compared as their primary files stand.
 *
 * <p>Both sides are brought to the bytes hivexregedit prints: one section per key ("\path" from the root, "\" for the
 * root itself) with its values as {@code name=type:hex bytes}, sorted (hivex sorts keys and values, we walk in list
 * order); the sections are compared as multisets, so duplicate subkeys (yarp's DuplicateSubkeysHive) count twice.
 * Names are compared as Perl prints them: Latin-1 bytes when every character fits, else UTF-8.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HivexCrossCheckIT {

    /**
     * The primary files hivexregedit refuses (non-zero exit), with what hivex says. Each is damage our reader
     * tolerates with warnings (see HiveDamageTest / HiveCorpusTest); nothing else in the corpus may be refused.
     * <ul>
     * <li>regipy/corrupted_system_hive: hivex_open gives ENOTSUP ("Operation not supported"; with --debug:
     * "trailing garbage at end of file (at 0x1a000, after 25 pages)"): the hbin chain is broken after the 25th page,
     * so hivex will not open the file at all.</li>
     * <li>yarp/BadBaseBlockHive/BadBaseBlockHive: hivex_open gives EINVAL, "bad checksum in hive header". Windows
     * restores that base block from the .LOG1, which hivex does not read.</li>
     * <li>yarp/System_Delta (a Windows Sandbox differencing hive, version 1.6): a value of size 0 whose data offset
     * is 0xFFFFFFFF makes value_value fail with EFAULT ("data offset is not a valid block"); we read it as empty.</li>
     * <li>yarp/TruncatedHive: the header declares 487,424 bytes of bins in a 12 KB file, and node_children fails
     * with EFAULT on a subkey list past the end of the file; we skip what lies past the end with a warning.</li>
     * </ul>
     */
    static final Map<String, String> REFUSED = Map.of(
            "regipy/corrupted_system_hive", "Operation not supported",
            "yarp/BadBaseBlockHive/BadBaseBlockHive", "Invalid argument",
            "yarp/System_Delta", "value_value: Bad address",
            "yarp/TruncatedHive", "node_children: Bad address");

    /**
     * The only accepted hives where the two readers differ, and exactly how. In yarp's BadListHive and BadSubkeyHive
     * the subkey list of key "2" also names the nk cell of "3\subkey", whose parent field says key "3". hivex follows
     * the bad list entry and, naming keys by their parent field, prints "\3\subkey" a second time (once below "2").
     * Our reader refuses a list entry that belongs to another key and warns instead (HiveDamageTest asserts the
     * warning), so hivex has one section more than we do, and nothing else differs.
     */
    static final Map<String, List<String>> ONLY_HIVEX = Map.of(
            "yarp/BadListHive", List.of("\\3\\subkey"),
            "yarp/BadSubkeyHive", List.of("\\3\\subkey"));

    private static final String HEADER = "Windows Registry Editor Version 5.00\n\n";
    private static final Pattern HEX_TYPED = Pattern.compile("hex(?:\\(([0-9a-f]+)\\))?:([0-9a-f,]*)");
    private static final Pattern DWORD = Pattern.compile("dword:([0-9a-f]{8})");

    /** hivexregedit's output per corpus-relative path of every primary hive file. */
    private static Map<String, Hivex.Run> exports;

    @BeforeAll
    static void exportEveryPrimaryHiveWithHivex() throws Exception {
        Path tool = Hivex.require("hivexregedit");
        List<String> files = primaryHives();
        assertThat(files).as("primary hive files in the corpus").hasSizeGreaterThan(20);
        // Two at a time: this box has two cores, and the big SYSTEM hives take hivex about 1.5 s each.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Map<String, Future<Hivex.Run>> running = new TreeMap<>();
            for (String f : files) {
                running.put(f, pool.submit(() -> Hivex.run(List.of(tool.toString(), "--export",
                        Corpus.dir("hives").resolve(f).toString(), "\\"))));
            }
            Map<String, Hivex.Run> done = new TreeMap<>();
            for (Map.Entry<String, Future<Hivex.Run>> e : running.entrySet()) {
                done.put(e.getKey(), e.getValue().get(Hivex.TIMEOUT_SECONDS, TimeUnit.SECONDS));
            }
            exports = done;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void hivex_refuses_exactly_the_known_damaged_hives() {
        Map<String, String> refused = new TreeMap<>();
        exports.forEach((file, run) -> {
            if (run.exitCode() != 0) {
                refused.put(file, run.err().strip());
            }
        });

        assertThat(refused.keySet()).as("hives hivexregedit refuses (stderr: %s)", refused)
                .containsExactlyInAnyOrderElementsOf(REFUSED.keySet());
        REFUSED.forEach((file, why) -> assertThat(refused.get(file)).as(file).contains(why));
    }

    @TestFactory
    Stream<DynamicTest> every_key_and_value_equals_what_hivex_reads() {
        return exports.entrySet().stream()
                .filter(e -> e.getValue().exitCode() == 0)
                .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
                    List<String> theirs = parseHivex(e.getKey(), e.getValue().out(), true);
                    List<String> ours = ourSections(e.getKey());
                    assertSameMultiset(e.getKey(), ours, theirs, ONLY_HIVEX.getOrDefault(e.getKey(), List.of()));
                }));
    }

    /**
     * For the refused hives that hivex got part-way through (it prints as it walks), every key it printed
     * completely before failing is in our reading with the same values.
     */
    @TestFactory
    Stream<DynamicTest> what_hivex_reads_of_a_refused_hive_before_failing_agrees() {
        return exports.entrySet().stream()
                .filter(e -> e.getValue().exitCode() != 0 && e.getValue().out().length > 0)
                .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
                    List<String> theirs = parseHivex(e.getKey(), e.getValue().out(), false);
                    assertThat(theirs).as("complete sections hivex printed").isNotEmpty();
                    Map<String, Long> ours = counts(ourSections(e.getKey()));
                    List<String> missing = theirs.stream().filter(s -> !ours.containsKey(s)).toList();
                    assertThat(missing).as(e.getKey() + ": keys hivex printed that we read differently").isEmpty();
                }));
    }

    // ---- corpus ----

    /** Every regf file in the corpus except transaction logs (.LOG, .LOG1, .LOG2), as corpus-relative paths. */
    private static List<String> primaryHives() throws IOException {
        Path root = Corpus.dir("hives");
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().toUpperCase(Locale.ROOT).matches(".*\\.LOG\\d?"))
                    .filter(HivexCrossCheckIT::isRegf)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    private static boolean isRegf(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            byte[] sig = in.readNBytes(4);
            return new String(sig, StandardCharsets.ISO_8859_1).equals("regf");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- our side ----

    private static List<String> ourSections(String file) {
        Hive hive = HiveCorpus.open(file);
        List<Section> sections = new ArrayList<>();
        HiveWalker.walk(hive, new HiveWalker.Visitor() {
            @Override
            public boolean enterKey(HiveKey key, int depth) {
                sections.add(new Section(perlBytes("\\" + key.path())));
                return true;
            }

            @Override
            public void value(HiveKey key, HiveValue value) {
                // Values are visited right after their key is entered, before any subkey.
                sections.get(sections.size() - 1).values.add(
                        canonicalValue(perlBytes(value.name()), Integer.toUnsignedLong(value.type()), value.data()));
            }
        });
        return sections.stream().map(Section::canonical).sorted().toList();
    }

    /** A string as Perl prints it to a raw handle: Latin-1 bytes if every character fits, else its UTF-8 bytes. */
    static String perlBytes(String s) {
        boolean wide = s.chars().anyMatch(c -> c > 0xFF);
        return wide ? new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1) : s;
    }

    // ---- hivex's side ----

    /**
     * Sections of a hivexregedit export, one per key, in canonical form. {@code complete} false: the output was cut
     * by an error, so the last section printed is dropped (hivex prints a key's header before reading its values).
     */
    static List<String> parseHivex(String file, byte[] out, boolean complete) {
        String text = new String(out, StandardCharsets.ISO_8859_1);
        assertThat(text).as(file + ": hivexregedit output").startsWith(HEADER);
        List<String> chunks = new ArrayList<>(List.of(text.substring(HEADER.length()).split("\n\n", -1)));
        while (!chunks.isEmpty() && chunks.get(chunks.size() - 1).isEmpty()) {
            chunks.remove(chunks.size() - 1);
        }
        if (!complete && !chunks.isEmpty()) {
            chunks.remove(chunks.size() - 1);
        }
        List<String> sections = new ArrayList<>();
        for (String chunk : chunks) {
            String[] lines = chunk.split("\n");
            String header = lines[0];
            if (!header.startsWith("[") || !header.endsWith("]")) {
                fail(file + ": unexpected hivexregedit line: " + header);
            }
            Section section = new Section(header.substring(1, header.length() - 1));
            for (int i = 1; i < lines.length; i++) {
                section.values.add(parseValueLine(file, lines[i]));
            }
            sections.add(section.canonical());
        }
        return sections.stream().sorted().toList();
    }

    /** {@code "name"=dword:xxxxxxxx}, {@code "name"=hex(t):aa,bb}, {@code @=...}; names escape \ and ". */
    private static String parseValueLine(String file, String line) {
        String name;
        int at;
        if (line.startsWith("@=")) {
            name = "";
            at = 2;
        } else if (line.startsWith("\"")) {
            StringBuilder b = new StringBuilder();
            int i = 1;
            while (i < line.length() && line.charAt(i) != '"') {
                if (line.charAt(i) == '\\' && i + 1 < line.length()) {
                    i++;
                }
                b.append(line.charAt(i++));
            }
            if (i + 1 >= line.length() || line.charAt(i + 1) != '=') {
                throw new AssertionError(file + ": unparsable hivexregedit value line: " + line);
            }
            name = b.toString();
            at = i + 2;
        } else {
            throw new AssertionError(file + ": unparsable hivexregedit value line: " + line);
        }
        String data = line.substring(at);
        Matcher dword = DWORD.matcher(data);
        if (dword.matches()) {
            long v = Long.parseLong(dword.group(1), 16);
            return canonicalValue(name, 4, new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)});
        }
        Matcher hex = HEX_TYPED.matcher(data);
        if (!hex.matches()) {
            throw new AssertionError(file + ": unparsable hivexregedit value data: " + line);
        }
        // hivex prints the type with %x of a C int: a type with the top bit set comes out sign-extended.
        long type = hex.group(1) == null ? 3 : Long.parseUnsignedLong(hex.group(1), 16) & 0xFFFF_FFFFL;
        String bytes = hex.group(2);
        return name + "=" + Long.toHexString(type) + ":" + bytes;
    }

    // ---- canonical form and comparison ----

    private static String canonicalValue(String name, long type, byte[] data) {
        StringBuilder b = new StringBuilder(name).append('=').append(Long.toHexString(type)).append(':');
        for (int i = 0; i < data.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(Character.forDigit((data[i] >> 4) & 0xF, 16)).append(Character.forDigit(data[i] & 0xF, 16));
        }
        return b.toString();
    }

    private static final class Section {
        final String path;
        final List<String> values = new ArrayList<>();

        Section(String path) {
            this.path = path;
        }

        String canonical() {
            List<String> sorted = new ArrayList<>(values);
            sorted.sort(null);
            return path + (sorted.isEmpty() ? "" : "\n  " + String.join("\n  ", sorted));
        }
    }

    private static Map<String, Long> counts(List<String> sections) {
        Map<String, Long> counts = new HashMap<>();
        sections.forEach(s -> counts.merge(s, 1L, Long::sum));
        return counts;
    }

    /** Equal multisets of key sections, except for {@code expectedOnlyHivex} (which must then differ exactly). */
    private static void assertSameMultiset(String file, List<String> ours, List<String> theirs,
            List<String> expectedOnlyHivex) {
        if (ours.equals(theirs) && expectedOnlyHivex.isEmpty()) {
            return;
        }
        Map<String, Long> a = counts(ours);
        Map<String, Long> b = counts(theirs);
        List<String> onlyOurs = difference(a, b);
        List<String> onlyTheirs = difference(b, a);
        if (onlyOurs.isEmpty() && onlyTheirs.equals(expectedOnlyHivex)
                && theirs.size() == ours.size() + expectedOnlyHivex.size()) {
            return;
        }
        fail("expected only hivex to have " + expectedOnlyHivex + "; " +file + ": our reader has " + ours.size() + " keys, hivex " + theirs.size() + "; "
                + onlyOurs.size() + " key sections only ours, " + onlyTheirs.size() + " only hivex's.\nonly ours:\n"
                + onlyOurs.stream().limit(8).collect(Collectors.joining("\n")) + "\nonly hivex:\n"
                + onlyTheirs.stream().limit(8).collect(Collectors.joining("\n")));
    }

    private static List<String> difference(Map<String, Long> a, Map<String, Long> b) {
        return a.entrySet().stream()
                .filter(e -> e.getValue() > b.getOrDefault(e.getKey(), 0L))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }
}
