package io.tlsready.app.cli.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.report.ExitPolicy;
import io.tlsready.domain.report.Verdict;
import org.junit.jupiter.api.Test;

/** The fleet's running tally ends with the exit code the domain's policy gives, not one of its own. */
class TallyTest {

    @Test
    void an_empty_tally_is_3_as_an_empty_report_is() {
        assertThat(new Tally().exitCode()).isEqualTo(ExitPolicy.UNKNOWN).isEqualTo(3);
    }

    @Test
    void a_not_ready_host_beats_unknown_and_unreachable_ones() {
        Tally t = new Tally();
        t.add(Verdict.READY, false);
        t.add(Verdict.UNKNOWN, true);
        assertThat(t.exitCode()).isEqualTo(3);
        t.add(Verdict.NOT_READY, false);
        assertThat(t.exitCode()).isEqualTo(1);
        assertThat(t.counts()).isEqualTo(new ExitPolicy.VerdictCounts(1, 1, 1, 1));
        assertThat(ExitPolicy.of(t.counts()).reason()).isEqualTo("1 of 3 host(s) NOT_READY");
    }

    @Test
    void only_ready_hosts_are_0() {
        Tally t = new Tally();
        t.add(Verdict.READY, false);
        t.add(Verdict.READY, false);
        assertThat(t.exitCode()).isZero();
        assertThat(t.describe()).isEqualTo("2 ready, 0 not ready, 0 unknown");
    }
}
