package io.tlsready.app.cli.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.fleet.FleetAudit;
import io.tlsready.domain.port.RemoteTarget;
import io.tlsready.domain.report.HostReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private static final RemoteTarget TARGET = new RemoteTarget("srv1", 5986, RemoteTarget.Transport.HTTPS,
            RemoteTarget.Auth.NTLM, "u", () -> new char[0], Optional.empty(), Optional.empty(), false,
            Duration.ofSeconds(60));
    private static final HostReport DOWN = AuditService.failed("srv1", "WinRM srv1:5986", "connection refused");

    @Test
    void the_terminal_bar_counts_hosts_including_earlier_ones() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TerminalProgress bar = new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), 3, 2,
                true)) {
            for (int i = 1; i <= 3; i++) {
                bar.finished(TARGET, DOWN, new FleetAudit.Progress(3, i, i, 0));
            }
        }
        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertThat(shown).contains("Auditing").contains("5/5").contains("3 unknown");
    }

    @Test
    void under_no_color_the_bar_has_no_escape_sequence_at_all() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TerminalProgress bar = new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), 3, 0,
                false)) {
            for (int i = 1; i <= 3; i++) {
                bar.finished(TARGET, DOWN, new FleetAudit.Progress(3, i, i, 0));
            }
        }
        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertThat(shown).contains("Auditing").contains("3/3").doesNotContain("\u001b");
    }

    @Test
    void the_coloured_bar_is_what_no_color_turns_off() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TerminalProgress bar = new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), 1, 0,
                true)) {
            bar.finished(TARGET, DOWN, new FleetAudit.Progress(1, 1, 1, 0));
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("\u001b[");
    }

    @Test
    void the_eta_is_never_zero_while_hosts_are_left() {
        // 99 of 100 done in 10 s: the linear estimate is 0.1 s, which the library shows as 0:00:00
        assertThat(TerminalProgress.eta(99, 1, Duration.ofSeconds(10))).isEmpty();
        assertThat(TerminalProgress.eta(0, 5, Duration.ofSeconds(10))).isEmpty();
        assertThat(TerminalProgress.eta(10, 10, Duration.ofSeconds(20))).contains(Duration.ofSeconds(20));
        assertThat(TerminalProgress.eta(100, 0, Duration.ofSeconds(20))).contains(Duration.ZERO);
    }

    @Test
    void without_a_terminal_progress_is_a_periodic_line() {
        StringWriter text = new StringWriter();
        LineProgress lines = new LineProgress(new PrintWriter(text, true), 0, 10);
        lines.finished(TARGET, DOWN, new FleetAudit.Progress(5, 1, 1, 4));
        assertThat(text.toString()).isEqualTo("tlsready: 11/15 hosts done: 0 ready, 0 not ready, 1 unknown "
                + "(1 unreachable); 4 in flight" + System.lineSeparator());
    }
}
