package io.tlsready.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.testing.Corpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tlsready hive export} and {@code tlsready hive get} on a real hive (regipy's SYSTEM from the corpus). */
class HiveCommandTest {

    @TempDir
    Path dir;

    @Test
    void export_is_utf16le_with_bom_and_the_regedit_header() throws Exception {
        Path out = dir.resolve("system.reg");

        Cli.Result r = Cli.run("hive", "export", system().toString(), "--output", out.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        byte[] bytes = Files.readAllBytes(out);
        assertThat(Arrays.copyOf(bytes, 2)).containsExactly(0xFF, 0xFE);
        String text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        assertThat(text).startsWith("Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SYSTEM]\r\n")
                .contains("\r\n[HKEY_LOCAL_MACHINE\\SYSTEM\\Select]\r\n\"Current\"=dword:00000001\r\n");
        // regipy's SYSTEM: 30,756 keys including the root (MANIFEST.md)
        assertThat(text.lines().filter(l -> l.startsWith("[")).count()).isEqualTo(30_756);
    }

    @Test
    void key_limits_the_export_to_that_subtree() throws Exception {
        Path out = dir.resolve("schannel.reg");
        String key = "ControlSet001\\Control\\SecurityProviders\\SCHANNEL";

        Cli.Result r = Cli.run("hive", "export", system().toString(), "--key", key, "--output", out.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        byte[] bytes = Files.readAllBytes(out);
        List<String> sections = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE).lines()
                .filter(l -> l.startsWith("[")).toList();
        assertThat(sections).first().isEqualTo("[HKEY_LOCAL_MACHINE\\SYSTEM\\" + key + "]");
        assertThat(sections).hasSizeGreaterThan(3)
                .allSatisfy(s -> assertThat(s).startsWith("[HKEY_LOCAL_MACHINE\\SYSTEM\\" + key))
                .contains("[HKEY_LOCAL_MACHINE\\SYSTEM\\" + key + "\\Protocols\\SSL 2.0\\Client]");
    }

    @Test
    void get_prints_a_dword_in_hex_and_decimal() {
        Cli.Result r = Cli.run("hive", "get", system().toString(), "Select", "Current");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().strip()).isEqualTo("REG_DWORD 0x00000001 (1)");
    }

    @Test
    void get_of_a_missing_key_is_exit_2_naming_it() {
        Cli.Result r = Cli.run("hive", "get", system().toString(), "ControlSet001\\NoSuchKey", "Enabled");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").contains("no key ControlSet001\\NoSuchKey");
    }

    @Test
    void a_file_that_is_no_hive_is_exit_2_in_one_line_without_a_stack_trace() throws Exception {
        Path notHive = Files.writeString(dir.resolve("SYSTEM"), "Windows Registry Editor Version 5.00\r\n".repeat(100));

        for (String[] args : List.of(new String[] {"hive", "get", notHive.toString(), "Select"},
                new String[] {"hive", "export", notHive.toString()})) {
            Cli.Result r = Cli.run(args);
            assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err().strip()).doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ")
                    .contains(notHive.toString()).contains("not a usable registry hive").contains("no 'regf' signature");
        }
    }

    private static Path system() {
        return Corpus.file("hives", "regipy", "SYSTEM");
    }
}
