package io.tlsready.domain.plan;

import io.tlsready.domain.facts.RegistryPaths;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.output.Visible;
import io.tlsready.domain.rules.RuleId;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a planned file before an admin runs it ({@code tlsready plan --verify}): its {@link PlanHeader} checksum
 * matches its text, and every line is one a tlsready plan writes, touching only values some rule's fix writes
 * ({@code RuleBook.writable()}). The checksum alone would not do: anyone can compute a SHA-256, so a forged file
 * with a correct header is caught by the content check.
 */
public final class PlanVerifier {

    /** How a file fared, worst last. */
    public enum Outcome { OK, MODIFIED, FOREIGN, NOT_A_PLAN }

    /**
     * @param host the host line as written (already visible-escaped by the writer; show it through Visible again)
     * @param problem one line saying what is wrong, empty when OK
     */
    public record Result(Outcome outcome, String host, List<String> rules, String problem) {
        public Result {
            rules = List.copyOf(rules);
        }

        public boolean ok() {
            return outcome == Outcome.OK;
        }
    }

    private static final Pattern SHA_LINE = Pattern.compile("[;#] sha256: ([0-9a-f]{64})");
    private static final Pattern REG_SECTION = Pattern.compile("\\[(.+)\\]");
    private static final Pattern REG_DWORD = Pattern.compile("\"((?:[^\"\\\\]++|\\\\[\\\\\"])*+)\"=dword:([0-9a-f]{8})");
    /** A single-quoted PowerShell literal as {@code PowerShellText.literal} writes it: quotes only doubled. */
    private static final String LIT = "'((?:[^'\u2018-\u201b]++|''|\u2018\u2018|\u2019\u2019|\u201a\u201a|\u201b\u201b)*+)'";
    private static final List<Pattern> PS_TEMPLATES = List.of(
            Pattern.compile("Write-Warning " + LIT),
            Pattern.compile("if \\(Test-Path -LiteralPath " + LIT + "\\) \\{"),
            Pattern.compile("    & reg\\.exe export " + LIT + " \\(Join-Path \\$BackupDir 'backup-[0-9]{2,4}\\.reg'\\) /y /reg:64 \\| Out-Null"),
            Pattern.compile("    if \\(\\$LASTEXITCODE -ne 0\\) \\{ throw " + LIT + " \\}"),
            Pattern.compile("\\$current = \\(Get-ItemProperty -LiteralPath " + LIT + " -Name " + LIT
                    + " -ErrorAction SilentlyContinue\\)\\." + LIT),
            Pattern.compile("Write-Host " + LIT));
    private static final Pattern PS_SET = Pattern.compile("Set-TlsReadyDword " + LIT + " " + LIT + " (\\$value|[0-9]{1,10})");
    /** The bit computation of an OR fix: the value when absent, the bits cleared, the bits set. */
    private static final Pattern PS_VALUE = Pattern.compile("\\$value = if \\(\\$null -eq \\$current\\) \\{ 0x([0-9a-f]{1,8}) \\}"
            + " else \\{ \\(\\[int\\]\\$current -band -bnot 0x([0-9a-f]{1,8})\\) -bor 0x([0-9a-f]{1,8}) \\}");
    /** The script's fixed lines, verbatim as {@link PowerShellFormat} writes them. */
    private static final Set<String> PS_FIXED = Set.of(
            "[CmdletBinding(SupportsShouldProcess = $true)]",
            "param([string]$BackupDir = (Join-Path $env:TEMP (\"tlsready-backup-\" + (Get-Date -Format yyyyMMdd-HHmmss))))",
            "$ErrorActionPreference = 'Stop'",
            "if ([Environment]::Is64BitOperatingSystem -and -not [Environment]::Is64BitProcess) {",
            "    throw 'Run this script from 64-bit PowerShell: 32-bit PowerShell writes HKLM\\SOFTWARE into WOW6432Node.'",
            "}",
            "function Set-TlsReadyDword([string]$Path, [string]$Name, [int]$Value) {",
            "    if ($PSCmdlet.ShouldProcess(\"$Path\\$Name\", ('set DWORD 0x{0:x8}' -f $Value))) {",
            "        if (-not (Test-Path -LiteralPath $Path)) { New-Item -Path $Path -Force | Out-Null }",
            "        New-ItemProperty -LiteralPath $Path -Name $Name -PropertyType DWord -Value $Value -Force | Out-Null",
            "    }",
            "New-Item -ItemType Directory -Force -Path $BackupDir | Out-Null",
            "Write-Host \"Backup written to $BackupDir (restore with: reg import <file>)\"");
    private static final int MAX_NAMED = 3;
    private static final int MAX_SHOWN = 160;
    /** Longer than any line a plan writes outside comments; such lines are flagged before any pattern sees them. */
    private static final int MAX_LINE = 8192;

    private PlanVerifier() {
    }

