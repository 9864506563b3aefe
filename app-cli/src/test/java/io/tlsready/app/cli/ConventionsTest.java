package io.tlsready.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 13, the conventions admins know: folders and '-' as files, 'help [COMMAND]', help wrapped at spaces. */
class ConventionsTest {

    private static final String NOT_READY = "2008r2-not-ready";
    private static final List<String> COMMANDS = List.of("", "audit", "plan", "collect", "fix", "rollback", "rules",
            "hive", "hive export", "hive get");

    @TempDir
    Path tmp;

    private static Cli.Result run(Map<String, String> variables, byte[] stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Environment env = RemoteCli.env(variables, stdin);
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), env,
                new io.tlsready.adapters.winrm.WinRmModule());
        return new Cli.Result(code, out.toString(), err.toString());
    }

    private static String[] words(String command, String... more) {
        List<String> a = new java.util.ArrayList<>(List.of(command.isEmpty() ? new String[0] : command.split(" ")));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    private static String[] help(String command) {
        return ("help " + command).strip().split(" ");
    }

    @Test
    void a_folder_stands_for_its_files_and_audits_like_the_files_listed_one_by_one() throws Exception {
        Path folder = Cli.examples().resolve(NOT_READY);
        Cli.Result byFolder = Cli.run("audit", "-f", "json", "--snapshot", folder.toString());
        List<String> each = Cli.snapshotArgs(NOT_READY);
        each.addAll(0, List.of("audit", "-f", "json"));
        Cli.Result listed = Cli.run(each.toArray(String[]::new));
        assertThat(byFolder.exitCode()).as(byFolder.err()).isEqualTo(1).isEqualTo(listed.exitCode());
        assertThat(withoutTime(byFolder.out())).isEqualTo(withoutTime(listed.out()));
    }

    @Test
    void a_folder_skips_dot_files_and_subfolders() throws Exception {
        Path folder = Files.createDirectory(tmp.resolve("OUTDIR"));
        Files.copy(Cli.examples().resolve(NOT_READY).resolve("schannel.reg"), folder.resolve("schannel.reg"));
        Files.writeString(folder.resolve(".DS_Store"), "junk that is no evidence");
        Files.createDirectory(folder.resolve("old"));
        Files.writeString(folder.resolve("old").resolve("junk.txt"), "junk that is no evidence");
        Cli.Result r = Cli.run("audit", "--snapshot", folder.toString());
        assertThat(r.err()).doesNotContain("DS_Store").doesNotContain("junk");
        assertThat(r.exitCode()).isIn(1, 3);
    }

    @Test
    void a_folder_with_nothing_usable_is_exit_2_naming_it() throws Exception {
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        Files.writeString(empty.resolve(".hidden"), "x");
        Cli.Result r = Cli.run("audit", "--snapshot", empty.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("tlsready: " + empty + ": folder holds no evidence file (dot files and "
                + "subfolders are skipped)");
    }

    @Test
    void dash_reads_one_evidence_document_from_stdin_recognised_by_content() throws Exception {
        byte[] systeminfo = Files.readAllBytes(Cli.examples().resolve(NOT_READY).resolve("systeminfo.txt"));
        String reg = Cli.examples().resolve(NOT_READY).resolve("schannel.reg").toString();
        Cli.Result fromStdin = run(Map.of(), systeminfo, "audit", "-f", "json", "--snapshot", "-", reg);
        Cli.Result fromFile = Cli.run("audit", "-f", "json", "--snapshot",
                Cli.examples().resolve(NOT_READY).resolve("systeminfo.txt").toString(), reg);
        assertThat(fromStdin.exitCode()).as(fromStdin.err()).isEqualTo(fromFile.exitCode());
        assertThat(fromStdin.out()).contains("\"verdict\"").contains("MABS01");
    }

    @Test
    void dash_as_output_is_stdout_and_no_file_called_dash_is_created() throws Exception {
        Path before = Path.of("-").toAbsolutePath();
        boolean existed = Files.exists(before);
        List<String> a = Cli.snapshotArgs(NOT_READY);
        a.addAll(0, List.of("collect", "-o", "-"));
        Cli.Result r = Cli.run(a.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("tlsready.snapshot/");
        assertThat(Files.exists(before)).isEqualTo(existed);
    }

    @Test
    void dash_as_inventory_reads_the_host_list_from_stdin() {
        byte[] hosts = "# from a pipe\n127.0.0.1:9\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Cli.Result r = run(Map.of(Passwords.VARIABLE, "not-used"), hosts, "audit", "--inventory", "-", "--transport",
                "http", "--user", "u", "--retries", "0", "--timeout", "5", "-f", "jsonl");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
        assertThat(r.out()).contains("\"target\":\"127.0.0.1:9\"").contains("\"error\"");
        assertThat(Path.of("-")).doesNotExist();
    }

    @Test
    void help_command_prints_the_command_help_and_help_alone_lists_the_commands() {
        Cli.Result plan = Cli.run("help", "plan");
        assertThat(plan.exitCode()).isZero();
        assertThat(plan.out()).startsWith("Usage: tlsready plan");
        Cli.Result all = Cli.run("help");
        assertThat(all.exitCode()).isZero();
        assertThat(all.out()).contains("audit").contains("plan").contains("rollback").contains("help");
    }

    @Test
    void help_with_an_unknown_command_is_exit_2_with_the_suggestion_line() {
        Cli.Result typo = Cli.run("help", "audti");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err().strip().lines()).containsExactly("Unknown subcommand 'audti'.", "Did you mean: audit?");
        Cli.Result nosuch = Cli.run("help", "nosuch");
        assertThat(nosuch.exitCode()).isEqualTo(2);
        assertThat(nosuch.err().strip().lines()).containsExactly("Unknown subcommand 'nosuch'.",
                "Commands: audit, collect, plan, fix, rollback, rules, hive, completion, help");
    }

    @ParameterizedTest
    @ValueSource(ints = {80, 120})
    void help_fits_the_width_and_never_splits_a_word(int columns) {
        for (String command : COMMANDS) {
            String narrow = run(Map.of("COLUMNS", String.valueOf(columns)), new byte[0], help(command)).out();
            String wide = run(Map.of("COLUMNS", "1000"), new byte[0], help(command)).out();
            assertThat(narrow).isNotBlank();
            narrow.lines().forEach(l -> assertThat(l.length()).as("%s at %d: %s", command, columns, l)
                    .isLessThanOrEqualTo(columns));
            Set<String> whole = new HashSet<>(List.of(wide.split("\\s+")));
            for (String word : narrow.split("\\s+")) {
                assertThat(whole).as("help %s at %d columns: a piece of a split word", command, columns)
                        .contains(word);
            }
        }
    }

    @Test
    void the_wrapper_breaks_at_spaces_and_keeps_a_long_word_whole() {
        assertThat(HelpWrap.wrap(List.of("see docs/rest-api.md and auditor@contoso.com now"), 20))
                .containsExactly("see docs/rest-api.md", "and", "auditor@contoso.com", "now");
        assertThat(HelpWrap.wrap(List.of("  tlsready audit --snapshot a b"), 20))
                .containsExactly("  tlsready audit", "      --snapshot a b");
    }

    private static String withoutTime(String json) {
        return json.replaceAll("\"generated\"\\s*:\\s*\"[^\"]*\"", "").replaceAll("\"(source|file|origin)\"[^,}]*", "");
    }
}
