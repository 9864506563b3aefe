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
        try (TerminalProgress bar = new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), 3, 2)) {
            for (int i = 1; i <= 3; i++) {
                bar.finished(TARGET, DOWN, new FleetAudit.Progress(3, i, i, 0));
            }
        }
        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertThat(shown).contains("Auditing").contains("5/5").contains("3 unknown");
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