    /**
     * @param file the file's bytes: UTF-16LE with BOM (as {@code plan --format reg} writes), UTF-8 with or without
     *             BOM (a .reg printed to a terminal, a .ps1)
     * @param writable every value a plan may write
     */
    public static Result verify(byte[] file, Set<ValueRef> writable) {
        Optional<String> decoded = decode(file);
        if (decoded.isEmpty()) {
            return notAPlan("not UTF-16LE or UTF-8 text");
        }
        String text = decoded.get();
        int end1 = text.indexOf('\n');
        int end2 = end1 < 0 ? -1 : text.indexOf('\n', end1 + 1);
        int end3 = end2 < 0 ? -1 : text.indexOf('\n', end2 + 1);
        if (end3 < 0) {
            return notAPlan("no header");
        }
        String first = stripCr(text.substring(0, end1));
        boolean reg = first.equals(RegFileFormat.VERSION_LINE);
        if (!reg && !first.equals(PowerShellFormat.REQUIRES_LINE)) {
            return notAPlan("no header");
        }
        String comment = reg ? ";" : "#";
        if (!stripCr(text.substring(end1 + 1, end2)).equals(comment + " " + PlanHeader.MARKER)) {
            return notAPlan("no header");
        }
        Matcher sha = SHA_LINE.matcher(stripCr(text.substring(end2 + 1, end3)));
        if (!sha.matches() || sha.group().charAt(0) != comment.charAt(0)) {
            return notAPlan("no sha256 line in its header");
        }
        String covered = text.substring(end3 + 1);
        List<String> lines = Arrays.asList(covered.split("\r\n|\r|\n", -1));
        String host = headerField(lines, 0, comment + " " + PlanHeader.HOST);
        String rulesLine = headerField(lines, 1, comment + " " + PlanHeader.RULES);
        List<String> rules = rulesLine == null || rulesLine.equals(PlanHeader.NO_RULES) ? List.of()
                : Arrays.asList(rulesLine.split(", ", -1));
        if (!PlanHeader.sha256(covered).equals(sha.group(1))) {
            return new Result(Outcome.MODIFIED, host == null ? "" : host, rules,
                    "modified after tlsready wrote it (sha256 mismatch)");
        }
        List<String> problems = new ArrayList<>();
        if (host == null || rulesLine == null) {
            problems.add("its header has no host or rules line");
        }
        for (String rule : rules) {
            if (Arrays.stream(RuleId.values()).noneMatch(r -> r.name().equals(rule))) {
                problems.add("unknown rule " + Visible.quoted(rule));
            }
        }
        if (reg) {
            checkReg(lines, writable, problems);
        } else {
            checkPs1(lines, writable, problems);
        }
        if (!problems.isEmpty()) {
            String named = String.join("; ", problems.subList(0, Math.min(MAX_NAMED, problems.size())));
            if (problems.size() > MAX_NAMED) {
                named += "; and " + (problems.size() - MAX_NAMED) + " more";
            }
            return new Result(Outcome.FOREIGN, host == null ? "" : host, rules,
                    "holds what no tlsready plan writes: " + named);
        }
        return new Result(Outcome.OK, host, rules, "");
    }

