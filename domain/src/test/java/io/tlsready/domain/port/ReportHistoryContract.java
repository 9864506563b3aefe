package io.tlsready.domain.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.history.CauseCount;
import io.tlsready.domain.history.DailyVerdicts;
import io.tlsready.domain.history.FailureCause;
import io.tlsready.domain.history.HostQuery;
import io.tlsready.domain.history.HostSort;
import io.tlsready.domain.history.HostSummary;
import io.tlsready.domain.history.Page;
import io.tlsready.domain.history.RuleCount;
import io.tlsready.domain.history.StoredReport;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.report.Verdict;
import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.RuleId;
import io.tlsready.domain.rules.Status;
import io.tlsready.domain.rules.book.RuleBook;
import io.tlsready.domain.testing.Hosts;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
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

        Page<HostSummary> notReady = history().latest(HostQuery.all(1, 2).withVerdict(Verdict.NOT_READY));
        assertThat(notReady.total()).isEqualTo(4);
        assertThat(notReady.items()).extracting(HostSummary::host).containsExactly("srv2", "srv4");
        assertThat(notReady.offset()).isEqualTo(1);
        assertThat(notReady.limit()).isEqualTo(2);

        Page<HostSummary> byRule = history().latest(HostQuery.all(0, 100).withFailingRule(failing));
        assertThat(byRule.items()).extracting(HostSummary::host).containsExactly("srv0", "srv2", "srv4", "srv6");
        assertThat(byRule.items()).allMatch(s -> s.failing().contains(failing));

        Page<HostSummary> byName = history().latest(HostQuery.all(5, 100).withNameContaining("SRV"));
        assertThat(byName.total()).isEqualTo(7);
        assertThat(byName.items()).extracting(HostSummary::host).containsExactly("srv5", "srv6");

        Page<HostSummary> wildcard = history().latest(HostQuery.all(0, 100).withNameContaining("_%"));
        assertThat(wildcard.items()).extracting(HostSummary::host).containsExactly("other_%");

        Page<HostSummary> none = history().latest(HostQuery.all(0, 100).withVerdict(Verdict.READY)
                .withFailingRule(failing));
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

        assertThat(history().latest(HostQuery.all(0, 10).withFailingRule(failing)).items()).extracting(HostSummary::host).containsExactly("srv2");
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
        assertThat(history().latest(HostQuery.all(0, 10).withNameContaining("\u0000'\"")).items()).hasSize(1);
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

    /** A NOT_READY report whose only FAIL is the first of {@link #notReady}'s. */
    protected static HostReport notReadyOnce(String host) {
        HostReport full = notReady(host);
        List<Finding> fewer = new ArrayList<>();
        boolean kept = false;
        for (Finding f : full.findings()) {
            if (f.status() != Status.FAIL || !kept) {
                fewer.add(f);
                kept |= f.status() == Status.FAIL;
            }
        }
        return new HostReport(full.host(), full.source(), full.os(), full.verdict(), fewer, full.provenance(),
                full.warnings(), full.error());
    }

    private List<String> hosts(HostQuery query) {
        return history().latest(query).items().stream().map(HostSummary::host).toList();
    }

    @Test
    void latest_sorts_by_each_key_both_ways_with_ties_in_name_order() {
        assertThat(HostSummary.of(new StoredReport(1, notReady("x"), T0, Optional.empty())).failing()).hasSizeGreaterThan(1);
        history().save(ready("alpha"), T0.plusSeconds(3));
        history().save(notReady("Bravo"), T0.plusSeconds(1));
        history().save(AuditService.failed("charlie", "WinRM charlie:5986", "charlie:5986: connection refused"),
                T0.plusSeconds(2));
        history().save(ready("delta"), T0.plusSeconds(1));
        history().save(notReadyOnce("echo"), T0);
        HostQuery all = HostQuery.all(0, 10);

        assertThat(hosts(all)).containsExactly("alpha", "Bravo", "charlie", "delta", "echo");
        assertThat(hosts(all.sortedBy(HostSort.NAME, true))).containsExactly("echo", "delta", "charlie", "Bravo",
                "alpha");
        assertThat(hosts(all.sortedBy(HostSort.VERDICT, false))).containsExactly("alpha", "delta", "Bravo", "echo",
                "charlie");
        assertThat(hosts(all.sortedBy(HostSort.VERDICT, true))).containsExactly("charlie", "Bravo", "echo", "alpha",
                "delta");
        assertThat(hosts(all.sortedBy(HostSort.AUDITED, false))).containsExactly("echo", "Bravo", "delta", "charlie",
                "alpha");
        assertThat(hosts(all.sortedBy(HostSort.AUDITED, true))).containsExactly("alpha", "charlie", "Bravo", "delta",
                "echo");
        assertThat(hosts(all.sortedBy(HostSort.FAILING, false))).containsExactly("alpha", "charlie", "delta", "echo",
                "Bravo");
        assertThat(hosts(all.sortedBy(HostSort.FAILING, true))).containsExactly("Bravo", "echo", "alpha", "charlie",
                "delta");
        assertThat(hosts(all.sortedBy(HostSort.FAILING, true).page(1, 2))).containsExactly("echo", "alpha");
    }

    @Test
    void latest_gives_each_unreachable_host_its_failure_cause_and_filters_by_it() {
        history().save(AuditService.failed("web1", "WinRM web1:5986", "web1:5986: connection refused (WinRM not"
                + " listening on this port, service stopped, or a firewall rejects it)"), T0);
        history().save(AuditService.failed("web2", "WinRM web2:5986", "web2:5986: unknown host (DNS name not found)"),
                T0);
        history().save(AuditService.failed("web3", "WinRM web3:5986", "no answer within 60 s"), T0);
        history().save(AuditService.failed("web4", "WinRM web4:5986", "web4:5986: connection refused"), T0);
        history().save(ready("web4"), T0.plusSeconds(1)); // reachable since
        history().save(AuditService.failed("refused-db", "WinRM refused-db:5986", "no answer within 60 s"), T0);
        history().save(AuditService.failed("web5", "WinRM web5:5986", "web5:5986: connection refused"), T0);

        Page<HostSummary> refused = history().latest(HostQuery.all(0, 10).withCause(FailureCause.REFUSED));
        assertThat(refused.items()).extracting(HostSummary::host).containsExactly("web1", "web5");
        assertThat(refused.total()).isEqualTo(2);
        assertThat(refused.items()).allSatisfy(s -> assertThat(s.cause()).contains(FailureCause.REFUSED));
        assertThat(hosts(HostQuery.all(0, 10).withCause(FailureCause.TIMEOUT))).containsExactly("refused-db", "web3");
        assertThat(hosts(HostQuery.all(0, 10).withCause(FailureCause.DNS))).containsExactly("web2");
        assertThat(hosts(HostQuery.all(0, 10).withCause(FailureCause.AUTH))).isEmpty();
        HostSummary audited = history().latest(HostQuery.all(0, 10).withNameContaining("web4")).items().get(0);
        assertThat(audited.cause()).isEmpty();
        assertThat(audited.error()).isEmpty();
    }

    @Test
    void filters_combine_with_sort_and_the_total_counts_every_page() {
        RuleId rule = HostSummary.of(new StoredReport(1, notReady("x"), T0, Optional.empty())).failing().get(0);
        for (int i = 0; i < 12; i++) {
            String name = String.format(java.util.Locale.ROOT, "h%02d", i);
            history().save(i % 3 == 0 ? notReady(name) : i % 3 == 1 ? ready(name)
                    : AuditService.failed(name, "WinRM " + name, name + ":5986: connection refused"),
                    T0.plusSeconds(i));
        }

        Page<HostSummary> page = history().latest(HostQuery.all(1, 1).withVerdict(Verdict.UNKNOWN)
                .withCause(FailureCause.REFUSED).withNameContaining("H0").sortedBy(HostSort.NAME, true));
        assertThat(page.items()).extracting(HostSummary::host).containsExactly("h05");
        assertThat(page.total()).isEqualTo(3);

        Page<HostSummary> byRule = history().latest(HostQuery.all(2, 5).withFailingRule(rule)
                .sortedBy(HostSort.AUDITED, true));
        assertThat(byRule.items()).extracting(HostSummary::host).containsExactly("h03", "h00");
        assertThat(byRule.total()).isEqualTo(4);

        Page<HostSummary> none = history().latest(HostQuery.all(0, 5).withCause(FailureCause.DNS));
        assertThat(none.items()).isEmpty();
        assertThat(none.total()).isZero();
        assertThat(history().latest(HostQuery.all(0, 1).withVerdict(Verdict.READY)).total()).isEqualTo(4);
    }

    @Test
    void failure_causes_count_hosts_by_their_latest_report_most_hosts_first() {
        assertThat(history().failureCauses()).isEmpty();
        history().save(AuditService.failed("a", "WinRM a", "a:5986: connection refused"), T0);
        history().save(AuditService.failed("b", "WinRM b", "b:5986: connection refused"), T0);
        history().save(AuditService.failed("c", "WinRM c", "c:5986: HTTP 401 Unauthorized with Basic: the user name"
                + " or password is wrong"), T0);
        history().save(AuditService.failed("d", "WinRM d", "no answer within 60 s"), T0);
        history().save(AuditService.failed("e", "WinRM e", "e:5986: unknown host (DNS name not found)"), T0);
        history().save(AuditService.failed("F", "WinRM F", "F:5986: connection refused"), T0);
        history().save(ready("f"), T0.plusSeconds(1));
        history().save(notReady("g"), T0);

        assertThat(history().failureCauses()).containsExactly(new CauseCount(FailureCause.REFUSED, 2),
                new CauseCount(FailureCause.DNS, 1), new CauseCount(FailureCause.TIMEOUT, 1),
                new CauseCount(FailureCause.AUTH, 1));
    }

    @Test
    void readiness_counts_each_host_by_its_last_report_made_by_each_days_end() {
        LocalDate d1 = LocalDate.of(2026, 3, 1);
        Instant day1 = d1.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant day2 = day1.plus(Duration.ofDays(1));
        Instant day3 = day2.plus(Duration.ofDays(1));
        history().save(notReady("srv1"), day1.plus(Duration.ofHours(8)));
        history().save(ready("SRV1"), day1.plus(Duration.ofHours(20))); // the later one that day counts
        history().save(AuditService.failed("srv2", "WinRM srv2", "srv2:5986: connection refused"),
                day2.plus(Duration.ofHours(12))); // first seen on day 2
        history().save(ready("srv2"), day3); // midnight: day 3's, not day 2's
        history().save(notReady("srv1"), day3.plus(Duration.ofHours(9)));
        history().save(ready("srv3"), day2.minusNanos(1)); // saved last, made on day 1's last nanosecond

        List<DailyVerdicts> days = history().readiness(d1.minusDays(1), d1.plusDays(3));

        assertThat(days).containsExactly(new DailyVerdicts(d1.minusDays(1), 0, 0, 0),
                new DailyVerdicts(d1, 2, 0, 0),
                new DailyVerdicts(d1.plusDays(1), 2, 0, 1),
                new DailyVerdicts(d1.plusDays(2), 2, 1, 0),
                new DailyVerdicts(d1.plusDays(3), 2, 1, 0));
        assertThat(history().readiness(d1, d1)).containsExactly(new DailyVerdicts(d1, 2, 0, 0));
    }

    @Test
    void readiness_takes_at_most_366_days_in_order() {
        LocalDate d = LocalDate.of(2026, 1, 1);
        assertThat(history().readiness(d, d.plusDays(365))).hasSize(366);
        assertThatThrownBy(() -> history().readiness(d, d.plusDays(366)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("366");
        assertThatThrownBy(() -> history().readiness(d, d.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after");
    }

    protected static List<HostReport> variety() {
        return List.of(notReady("a"), ready("b"), AuditService.failed("c", "winrm", "refused"));
    }
}
