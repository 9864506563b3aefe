package io.tlsready.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tlsready.testing.Corpus;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Real regf SYSTEM and SOFTWARE hives made from an example evidence set by hivex itself: the set's .reg files are
 * merged with {@code hivexregedit --merge} into copies of hivex's empty {@code minimal} hive, as a disk image would
 * hold them. CurrentControlSet does not exist on disk, so its keys go to ControlSet001 with {@code Select\Current=1};
 * WOW6432Node stays a literal subkey of SOFTWARE. The systeminfo's host name becomes
 * {@code Control\ComputerName\ComputerName} and its hotfix list becomes CBS packages ({@code CurrentState}=0x70).
 */
final class ExampleHives {

    private static final Pattern SECTION = Pattern.compile("(?i)^\\[HKEY_LOCAL_MACHINE\\\\(SYSTEM|SOFTWARE)(\\\\.*)?\\]$");
    private static final Pattern CCS = Pattern.compile("(?i)^\\\\CurrentControlSet(?=\\\\|$)");
    private static final String CBS = "\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\Packages";

    private ExampleHives() {
    }

    /** hivexregedit's path; skips the test with a message when missing, fails under CI=true. */
    static Path hivexregedit() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "hivexregedit");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        String msg = "hivexregedit (hivex) is not installed: apt-get install libhivex-bin libwin-hivex-perl";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(msg + " (.ci/run installs it; CI=true requires these tests)");
        }
        System.err.println("SKIPPED: " + msg);
        assumeTrue(false, msg);
        throw new IllegalStateException("unreachable");
    }

    /** hivex's empty hive from the corpus (root key only). */
    static Path minimalHive() {
        return Corpus.file("hives", "hivex", "minimal");
    }

    /**
     * Writes SYSTEM and/or SOFTWARE (each only if the set has keys for it) into {@code out}; returns the hive names
     * written.
     */
    static Set<String> build(Path set, Path out) throws IOException, InterruptedException {
        Map<String, Map<String, List<String>>> sections = Map.of("SYSTEM", new LinkedHashMap<>(),
                "SOFTWARE", new LinkedHashMap<>());
        try (Stream<Path> files = Files.list(set)) {
            for (Path reg : files.filter(f -> f.toString().endsWith(".reg")).sorted().toList()) {
                readSections(reg, sections);
            }
        }
        String systeminfo = Files.readString(set.resolve("systeminfo.txt"), StandardCharsets.ISO_8859_1);
        Map<String, List<String>> system = sections.get("SYSTEM");
        Map<String, List<String>> software = sections.get("SOFTWARE");
        if (!system.isEmpty()) {
            system.computeIfAbsent("\\Select", k -> new ArrayList<>()).add("\"Current\"=dword:00000001");
            field(systeminfo, "Host Name").ifPresent(host -> system.computeIfAbsent(
                    "\\ControlSet001\\Control\\ComputerName\\ComputerName", k -> new ArrayList<>())
                    .add("\"ComputerName\"=\"" + host + "\""));
        }
        if (!software.isEmpty()) {
            String arch = field(systeminfo, "System Type").filter(t -> t.startsWith("x64")).isPresent() ? "amd64" : "x86";
            Matcher kb = Pattern.compile("\\[\\d+\\]: (KB\\d+)").matcher(systeminfo);
            while (kb.find()) {
                software.computeIfAbsent(CBS + "\\Package_for_" + kb.group(1) + "~31bf3856ad364e35~" + arch
                        + "~~6.1.1.0", k -> new ArrayList<>()).add("\"CurrentState\"=dword:00000070");
            }
        }
        Set<String> written = new LinkedHashSet<>();
        for (String hive : List.of("SYSTEM", "SOFTWARE")) {
            if (!sections.get(hive).isEmpty()) {
                merge(hive, sections.get(hive), out.resolve(hive));
                written.add(hive);
            }
        }
        return written;
    }

    private static void readSections(Path reg, Map<String, Map<String, List<String>>> sections) throws IOException {
        String text = new String(Files.readAllBytes(reg), StandardCharsets.UTF_16LE).replace("\uFEFF", "");
        List<String> current = null;
        for (String line : text.split("\r?\n")) {
            Matcher m = SECTION.matcher(line);
            if (m.matches()) {
                String hive = m.group(1).toUpperCase(Locale.ROOT);
                String path = m.group(2) == null ? "" : m.group(2);
                if (hive.equals("SYSTEM")) {
                    path = CCS.matcher(path).replaceFirst("\\\\ControlSet001");
                }
                current = sections.get(hive).computeIfAbsent(path, k -> new ArrayList<>());
            } else if (line.startsWith("[")) {
                throw new IllegalArgumentException(reg + ": key outside SYSTEM and SOFTWARE: " + line);
            } else if (current != null && !line.isBlank() && !line.startsWith(";")) {
                // As reg import: a later file's value replaces an earlier one (hivex would keep the first).
                int eq = line.startsWith("\"") ? line.indexOf("\"=") : -1;
                if (eq > 0) {
                    String name = line.substring(0, eq + 2).toLowerCase(Locale.ROOT);
                    current.removeIf(l -> l.toLowerCase(Locale.ROOT).startsWith(name));
                }
                current.add(line);
            }
        }
    }

    /** hivex creates a key only below an existing parent, so every ancestor gets an (empty) section first. */
    private static void merge(String hive, Map<String, List<String>> sections, Path file)
            throws IOException, InterruptedException {
        StringBuilder reg = new StringBuilder("Windows Registry Editor Version 5.00\n\n");
        Set<String> done = new LinkedHashSet<>();
        String prefix = "HKEY_LOCAL_MACHINE\\" + hive;
        sections.forEach((path, lines) -> {
            String[] parts = path.split("\\\\");
            StringBuilder ancestor = new StringBuilder();
            for (int i = 1; i < parts.length; i++) {
                ancestor.append('\\').append(parts[i]);
                if (done.add(ancestor.toString().toUpperCase(Locale.ROOT)) && i < parts.length - 1) {
                    reg.append('[').append(prefix).append(ancestor).append("]\n\n");
                }
            }
            reg.append('[').append(prefix).append(path).append("]\n");
            lines.forEach(l -> reg.append(l).append('\n'));
            reg.append('\n');
        });
        Path input = Files.writeString(file.resolveSibling(hive.toLowerCase(Locale.ROOT) + ".merge.reg"), reg,
                StandardCharsets.UTF_8);
        Files.copy(minimalHive(), file, StandardCopyOption.REPLACE_EXISTING);
        file.toFile().setWritable(true);
        Process p = new ProcessBuilder(hivexregedit().toString(), "--merge", file.toString(), "--prefix", prefix,
                input.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("hivexregedit --merge did not finish");
        }
        assertEquals(0, p.exitValue(), "hivexregedit --merge " + file + ": " + output);
        Files.delete(input);
    }

    private static Optional<String> field(String systeminfo, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + ":\\s*(\\S.*?)\\s*$").matcher(systeminfo);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
