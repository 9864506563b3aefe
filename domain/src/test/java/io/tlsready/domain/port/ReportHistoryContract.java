package io.tlsready.domain.port;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.history.HostQuery;
import io.tlsready.domain.history.HostSummary;
import io.tlsready.domain.history.Page;
import io.tlsready.domain.history.RuleCount;
import io.tlsready.domain.history.StoredReport;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.report.Verdict;
import io.tlsready.domain.rules.RuleId;
import io.tlsready.domain.rules.book.RuleBook;
import io.tlsready.domain.testing.Hosts;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ReportHistory} must do. Subclasses give a fresh, empty store per test and can reopen it over the
 * same data (a restart).
 */
public abstract class ReportHistoryContract {

    protected static final AuditService AUDIT = new AuditService(RuleBook.standard());
    protected static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456789Z");

    /** The store under test (the same one for the whole test). */
    protected abstract ReportHistory history();

    /** Closes the store and opens it again over the same data; in memory, the same store. */
    protected abstract ReportHistory reopened();

    protected static HostReport ready(String host) {
        return AUDIT.evaluate(Hosts.ready("2019").named(host).build());
    }

    protected static HostReport notReady(String host) {
        return AUDIT.evaluate(Hosts.windows("2008R2").named(host).x64().coverAll().updates().build());
    }

    @Test
    void a_saved_report_reads_back_equal_with_an_increasing_id() {
        StoredReport first = history().save(notReady("srv1"), T0);
        StoredReport second = history().save(ready("srv2"), T0.plusSeconds(1));

        assertThat(second.id()).isGreaterThan(first.id());
        assertThat(first.scanId()).isEmpty();
        assertThat(history().report(first.id())).contains(first);
        assertThat(history().report(second.id()).orElseThrow().report()).isEqualTo(ready("srv2"));
        assertThat(history().report(second.id() + 1000)).isEmpty();
    }

    @Test
    void history_is_newest_first_limited_and_groups_host_names_case_insensitively() {
        StoredReport a = history().save(notReady("SRV1"), T0);
        StoredReport b = history().save(ready("srv1"), T0.plusSeconds(60));
        StoredReport c = history().save(notReady("Srv1"), T0.plusSeconds(120));
        history().save(ready("srv2"), T0);

        assertThat(history().history("srv1", 50)).containsExactly(c, b, a);
        assertThat(history().history("SRV1", 2)).containsExactly(c, b);
        assertThat(history().history("nowhere", 50)).isEmpty();
    }

