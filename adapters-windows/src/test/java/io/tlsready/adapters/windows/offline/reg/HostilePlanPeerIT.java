package io.tlsready.adapters.windows.offline.reg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.RegistryPaths;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.output.RegText;
import io.tlsready.domain.output.UnwritableTextException;
import io.tlsready.domain.output.Visible;
import io.tlsready.domain.plan.Plan;
import io.tlsready.domain.plan.PlanVerifier;
import io.tlsready.domain.plan.PowerShellFormat;
import io.tlsready.domain.plan.RegFileFormat;
import io.tlsready.domain.remediation.RegistryChange;
import io.tlsready.domain.remediation.UpdateRequirement;
import io.tlsready.domain.rules.RuleId;
import io.tlsready.regf.HivexImport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzz of the planned .reg and .ps1 with hostile text everywhere a plan carries text that is not tlsready's
 * own: host, reasons, manual steps, update titles and links, key paths, value names. Each .reg is read back by two
 * parsers that are not its writer: hivex's importer (merged into an empty hive, walked back out) and the .reg reader
 * {@code --snapshot} uses. Both must find exactly the plan's keys and values. Each .ps1 is cut into tokens by a
 * PowerShell-quoting tokenizer written here: every line is a comment or a line of the benign template with its
 * literals swapped, and every literal decodes to exactly the text the plan meant. Text that neither format can carry
 * faithfully (a line break or NUL in a key or value name) must be refused, never written.
 */
class HostilePlanPeerIT {

    private static final String HOSTILE = "\r\n\0][\"\\'\u2018\u2019\u201a\u201b\u201c\u201d\u202e\u2066\u001b\ufffe"
            + "\u2028\u0085=;@# \t-$`(){}<>|&\u00e9\u4e2d";
    private static final String ROOT = "HKEY_LOCAL_MACHINE\\SOFTWARE";
    private static final String PARENT = "tlsready-fuzz";
    private static final int ROUNDS = 8;

    @TempDir
    Path dir;

    @Test
    void every_parser_finds_exactly_the_plans_values_and_nothing_else() throws Exception {
        int written = 0;
        int refused = 0;
        for (long seed = 1; written < ROUNDS; seed++) {
            Random random = new Random(seed);
            Plan plan = plan(random);
            boolean writable = plan.changes().stream().allMatch(c -> RegText.canQuote(c.ref().name())
                    && RegText.canQuote(RegistryPaths.longForm(c.ref().physicalKey())));
            if (!writable) {
                refused++;
                assertThatThrownBy(() -> RegFileFormat.text(plan)).isInstanceOf(UnwritableTextException.class)
                        .message().doesNotContain("\r", "\n", "\0");
                assertThatThrownBy(() -> PowerShellFormat.text(plan)).isInstanceOf(UnwritableTextException.class);
                continue;
            }
            written++;
            byte[] reg = RegFileFormat.bytes(plan);
            Map<String, Map<String, HivexImport.Value>> expected = new LinkedHashMap<>();
            expected.put("", new LinkedHashMap<>());
            expected.put(PARENT, new LinkedHashMap<>());
            Map<String, Map<String, RegValue>> expectedByReader = new LinkedHashMap<>();
            for (RegistryChange c : plan.changes()) {
                String relative = RegistryPaths.longForm(c.ref().physicalKey()).substring(ROOT.length() + 1);
                expected.computeIfAbsent(relative, k -> new LinkedHashMap<>()).put(c.ref().name(),
                        new HivexImport.Value(4, String.format("%02x%02x%02x%02x", c.after() & 0xFF, c.after() >> 8 & 0xFF,
                                c.after() >> 16 & 0xFF, c.after() >> 24 & 0xFF)));
                expectedByReader.computeIfAbsent(RegExport.fold(c.ref().physicalKey()), k -> new LinkedHashMap<>())
                        .put(RegExport.fold(c.ref().name()), new RegValue.Dword(c.after()));
            }
            assertThat(HivexImport.importAndRead(reg, ROOT, dir, List.of(PARENT))).as("hivex, seed " + seed)
                    .isEqualTo(expected);

            RegExport back = RegFileReader.parse(dir.resolve("plan.reg"), reg);
            assertThat(back.warnings()).as("reader warnings, seed " + seed).isEmpty();
            Map<String, Map<String, RegValue>> read = new LinkedHashMap<>();
            back.keys().forEach(k -> k.values().forEach((name, e) -> read.computeIfAbsent(RegExport.fold(k.path()),
                    x -> new LinkedHashMap<>()).put(name, ((RegExport.Entry.Set) e).value())));
            assertThat(read).as("our .reg reader, seed " + seed).isEqualTo(expectedByReader);

            String ps1 = PowerShellFormat.text(plan);
            checkScript(ps1, plan);
            for (byte[] file : List.of(reg, PowerShellFormat.bytes(plan))) {
                PlanVerifier.Result r = PlanVerifier.verify(file, Set.of());
                // Checksum and header hold; the fuzz keys are no fix tlsready writes, so verify names them.
                assertThat(r.outcome()).isEqualTo(PlanVerifier.Outcome.FOREIGN);
                assertThat(r.host()).isEqualTo(Visible.of(plan.host()));
                assertThat(r.problem()).doesNotContain("\r", "\n", "\u001b", "\u202e");
            }
        }
        assertThat(refused).as("plans refused").isPositive();
    }

