package io.tlsready.app.rest.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tlsready.app.rest.JsonBody;
import io.tlsready.app.rest.RouteGroup;
import io.tlsready.domain.history.CauseCount;
import io.tlsready.domain.history.DailyVerdicts;
import io.tlsready.domain.history.HostQuery;
import io.tlsready.domain.history.RuleCount;
import io.tlsready.domain.port.ReportHistory;
import io.tlsready.domain.report.Verdict;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/fleet?days=30}: the fleet at a glance, by each host's latest report: how many hosts, how many
 * of each verdict, the failing rules with their host counts (what to fix first), why hosts could not be audited,
 * and the verdict counts at the end of each of the last {@code days} UTC days (today's included).
 */
final class FleetRoutes implements RouteGroup {

    static final String PATH = "/api/v1/fleet";
    static final int DEFAULT_DAYS = 30;

    private final ReportHistory history;
    private final ObjectMapper json;
    private final Clock clock;

    @Inject
    FleetRoutes(ReportHistory history, ObjectMapper json, Clock clock) {
        this.history = history;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(PATH, this::fleet);
    }

    private void fleet(Context ctx) {
        int days = QueryParams.number(ctx, "days", DEFAULT_DAYS, 1, ReportHistory.MAX_DAYS);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Map<String, Long> verdicts = new LinkedHashMap<>();
        long hosts = 0;
        for (Verdict v : Verdict.values()) {
            long n = history.latest(HostQuery.all(0, 1).withVerdict(v)).total();
            verdicts.put(v.name(), n);
            hosts += n;
        }
        List<Map<String, Object>> readiness = history.readiness(today.minusDays(days - 1L), today).stream()
                .map(FleetRoutes::day).toList();
        JsonBody.write(ctx, json, JsonBody.JSON, new Fleet(hosts, verdicts,
                history.failingRules().stream().map(RuleView::of).toList(),
                history.failureCauses().stream().map(CauseView::of).toList(), readiness));
    }

    private static Map<String, Object> day(DailyVerdicts d) {
        Map<String, Object> day = new LinkedHashMap<>();
        day.put("day", d.day().toString());
        for (Verdict v : Verdict.values()) {
            day.put(v.name(), d.count(v));
        }
        return day;
    }

    record Fleet(long hosts, Map<String, Long> verdicts, List<RuleView> failingRules, List<CauseView> causes,
            List<Map<String, Object>> readiness) {
    }

    record RuleView(String rule, long hosts) {
        static RuleView of(RuleCount c) {
            return new RuleView(c.rule().name(), c.hosts());
        }
    }

    record CauseView(String cause, String label, long hosts) {
        static CauseView of(CauseCount c) {
            return new CauseView(c.cause().name(), c.cause().label(), c.hosts());
        }
    }
}
