package io.tlsready.app.rest.pages;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tlsready.app.rest.RouteGroup;
import io.tlsready.domain.history.DailyVerdicts;
import io.tlsready.domain.history.HostQuery;
import io.tlsready.domain.history.RuleCount;
import io.tlsready.domain.port.ReportHistory;
import io.tlsready.domain.port.ScanQueue;
import io.tlsready.domain.report.Verdict;
import io.tlsready.domain.rules.Rule;
import io.tlsready.domain.rules.RuleId;
import io.tlsready.domain.rules.book.RuleBook;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /}: the fleet at a glance. Counts by verdict (a bar with the numbers on it and a legend), readiness
 * over the last 30 days, "what to fix first" (the rules failing on most hosts, each a link to those hosts),
 * unreachable hosts by cause, and the latest scans. A handful of queries, none loading all hosts.
 */
final class OverviewPage implements RouteGroup {

    static final int FIX_FIRST = 10;
    static final int SCANS = 5;
    /** Days of the readiness chart, today included. */
    static final int DAYS = 30;
    static final double BAR_WIDTH = 600;

    private final ReportHistory history;
    private final ScanQueue queue;
    private final Map<RuleId, String> titles = new EnumMap<>(RuleId.class);
    private final PageRenderer pages;
    private final Clock clock;

    @Inject
    OverviewPage(ReportHistory history, ScanQueue queue, RuleBook rules, PageRenderer pages, Clock clock) {
        this.history = history;
        this.clock = clock;
        this.queue = queue;
        this.pages = pages;
        for (Rule r : rules.rules()) {
            titles.put(r.id(), r.title());
        }
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/", this::overview);
    }

    private void overview(Context ctx) {
        Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, history.latest(HostQuery.all(0, 1).withVerdict(v)).total());
        }
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        List<Views.RuleRow> fixFirst = new ArrayList<>();
        for (RuleCount c : history.failingRules().stream().limit(FIX_FIRST).toList()) {
            fixFirst.add(new Views.RuleRow(c.rule().name(), titles.getOrDefault(c.rule(), ""), c.hosts(),
                    "/hosts?failing=" + c.rule().name()));
        }
        Map<String, Object> params = new HashMap<>();
        params.put("frame", pages.frame(ctx, "Overview", "overview"));
        params.put("total", total);
        params.put("verdicts", verdictBars(counts, total));
        params.put("fixFirst", fixFirst);
        params.put("causes", history.failureCauses().stream().map(c -> new Views.CauseRow(c.cause().name(),
                c.cause().label(), c.hosts(), "/hosts?cause=" + c.cause().name())).toList());
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        List<Charts.Day> days = new ArrayList<>();
        for (DailyVerdicts d : history.readiness(today.minusDays(DAYS - 1), today)) {
            Map<Verdict, Long> byVerdict = new EnumMap<>(Verdict.class);
            for (Verdict v : Verdict.values()) {
                byVerdict.put(v, (long) d.count(v));
            }
            days.add(new Charts.Day(d.day(), byVerdict));
        }
        params.put("chart", total == 0 ? Charts.empty() : Charts.readiness(days));
        params.put("scans", queue.scans(0, SCANS).stream().map(ScanPages::row).toList());
        pages.send(ctx, "overview.jte", params);
    }

    /** The verdict bar's segments, left to right READY, NOT_READY, UNKNOWN, with their numbers. */
    static List<Views.Bar> verdictBars(Map<Verdict, Long> counts, long total) {
        List<Views.Bar> bars = new ArrayList<>();
        double x = 0;
        for (Verdict v : List.of(Verdict.READY, Verdict.NOT_READY, Verdict.UNKNOWN)) {
            long n = counts.getOrDefault(v, 0L);
            double w = total == 0 ? 0 : BAR_WIDTH * n / total;
            bars.add(new Views.Bar(v.name(), round(x), 0, round(w), 32, n,
                    total == 0 ? "0%" : Math.round(100.0 * n / total) + "%"));
            x += w;
        }
        return bars;
    }

    static double round(double d) {
        return Math.round(d * 10) / 10.0;
    }
}