    private static void checkReg(List<String> lines, Set<ValueRef> writable, List<String> problems) {
        Set<String> sections = new HashSet<>();
        Set<String> values = new HashSet<>();
        for (ValueRef ref : writable) {
            String key = RegistryPaths.longForm(ref.physicalKey()).toUpperCase(Locale.ROOT);
            sections.add(key);
            values.add(key + "\\" + ref.name().toUpperCase(Locale.ROOT));
        }
        String section = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int n = i + 4;
            if (!Visible.isPlain(line)) {
                problems.add("line " + n + " holds control or invisible characters: " + shown(line));
            } else if (line.isEmpty() || line.startsWith(";")) {
                continue;
            } else if (line.length() > MAX_LINE) {
                problems.add("line " + n + " is longer than any line a plan writes: " + shown(line));
            } else if (REG_SECTION.matcher(line).matches()) {
                section = line.substring(1, line.length() - 1);
                if (!sections.contains(section.toUpperCase(Locale.ROOT))) {
                    problems.add("section [" + shown(section) + "]");
                    section = null;
                }
            } else {
                Matcher v = REG_DWORD.matcher(line);
                if (!v.matches()) {
                    problems.add("line " + n + " " + shown(line));
                } else if (section == null) {
                    problems.add("line " + n + " " + shown(line) + " outside a known section");
                } else {
                    String name = v.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
                    if (!values.contains(section.toUpperCase(Locale.ROOT) + "\\" + name.toUpperCase(Locale.ROOT))) {
                        problems.add("value " + Visible.quoted(shown(name)) + " in [" + shown(section) + "]");
                    } else if (!fixMayWrite(name, Long.parseLong(v.group(2), 16))) {
                        problems.add("value " + Visible.quoted(shown(name)) + "=dword:" + v.group(2) + " in ["
                                + shown(section) + "] (no tlsready fix writes that data)");
                    }
                }
            }
        }
    }

    private static void checkPs1(List<String> lines, Set<ValueRef> writable, List<String> problems) {
        Set<String> values = new HashSet<>();
        for (ValueRef ref : writable) {
            values.add(("Registry::" + RegistryPaths.longForm(ref.physicalKey()) + "\\" + ref.name()).toUpperCase(Locale.ROOT));
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int n = i + 4;
            if (!Visible.isPlain(line)) {
                problems.add("line " + n + " holds control or invisible characters: " + shown(line));
                continue;
            }
            // "#Requires" and "#region" are directives; tlsready's comments always have a space after the '#'.
            if (line.isEmpty() && i == lines.size() - 1 || line.startsWith("# ") || PS_FIXED.contains(line)) {
                continue;
            }
            if (line.length() > MAX_LINE) {
                problems.add("line " + n + " is longer than any line a plan writes: " + shown(line));
                continue;
            }
            Matcher set = PS_SET.matcher(line);
            if (set.matches()) {
                String name = unquote(set.group(2));
                String target = unquote(set.group(1)) + "\\" + name;
                boolean computed = set.group(3).equals("$value");
                if (!values.contains(target.toUpperCase(Locale.ROOT))) {
                    problems.add("a write to " + shown(target));
                } else if (computed != BIT_FIXED.equalsIgnoreCase(name)
                        || !computed && !fixMayWrite(name, Long.parseLong(set.group(3)))) {
                    problems.add("a write of " + set.group(3) + " to " + shown(target) + " (no tlsready fix writes that)");
                }
                continue;
            }
            Matcher computed = PS_VALUE.matcher(line);
            if (computed.matches()) {
                long clear = Long.parseLong(computed.group(2), 16);
                long bits = Long.parseLong(computed.group(3), 16);
                if (!fixMayWrite(BIT_FIXED, Long.parseLong(computed.group(1), 16))
                        || (clear & SSL_BITS) != SSL_BITS || (bits & TLS12_BIT) == 0) {
                    problems.add("line " + n + " computes a value no tlsready fix writes: " + shown(line));
                }
                continue;
            }
            if (PS_TEMPLATES.stream().noneMatch(p -> p.matcher(line).matches())) {
                problems.add("line " + n + " " + shown(line));
            }
        }
    }

    /** The one value whose fix is computed from what is on the host (R16): SSL bits cleared, TLS 1.2 added. */
    private static final String BIT_FIXED = "DefaultSecureProtocols";
    private static final long SSL_BITS = 0x8 | 0x20;
    private static final long TLS12_BIT = 0x800;

    /**
     * The data a tlsready fix writes into a value (rule book R16): {@code DisabledByDefault}=0; {@code
     * DefaultSecureProtocols} with TLS 1.2 and without SSL 2.0/3.0; every other value 1. Checked so that a forged
     * file with a recomputed checksum cannot pass with {@code Enabled=0} in a value tlsready does write.
     */
    static boolean fixMayWrite(String valueName, long data) {
        if (valueName.equalsIgnoreCase("DisabledByDefault")) {
            return data == 0;
        }
        if (valueName.equalsIgnoreCase(BIT_FIXED)) {
            return (data & TLS12_BIT) != 0 && (data & SSL_BITS) == 0 && data <= 0xFFFFFFFFL;
        }
        return data == 1;
    }

    /** Text from the file for a message: made visible, and cut so that one forged line cannot flood the terminal. */
    private static String shown(String text) {
        String v = Visible.of(text);
        return v.length() <= MAX_SHOWN ? v : v.substring(0, MAX_SHOWN) + "…";
    }

    private static String unquote(String literalBody) {
        return literalBody.replace("''", "'").replace("\u2018\u2018", "\u2018").replace("\u2019\u2019", "\u2019")
                .replace("\u201a\u201a", "\u201a").replace("\u201b\u201b", "\u201b");
    }

    private static String headerField(List<String> lines, int index, String prefix) {
        return lines.size() > index && lines.get(index).startsWith(prefix) ? lines.get(index).substring(prefix.length())
                : null;
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static Optional<String> decode(byte[] b) {
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return strict(StandardCharsets.UTF_16LE, b, 2);
        }
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return strict(StandardCharsets.UTF_8, b, 3);
        }
        return strict(StandardCharsets.UTF_8, b, 0);
    }

    private static Optional<String> strict(Charset cs, byte[] b, int offset) {
        try {
            return Optional.of(cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, offset, b.length - offset)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static Result notAPlan(String why) {
        return new Result(Outcome.NOT_A_PLAN, "", List.of(), "not a tlsready plan (" + why + ")");
    }
}
