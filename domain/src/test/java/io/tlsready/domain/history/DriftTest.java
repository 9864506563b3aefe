package io.tlsready.domain.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.RuleId;
import io.tlsready.domain.rules.Status;
import io.tlsready.domain.rules.book.RuleBook;
import io.tlsready.domain.testing.Hosts;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DriftTest {

    private static final AuditService AUDIT = new AuditService(RuleBook.standard());
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    private static HostReport notReady() {
        return AUDIT.evaluate(Hosts.windows("2008R2").named("srv1").x64().coverAll().updates().build());
    }

    private static HostReport ready() {
        return AUDIT.evaluate(Hosts.ready("2008R2").named("srv1").build());
    }

    @Test
    void the_same_report_twice_has_no_drift() {
        assertThat(Drift.between(notReady(), notReady())).isEmpty();
    }

    @Test
    void fixing_a_host_lists_each_rule_that_changed_with_both_statuses_in_rule_book_order() {
        HostReport before = notReady();
        HostReport after = ready();

        List<RuleChange> changes = Drift.between(before, after);

        assertThat(changes).isNotEmpty();
        assertThat(changes).extracting(RuleChange::rule).isSorted();
        for (RuleChange c : changes) {
            assertThat(c.before()).isEqualTo(status(before, c.rule()));
            assertThat(c.after()).isEqualTo(status(after, c.rule()));
            assertThat(c.before()).isNotEqualTo(c.after());
        }
        assertThat(changes).anyMatch(c -> c.before().equals(Optional.of(Status.FAIL))
                && c.after().equals(Optional.of(Status.PASS)));
    }

    @Test
    void a_host_that_became_unreachable_loses_every_rule() {
        HostReport before = ready();
        List<RuleChange> changes = Drift.between(before, AuditService.failed("srv1", "winrm", "refused"));

        assertThat(changes).hasSize(before.findings().size());
        assertThat(changes).allMatch(c -> c.before().isPresent() && c.after().isEmpty());
    }

    @Test
    void a_rule_change_must_be_a_change() {
        assertThatThrownBy(() -> new RuleChange(RuleId.values()[0], Optional.of(Status.PASS), Optional.of(Status.PASS)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void history_entries_carry_the_drift_against_the_next_older_report() {
        StoredReport first = new StoredReport(1, notReady(), T0, Optional.empty());
        StoredReport second = new StoredReport(2, ready(), T0.plusSeconds(60), Optional.of("scan-1"));
        StoredReport third = new StoredReport(3, ready(), T0.plusSeconds(120), Optional.empty());

        List<HistoryEntry> entries = HistoryEntry.of(List.of(third, second, first));

        assertThat(entries).extracting(HistoryEntry::report).containsExactly(third, second, first);
        assertThat(entries.get(0).changesSincePrevious()).isEmpty();
        assertThat(entries.get(1).changesSincePrevious()).isEqualTo(Drift.between(first.report(), second.report()))
                .isNotEmpty();
        assertThat(entries.get(2).changesSincePrevious()).isEmpty();
        assertThat(HistoryEntry.of(List.of())).isEmpty();
    }

    private static Optional<Status> status(HostReport r, RuleId rule) {
        return r.findings().stream().filter(f -> f.rule() == rule).map(Finding::status).findFirst();
    }
}
