package io.tlsready.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.remediation.RegistryChange;
import io.tlsready.domain.rules.RuleId;
import io.tlsready.domain.rules.book.RuleBook;
import io.tlsready.domain.testing.Hosts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The signed header and {@code plan --verify}: a changed byte, a forged file and a stranger are all told apart. */
class PlanVerifierTest {

    private static final Set<ValueRef> WRITABLE = RuleBook.standard().writable();
    static final String INJECTED_HOST = "X\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run]\r\n"
            + "\"evil\"=\"c:\\\\x.exe\"";

    /** A host on which every rule that has a registry fix fails or warns. */
    private static Plan worstPlan(String os, String host) {
        return RemediationPlanner.plan(new AuditService(RuleBook.standard()).evaluate(Hosts.windows(os).named(host).x64()
                .coverAll().dword(Hosts.KEX_DH, "Enabled", 0).dword(Hosts.KEX_ECDH, "Enabled", 0)
                .dword(Hosts.NDP35, "Install", 1).build()), true);
    }

    @Test
    void the_checksum_is_the_sha256_of_the_utf8_text_after_the_sha256_line() throws Exception {
        String text = RegFileFormat.text(worstPlan("2008R2", "fs01"));
        String[] lines = text.split("\r\n", 4);

        String covered = lines[3];
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(covered.getBytes(StandardCharsets.UTF_8)));
        assertThat(lines[1]).isEqualTo("; tlsready-plan: v1");
        assertThat(lines[2]).isEqualTo("; sha256: " + expected);
        assertThat(covered).startsWith("; host: fs01\r\n; rules: ");
    }

    @Test
    void both_formats_verify_with_their_host_and_rules() {
        Plan plan = worstPlan("2008R2", "fs01");
        List<String> rules = plan.rules().stream().map(RuleId::name).toList();

        for (byte[] file : List.of(RegFileFormat.bytes(plan), PowerShellFormat.bytes(plan),
                RegFileFormat.text(plan).getBytes(StandardCharsets.UTF_8),
                PowerShellFormat.text(plan).getBytes(StandardCharsets.UTF_8))) {
            PlanVerifier.Result r = PlanVerifier.verify(file, WRITABLE);
            assertThat(r.problem()).isEmpty();
            assertThat(r.outcome()).isEqualTo(PlanVerifier.Outcome.OK);
            assertThat(r.host()).isEqualTo("fs01");
            assertThat(r.rules()).isEqualTo(rules).contains("SCHANNEL_TLS12_CLIENT", "KEY_EXCHANGE", "SCHANNEL_TLS12_SERVER");
        }
        assertThat(PowerShellFormat.text(plan)).startsWith("#Requires -RunAsAdministrator\r\n# tlsready-plan: v1\r\n# sha256: ");
    }

    @Test
    void every_plan_for_every_os_verifies_and_writes_only_writable_values() {
        Set<ValueRef> written = new HashSet<>();
        for (String os : Hosts.ALL_OS) {
            Plan plan = worstPlan(os, "h-" + os);
            plan.changes().stream().map(RegistryChange::ref).forEach(written::add);
            assertThat(PlanVerifier.verify(RegFileFormat.bytes(plan), WRITABLE).problem()).as(os).isEmpty();
            assertThat(PlanVerifier.verify(PowerShellFormat.bytes(plan), WRITABLE).problem()).as(os).isEmpty();
        }
        // Both ways: nothing is written that verify would flag, and verify allows nothing no plan writes.
        assertThat(written).containsExactlyInAnyOrderElementsOf(WRITABLE);
    }

    @Test
    void changing_any_one_character_after_the_checksum_is_a_mismatch() {
        Plan plan = worstPlan("2008R2", "fs01");
        for (String text : List.of(RegFileFormat.text(plan), PowerShellFormat.text(plan))) {
            int start = text.indexOf("sha256: ") + 8 + 64 + 2;
            for (int i = start; i < text.length(); i += 97) {
                char c = text.charAt(i);
                String changed = text.substring(0, i) + (c == 'a' ? 'b' : c == '\r' ? ' ' : 'a') + text.substring(i + 1);
                PlanVerifier.Result r = PlanVerifier.verify(changed.getBytes(StandardCharsets.UTF_8), WRITABLE);
                assertThat(r.outcome()).as("changed at " + i).isEqualTo(PlanVerifier.Outcome.MODIFIED);
                assertThat(r.problem()).isEqualTo("modified after tlsready wrote it (sha256 mismatch)");
            }
        }
    }

    @Test
    void a_file_without_the_header_is_not_a_plan() {
        String export = "Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\X]\r\n\"a\"=dword:00000001\r\n";

        for (byte[] file : List.of(export.getBytes(StandardCharsets.UTF_8), new byte[0], new byte[] {(byte) 0xFF, (byte) 0xFE, 0x00, (byte) 0xD8},
                "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8))) {
            PlanVerifier.Result r = PlanVerifier.verify(file, WRITABLE);
            assertThat(r.outcome()).isEqualTo(PlanVerifier.Outcome.NOT_A_PLAN);
            assertThat(r.problem()).startsWith("not a tlsready plan (");
        }
        assertThat(PlanVerifier.verify(export.getBytes(StandardCharsets.UTF_8), WRITABLE).problem())
                .isEqualTo("not a tlsready plan (no header)");
    }

    @Test
    void a_forged_reg_with_a_correct_checksum_is_flagged_by_name() {
        String planned = RegFileFormat.text(worstPlan("2008R2", "fs01"));
        String forged = reSign(planned + "\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run]\r\n"
                + "\"evil\"=\"c:\\\\x.exe\"\r\n", ";");
        PlanVerifier.Result r = PlanVerifier.verify(forged.getBytes(StandardCharsets.UTF_8), WRITABLE);

        assertThat(r.outcome()).isEqualTo(PlanVerifier.Outcome.FOREIGN);
        assertThat(r.problem()).startsWith("holds what no tlsready plan writes: ")
                .contains("section [HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run]");

        String extraValue = reSign(planned.replace("\"Enabled\"=dword:00000001", "\"Enabled\"=dword:00000001\r\n\"Debug\"=dword:00000001"), ";");
        assertThat(PlanVerifier.verify(extraValue.getBytes(StandardCharsets.UTF_8), WRITABLE).problem())
                .contains("value \"Debug\" in [HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders"
                        + "\\SCHANNEL\\Protocols\\TLS 1.2\\Client]");
        // Long forged lines neither flood the message nor exhaust the stack of a pattern.
        for (String line : List.of("\"" + "x".repeat(100_000) + "\"=dword:00000001", "\"" + "\\\"".repeat(4000) + "\"=dword:00000001")) {
            String flood = reSign(planned + line + "\r\n", ";");
            assertThat(PlanVerifier.verify(flood.getBytes(StandardCharsets.UTF_8), WRITABLE).problem())
                    .startsWith("holds what no tlsready plan writes: ").hasSizeLessThan(400);
        }
        String script = PowerShellFormat.text(worstPlan("2008R2", "fs01"));
        for (String line : List.of("Write-Host '" + "''".repeat(4000) + "'", "Write-Host '" + "x".repeat(100_000) + "'")) {
            String flood = reSign(script + line + "\r\n", "#");
            assertThat(PlanVerifier.verify(flood.getBytes(StandardCharsets.UTF_8), WRITABLE).outcome())
                    .isIn(PlanVerifier.Outcome.OK, PlanVerifier.Outcome.FOREIGN);
        }
        String deletion = reSign(planned + "[-HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319]\r\n", ";");
        assertThat(PlanVerifier.verify(deletion.getBytes(StandardCharsets.UTF_8), WRITABLE).outcome())
                .isEqualTo(PlanVerifier.Outcome.FOREIGN);
    }

    @Test
    void a_forged_script_with_a_correct_checksum_is_flagged() {
        String planned = PowerShellFormat.text(worstPlan("2008R2", "fs01"));
        for (String added : List.of("Remove-Item -Recurse C:\\", "#Requires -Modules Evil",
                "Set-TlsReadyDword 'Registry::HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run' 'evil' 1",
                "Write-Host 'a'; calc", "Write-Host 'a\u2019; calc; \u2019'")) {
            String forged = reSign(planned + added + "\r\n", "#");
            PlanVerifier.Result r = PlanVerifier.verify(forged.getBytes(StandardCharsets.UTF_8), WRITABLE);
            assertThat(r.outcome()).as(added).isEqualTo(PlanVerifier.Outcome.FOREIGN);
        }
    }

    @Test
    void a_hostile_host_name_stays_in_its_comment_and_the_file_still_verifies() {
        Plan plan = worstPlan("2008R2", INJECTED_HOST);
        String reg = RegFileFormat.text(plan);

        assertThat(reg).doesNotContain("\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run]")
                .doesNotContain("\r\n\"evil\"");
        assertThat(reg).contains("; host: X\\r\\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run]"
                + "\\r\\n\"evil\"=\"c:\\\\x.exe\"\r\n");
        Set<String> planned = new HashSet<>();
        plan.changes().forEach(c -> planned.add(io.tlsready.domain.facts.RegistryPaths.longForm(c.ref().physicalKey())
                + " | " + c.ref().name() + " | " + c.after()));
        assertThat(RegFileFormatTest.parse(reg)).containsExactlyInAnyOrderElementsOf(planned);
        for (byte[] file : List.of(RegFileFormat.bytes(plan), PowerShellFormat.bytes(plan))) {
            PlanVerifier.Result r = PlanVerifier.verify(file, WRITABLE);
            assertThat(r.outcome()).isEqualTo(PlanVerifier.Outcome.OK);
            assertThat(r.host()).doesNotContain("\r", "\n").startsWith("X\\r\\n[HKEY");
        }
    }

    @Test
    void typographic_quotes_in_literals_are_doubled() {
        Plan p = new Plan("h", List.of(), List.of(RegistryChange.set(ValueRef.of("HKLM\\SOFTWARE\\A\u2019B", "n\u2018m"), 1,
                Optional.empty(), "r")), List.of(), List.of("step \u201b; calc; \u201a"));

        String ps = PowerShellFormat.text(p);

        assertThat(ps).contains("'Registry::HKEY_LOCAL_MACHINE\\SOFTWARE\\A\u2019\u2019B' 'n\u2018\u2018m' 1")
                .contains("Write-Host 'step \u201b\u201b; calc; \u201a\u201a'");
    }

    /** R16: a fix writes Enabled=1, DisabledByDefault=0, DefaultSecureProtocols with 0x800 and without 0x8/0x20. */
    @Test
    void a_forged_file_that_writes_other_data_into_a_value_tlsready_writes_is_flagged() {
        String reg = RegFileFormat.text(worstPlan("2008R2", "fs01"));
        assertThat(reg).contains("\"Enabled\"=dword:00000001", "\"DisabledByDefault\"=dword:00000000");
        for (String[] edit : List.of(new String[] {"\"Enabled\"=dword:00000001", "\"Enabled\"=dword:00000000"},
                new String[] {"\"DisabledByDefault\"=dword:00000000", "\"DisabledByDefault\"=dword:00000001"},
                new String[] {"\"SchUseStrongCrypto\"=dword:00000001", "\"SchUseStrongCrypto\"=dword:00000000"},
                new String[] {"\"DefaultSecureProtocols\"=dword:00000a80", "\"DefaultSecureProtocols\"=dword:000000a0"},
                new String[] {"\"DefaultSecureProtocols\"=dword:00000a80", "\"DefaultSecureProtocols\"=dword:00000aa0"})) {
            assertThat(reg).contains(edit[0]);
            PlanVerifier.Result r = PlanVerifier.verify(reSign(reg.replaceFirst(java.util.regex.Pattern.quote(edit[0]), edit[1]), ";")
                    .getBytes(StandardCharsets.UTF_8), WRITABLE);
            assertThat(r.outcome()).as(edit[1]).isEqualTo(PlanVerifier.Outcome.FOREIGN);
            assertThat(r.problem()).as(edit[1]).contains(edit[1].substring(edit[1].indexOf('=') + 1), "no tlsready fix writes");
        }
        String ps1 = PowerShellFormat.text(worstPlan("2008R2", "fs01"));
        for (String[] edit : List.of(new String[] {"'SchUseStrongCrypto' 1", "'SchUseStrongCrypto' 0"},
                new String[] {"'SchUseStrongCrypto' 1", "'SchUseStrongCrypto' $value"},
                new String[] {"-band -bnot 0x28)", "-band -bnot 0x0)"},
                new String[] {"-bor 0x800 }", "-bor 0x0 }"},
                new String[] {"{ 0xa80 }", "{ 0xa0 }"})) {
            assertThat(ps1).contains(edit[0]);
            PlanVerifier.Result r = PlanVerifier.verify(reSign(ps1.replace(edit[0], edit[1]), "#")
                    .getBytes(StandardCharsets.UTF_8), WRITABLE);
            assertThat(r.outcome()).as(edit[1]).isEqualTo(PlanVerifier.Outcome.FOREIGN);
        }
    }

    @Test
    void the_data_check_accepts_what_the_bit_fix_makes_of_any_audited_value() {
        for (long before : new long[] {0, 0xA0, 0xA8, 0x2A0, 0xAA0, 0xFFFFFFFFL, 0x80000000L}) {
            assertThat(PlanVerifier.fixMayWrite("DefaultSecureProtocols", (before & ~0x28L) | 0x800)).as("%x", before).isTrue();
        }
        assertThat(PlanVerifier.fixMayWrite("Enabled", 0xFFFFFFFFL)).isFalse();
    }

    /** What a forger would do: recompute the checksum over the changed text. */
    private static String reSign(String text, String comment) {
        String[] lines = text.split("\r\n", 4);
        List<String> out = new ArrayList<>(List.of(lines[0], lines[1], comment + " sha256: " + PlanHeader.sha256(lines[3])));
        return String.join("\r\n", out) + "\r\n" + lines[3];
    }
}