    private static Plan plan(Random random) {
        List<RegistryChange> changes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = random.nextInt(4) + 1; i > 0; i--) {
            // Key names never hold a backslash here: in a plan's key path it is the separator, not a character.
            String key = "HKLM\\SOFTWARE\\" + PARENT + "\\" + name(random, 40).replace('\\', '/');
            String name = name(random, random.nextInt(10) == 0 ? 2000 : 16);
            ValueRef ref = ValueRef.of(key, name);
            if (RegistryPaths.longForm(ref.physicalKey()).length() <= ROOT.length() + PARENT.length() + 2
                    || !seen.add((ref.physicalKey() + "\0" + name).toUpperCase(Locale.ROOT))) {
                continue;
            }
            long after = random.nextLong() & 0xFFFF_FFFFL;
            changes.add(random.nextBoolean()
                    ? RegistryChange.set(ref, after, Optional.empty(), text(random, 60))
                    : RegistryChange.orBits(ref, 0x800, Optional.of(after), 0xA80, text(random, 60)));
        }
        changes.sort((a, b) -> a.ref().physicalKey().compareToIgnoreCase(b.ref().physicalKey()));
        return new Plan(text(random, random.nextInt(8) == 0 ? 5000 : 30), List.of(RuleId.SCHANNEL_TLS12_CLIENT),
                changes, List.of(new UpdateRequirement("KB" + text(random, 5), text(random, 40), text(random, 40), "x")),
                List.of(text(random, 80), text(random, 20)));
    }

    /** A name that one time in eight may hold what no format can carry (a line break, NUL, lone surrogate). */
    private static String name(Random random, int maxLength) {
        String s = text(random, maxLength);
        if (random.nextInt(8) == 0) {
            return s;
        }
        StringBuilder kept = new StringBuilder();
        s.codePoints().filter(cp -> RegText.canQuote(Character.toString(cp))).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    private static String text(Random random, int maxLength) {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(maxLength) + 1;
        for (int i = 0; i < n; i++) {
            int pick = random.nextInt(12);
            if (pick < 4) {
                sb.append(HOSTILE.charAt(random.nextInt(HOSTILE.length())));
            } else if (pick == 4) {
                sb.appendCodePoint(0x1F600 + random.nextInt(40));
            } else if (pick == 5 && random.nextInt(20) == 0) {
                sb.append((char) (0xD800 + random.nextInt(0x800))); // a lone surrogate, now and then
            } else {
                sb.append((char) ('a' + random.nextInt(26)));
            }
        }
        return sb.toString();
    }

    // ---- .ps1: an independent tokenizer for PowerShell's quoting ----

    /** A line cut into literals and the text around them (the skeleton, literals shown as {@code '…'}). */
    private record Tokens(String skeleton, List<String> literals) {
    }

    private static final String QUOTES = "'\u2018\u2019\u201a\u201b";

    /**
     * PowerShell's rules for single-quoted strings: any of the five single-quote characters opens one; inside, a
     * quote character followed by another is one literal quote, a lone one closes the string.
     */
    private static Tokens tokens(String line) {
        StringBuilder skeleton = new StringBuilder();
        List<String> literals = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (QUOTES.indexOf(c) < 0) {
                skeleton.append(c);
                i++;
                continue;
            }
            StringBuilder literal = new StringBuilder();
            i++;
            while (true) {
                assertThat(i).as("unterminated literal in: " + line).isLessThan(line.length());
                char d = line.charAt(i);
                if (QUOTES.indexOf(d) >= 0) {
                    if (i + 1 < line.length() && QUOTES.indexOf(line.charAt(i + 1)) >= 0) {
                        literal.append(d);
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                literal.append(d);
                i++;
            }
            literals.add(literal.toString());
            skeleton.append("'…'");
        }
        return new Tokens(skeleton.toString(), literals);
    }

    /** The template's lines, literals blanked, from a plan with nothing hostile in it. */
    private static Set<String> templateSkeletons() {
        ValueRef a = ValueRef.of("HKLM\\SOFTWARE\\A", "x");
        Plan benign = new Plan("h", List.of(RuleId.SCHANNEL_TLS12_CLIENT), List.of(
                RegistryChange.set(a, 1, Optional.empty(), "r"),
                RegistryChange.orBits(ValueRef.of("HKLM\\SOFTWARE\\B", "y"), 0x800, Optional.of(0L), 0xA80, "r")),
                List.of(new UpdateRequirement("KB1", "t", "u", "x")), List.of("s"));
        Set<String> skeletons = new HashSet<>();
        for (String line : PowerShellFormat.text(benign).split("\r\n")) {
            if (!line.startsWith("#")) {
                skeletons.add(tokens(line).skeleton().replaceAll("0x[0-9a-f]+|(?<= )[0-9]+$", "N"));
            }
        }
        return skeletons;
    }

    private static void checkScript(String ps1, Plan plan) {
        Set<String> skeletons = templateSkeletons();
        List<String> writes = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        String[] lines = ps1.split("\r\n", -1);
        assertThat(lines[lines.length - 1]).isEmpty();
        for (int n = 0; n < lines.length - 1; n++) {
            String line = lines[n];
            assertThat(line).doesNotContain("\r", "\n");
            if (line.startsWith("#")) {
                // A comment: one line, nothing a terminal or editor would act on.
                assertThat(Visible.isPlain(line)).as("comment line " + n).isTrue();
                assertThat(line.equals("#Requires -RunAsAdministrator") || line.startsWith("# ")).isTrue();
                continue;
            }
            Tokens t = tokens(line);
            assertThat(skeletons).as("line " + n + " is a template line: " + Visible.of(line))
                    .contains(t.skeleton().replaceAll("0x[0-9a-f]+|(?<= )[0-9]+$", "N"));
            if (t.skeleton().startsWith("Set-TlsReadyDword ")) {
                writes.add(t.literals().get(0) + " | " + t.literals().get(1));
            } else if (t.skeleton().equals("Write-Host '…'") || t.skeleton().equals("Write-Warning '…'")) {
                shown.add(t.literals().get(0));
            }
        }
        List<String> planned = plan.changes().stream().map(c -> "Registry::"
                + RegistryPaths.longForm(c.ref().physicalKey()) + " | " + c.ref().name()).toList();
        assertThat(writes).isEqualTo(planned);
        UpdateRequirement u = plan.updates().get(0);
        List<String> meant = new ArrayList<>(List.of(Visible.of("Also required: " + u.kb() + " " + u.title() + " " + u.url())));
        plan.manualSteps().forEach(s -> meant.add(Visible.of(s)));
        assertThat(shown).isEqualTo(meant);
        assertThat(ps1).contains("# host: " + Visible.of(plan.host()) + "\r\n");
    }
}