    @Test
    void latest_lists_each_host_once_by_its_newest_report_in_name_order() {
        history().save(notReady("web2"), T0);
        history().save(ready("WEB2"), T0.plusSeconds(10));
        StoredReport db = history().save(notReady("db1"), T0);
        history().save(AuditService.failed("app9", "WinRM app9:5986", "connection refused"), T0);

        Page<HostSummary> page = history().latest(HostQuery.all(0, 100));

        assertThat(page.total()).isEqualTo(3);
        assertThat(page.items()).extracting(HostSummary::host).containsExactly("app9", "db1", "WEB2");
        assertThat(page.items().get(2).verdict()).isEqualTo(Verdict.READY);
        assertThat(page.items().get(1)).isEqualTo(HostSummary.of(db));
        assertThat(page.items().get(0).error()).contains("connection refused");
        assertThat(page.items().get(0).verdict()).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void latest_filters_by_verdict_failing_rule_and_name_and_pages() {
        for (int i = 0; i < 7; i++) {
            history().save(i % 2 == 0 ? notReady("srv" + i) : ready("srv" + i), T0.plusSeconds(i));
        }
        history().save(ready("other_%"), T0);
        RuleId failing = HostSummary.of(history().history("srv0", 1).get(0)).failing().get(0);

        Page<HostSummary> notReady = history().latest(new HostQuery(Optional.of(Verdict.NOT_READY), Optional.empty(),
                Optional.empty(), 1, 2));
        assertThat(notReady.total()).isEqualTo(4);
        assertThat(notReady.items()).extracting(HostSummary::host).containsExactly("srv2", "srv4");
        assertThat(notReady.offset()).isEqualTo(1);
        assertThat(notReady.limit()).isEqualTo(2);

        Page<HostSummary> byRule = history().latest(new HostQuery(Optional.empty(), Optional.of(failing),
                Optional.empty(), 0, 100));
        assertThat(byRule.items()).extracting(HostSummary::host).containsExactly("srv0", "srv2", "srv4", "srv6");
        assertThat(byRule.items()).allMatch(s -> s.failing().contains(failing));

        Page<HostSummary> byName = history().latest(new HostQuery(Optional.empty(), Optional.empty(),
                Optional.of("SRV"), 5, 100));
        assertThat(byName.total()).isEqualTo(7);
        assertThat(byName.items()).extracting(HostSummary::host).containsExactly("srv5", "srv6");

        Page<HostSummary> wildcard = history().latest(new HostQuery(Optional.empty(), Optional.empty(),
                Optional.of("_%"), 0, 100));
        assertThat(wildcard.items()).extracting(HostSummary::host).containsExactly("other_%");

        Page<HostSummary> none = history().latest(new HostQuery(Optional.of(Verdict.READY), Optional.of(failing),
                Optional.empty(), 0, 100));
        assertThat(none.items()).isEmpty();
        assertThat(none.total()).isZero();
    }

    @Test
    void failing_rules_count_hosts_by_their_latest_report_most_hosts_first() {
        assertThat(history().failingRules()).isEmpty();
        history().save(notReady("srv1"), T0);
        history().save(notReady("srv2"), T0);
        history().save(notReady("SRV3"), T0);
        history().save(ready("srv3"), T0.plusSeconds(1)); // fixed since: its older failures no longer count
        List<RuleId> failingOnOne = notReady("x").findings().stream()
                .filter(f -> f.status() == io.tlsready.domain.rules.Status.FAIL).map(f -> f.rule()).toList();
        assertThat(failingOnOne).isNotEmpty();

        List<RuleCount> counts = history().failingRules();

        assertThat(counts).extracting(RuleCount::rule).containsExactlyElementsOf(failingOnOne.stream().sorted().toList());
        assertThat(counts).allSatisfy(c -> assertThat(c.hosts()).isEqualTo(2));
        history().save(ready("srv2"), T0.plusSeconds(2));
        assertThat(history().failingRules()).allSatisfy(c -> assertThat(c.hosts()).isEqualTo(1));
        history().save(ready("srv1"), T0.plusSeconds(3));
        assertThat(history().failingRules()).isEmpty();
    }

    @Test
    void a_newer_report_replaces_the_failing_rules_of_a_host() {
        history().save(notReady("srv1"), T0);
        history().save(ready("srv1"), T0.plusSeconds(1));
        RuleId failing = HostSummary.of(history().save(notReady("srv2"), T0)).failing().get(0);

        assertThat(history().latest(new HostQuery(Optional.empty(), Optional.of(failing), Optional.empty(), 0, 10))
                .items()).extracting(HostSummary::host).containsExactly("srv2");
    }

    @Test
    void hostile_host_names_and_texts_are_kept_as_data() {
        String hostile = "srv\u0000'\"; DROP TABLE reports;--\\0\\\\%_\u202e\ud800\ud83d\ude00";
        StoredReport stored = history().save(AuditService.failed(hostile, hostile, hostile), T0);

        assertThat(history().report(stored.id())).contains(stored);
        assertThat(history().history(hostile.toUpperCase(java.util.Locale.ROOT), 5)).containsExactly(stored);
        HostSummary summary = history().latest(HostQuery.all(0, 10)).items().get(0);
        assertThat(summary.host()).isEqualTo(hostile);
        assertThat(summary.error()).contains(hostile);
        assertThat(history().latest(new HostQuery(Optional.empty(), Optional.empty(), Optional.of("\u0000'\""), 0,
                10)).items()).hasSize(1);
    }

    @Test
    void reports_survive_closing_and_reopening_the_store() {
        StoredReport a = history().save(notReady("srv1"), T0);
        StoredReport b = history().save(ready("srv1"), T0.plusSeconds(1));

        ReportHistory again = reopened();

        assertThat(again.history("srv1", 10)).containsExactly(b, a);
        assertThat(again.latest(HostQuery.all(0, 10)).items()).containsExactly(HostSummary.of(b));
        assertThat(again.save(ready("srv2"), T0).id()).isGreaterThan(b.id());
    }

    protected static List<HostReport> variety() {
        return List.of(notReady("a"), ready("b"), AuditService.failed("c", "winrm", "refused"));
    }
}
