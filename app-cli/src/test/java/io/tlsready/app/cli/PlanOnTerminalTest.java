package io.tlsready.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13: plan prints a readable text plan without --output, exits 0 after a plan, 3 on UNKNOWN evidence. */
class PlanOnTerminalTest {

    @TempDir
    Path tmp;

    private static Cli.Result plan(String set, String... more) throws Exception {
        List<String> a = new ArrayList<>(List.of("plan"));
        a.addAll(List.of(more));
        a.addAll(Cli.snapshotArgs(set));
        return Cli.run(a.toArray(String[]::new));
    }

    @Test
    void a_plan_without_output_is_readable_text_naming_each_change_the_why_and_the_restart_and_exits_0()
            throws Exception {
        Cli.Result r = plan("2008r2-not-ready");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Plan for MABS01 (verdict now NOT_READY)").contains("Registry changes (")
                .contains("SchUseStrongCrypto: ABSENT -> REG_DWORD 0x00000001 (1)").contains("Restart: ")
                .doesNotContain("\u0000").doesNotContain("Windows Registry Editor");
    }

    @Test
    void a_plan_to_a_file_is_the_utf16_reg_file_and_exits_0() throws Exception {
        Path reg = tmp.resolve("fix.reg");
        Cli.Result r = plan("2008r2-not-ready", "-o", reg.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        byte[] bytes = Files.readAllBytes(reg);
        assertThat(bytes[0]).isEqualTo((byte) 0xFF);
        assertThat(bytes[1]).isEqualTo((byte) 0xFE);
        assertThat(new String(bytes, StandardCharsets.UTF_16LE)).contains("Windows Registry Editor Version 5.00");
    }

    @Test
    void a_plan_named_ps1_is_the_powershell_script() throws Exception {
        Path ps1 = tmp.resolve("fix.ps1");
        Cli.Result r = plan("2008r2-not-ready", "--output", ps1.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Cli.run("plan", "--verify", ps1.toString()).exitCode()).isZero();
    }

    @Test
    void an_unknown_host_names_the_missing_evidence_exits_3_and_writes_no_empty_script() throws Exception {
        Path reg = tmp.resolve("fix.reg");
        Cli.Result r = plan("2019-incomplete", "-f", "reg", "-o", reg.toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("BACKUP19: verdict UNKNOWN")
                .contains("NETFX_STRONG_CRYPTO: not collected: HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319"
                        + "\\SchUseStrongCrypto (64-bit)")
                .contains("no .reg written");
        assertThat(reg).doesNotExist();
        assertThat(r.out()).isEmpty();
    }

    @Test
    void a_ready_host_says_nothing_to_change_exits_0_and_writes_no_script() throws Exception {
        Cli.Result r = plan("2008r2-ready");
        assertThat(r.exitCode()).isZero();
        assertThat(r.err().strip()).isEqualTo("tlsready: nothing to change on MABS01 (verdict READY)");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void the_format_follows_the_output_file_name() {
        assertThat(PlanCommand.fromName(Path.of("a/fix.PS1"))).isEqualTo(PlanCommand.PlanFormat.PS1);
        assertThat(PlanCommand.fromName(Path.of("plan.json"))).isEqualTo(PlanCommand.PlanFormat.JSON);
        assertThat(PlanCommand.fromName(Path.of("plan.txt"))).isEqualTo(PlanCommand.PlanFormat.TEXT);
        assertThat(PlanCommand.fromName(Path.of("-"))).isEqualTo(PlanCommand.PlanFormat.REG);
    }
}
