package io.tlsready.app.cli.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

class ResumeCommandIT {

    /** Words a shell would otherwise split, expand or run. */
    private static final List<String> AWKWARD = List.of("plain", "two words", "it's", "$HOME", "`id`", "$(id)",
            "*.txt", "~", "a\"b", "back\\slash", "semi;colon", "new\nline", "", "--output=x y", "-o", "ünïcödé");

    @DisabledOnOs(OS.WINDOWS)
    @Test
    void every_word_reaches_a_posix_shell_exactly_as_given() throws Exception {
        StringBuilder script = new StringBuilder("for a in");
        for (String w : AWKWARD) {
            script.append(' ').append(ResumeCommand.quote(w));
        }
        script.append("; do printf '%s\\0' \"$a\"; done");
        Process p = new ProcessBuilder("sh", "-c", script.toString()).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        List<String> back = new ArrayList<>(List.of(new String(out, StandardCharsets.UTF_8).split("\0", -1)));
        back.remove(back.size() - 1);
        assertThat(back).containsExactlyElementsOf(AWKWARD);
    }

    @Test
    void plain_words_stay_unquoted() {
        assertThat(ResumeCommand.quote("--inventory")).isEqualTo("--inventory");
        assertThat(ResumeCommand.quote("/srv/fleet/hosts.txt")).isEqualTo("/srv/fleet/hosts.txt");
        assertThat(ResumeCommand.quote("CONTOSO\\auditor")).isEqualTo("'CONTOSO\\auditor'");
    }

    @Test
    void resume_is_added_once() {
        assertThat(ResumeCommand.of("./tlsready", List.of("audit", "-f", "jsonl", "-o", "r.jsonl")))
                .contains("./tlsready audit -f jsonl -o r.jsonl --resume");
        assertThat(ResumeCommand.of("./tlsready", List.of("audit", "--resume", "-f", "jsonl", "-o", "r.jsonl")))
                .contains("./tlsready audit --resume -f jsonl -o r.jsonl");
    }

    @Test
    void a_command_line_holding_a_password_is_never_echoed() {
        assertThat(ResumeCommand.of("tlsready", List.of("audit", "--password", "hunter2"))).isEmpty();
        assertThat(ResumeCommand.of("tlsready", List.of("audit", "--password=hunter2"))).isEmpty();
        assertThat(ResumeCommand.of("tlsready", List.of("audit", "--password-file", "pw.txt")))
                .contains("tlsready audit --password-file pw.txt --resume");
    }
}
