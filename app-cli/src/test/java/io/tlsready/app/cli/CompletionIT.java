package io.tlsready.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The completion script in a real bash: it parses, and its function completes what an admin types. */
class CompletionIT {

    @TempDir
    Path tmp;

    private record Run(int exitCode, String out) {
    }

    private static Run bash(String... args) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(args)).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
        return new Run(p.exitValue(), out);
    }

    private Path script() throws IOException {
        Path script = tmp.resolve("tlsready.bash");
        Files.writeString(script, Cli.run("completion", "bash").out());
        return script;
    }

    /** What the script's completion function offers for a command line typed so far (TAB after the last word). */
    private String complete(String... words) throws IOException, InterruptedException {
        // the function bash itself would call (its stderr dropped: compopt says it is outside a real completion): the one the script registered with `complete -F` for tlsready
        String driver = "source \"$1\"; shift; spec=$(complete -p tlsready); fn=${spec#*-F }; fn=${fn%% *};"
                + " COMP_WORDS=(\"$@\"); COMP_CWORD=$(($# - 1)); COMP_LINE=\"$*\"; COMP_POINT=${#COMP_LINE};"
                + " \"$fn\" tlsready \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\" 2>/dev/null;"
                + " printf '%s\\n' \"${COMPREPLY[@]}\"";
        List<String> command = new java.util.ArrayList<>(List.of("bash", "-c", driver, "bash",
                script().toString()));
        command.addAll(List.of(words));
        Run r = bash(command.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.out()).isZero();
        return r.out();
    }

    @Test
    void bash_parses_the_script() throws Exception {
        Run r = bash("bash", "-n", script().toString());

        assertThat(r.exitCode()).as(r.out()).isZero();
    }

    @Test
    void tab_after_au_completes_the_audit_subcommand() throws Exception {
        assertThat(complete("tlsready", "au").lines()).containsExactly("audit");
    }

    @Test
    void tab_after_an_options_prefix_completes_the_subcommands_option() throws Exception {
        assertThat(complete("tlsready", "audit", "--sn").lines()).containsExactly("--snapshot");
        assertThat(complete("tlsready", "hive", "").lines()).contains("export", "get");
    }
}
