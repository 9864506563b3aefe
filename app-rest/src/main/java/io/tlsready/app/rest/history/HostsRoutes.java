package io.tlsready.app.rest.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.tlsready.app.rest.JsonBody;
import io.tlsready.app.rest.ProblemException;
import io.tlsready.app.rest.RouteGroup;
import io.tlsready.app.rest.guard.ServiceMetrics;
import io.tlsready.domain.history.FailureCause;
import io.tlsready.domain.history.HistoryEntry;
import io.tlsready.domain.history.HostQuery;
import io.tlsready.domain.history.HostSort;
import io.tlsready.domain.history.HostSummary;
import io.tlsready.domain.history.Page;
import io.tlsready.domain.history.RuleChange;
import io.tlsready.domain.history.StoredReport;
import io.tlsready.domain.port.ReportHistory;
import io.tlsready.domain.report.ReportDocument;
import io.tlsready.domain.report.Verdict;
import io.tlsready.domain.rules.RuleId;
import io.tlsready.domain.rules.Status;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/hosts}: the latest report of every host, filtered by verdict, failing rule, failure cause and a
 * piece of the name, sorted by name, verdict, audit time or number of failing rules (either way; ties by name), a
 * page at a time. {@code GET /api/v1/hosts/{host}/history}: one host's reports, newest
 * first, each with the rules whose status changed since the report before it. The host in the path is data: any
 * name a report gave (quotes, markup, slashes sent as %2F, any script), matched without regard to case.
 */
final class HostsRoutes implements RouteGroup {

    static final String HOSTS = "/api/v1/hosts";
    static final String HISTORY = "/api/v1/hosts/{host}/history";
    static final int DEFAULT_LIMIT = 100;
    static final int DEFAULT_HISTORY_LIMIT = 50;

    private final ReportHistory history;
    private final ObjectMapper json;

    @Inject
    HostsRoutes(ReportHistory history, ObjectMapper json, ServiceMetrics metrics) {
        this.history = history;
        this.json = json;
        // one indexed count per verdict at each scrape, from the same latest-per-host view the list shows
        metrics.hostsByVerdict(v -> history.latest(HostQuery.all(0, 1).withVerdict(v)).total());
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(HOSTS, this::hosts);
        routes.get(HISTORY, this::history);
    }

    private void hosts(Context ctx) {
        HostQuery query = new HostQuery(QueryParams.constant(ctx, "verdict", Verdict.class),
                QueryParams.constant(ctx, "failing", RuleId.class), QueryParams.constant(ctx, "cause",
                        FailureCause.class), QueryParams.text(ctx, "name"),
                QueryParams.word(ctx, "sort", HostSort.class).orElse(HostSort.NAME),
                QueryParams.word(ctx, "order", Order.class).orElse(Order.ASC) == Order.DESC,
                QueryParams.number(ctx, "offset", 0, 0, Integer.MAX_VALUE),
                QueryParams.number(ctx, "limit", DEFAULT_LIMIT, 1, HostQuery.MAX_LIMIT));
        Page<HostSummary> page = history.latest(query);
        JsonBody.write(ctx, json, JsonBody.JSON, new HostsPage(page.items().stream().map(HostView::of).toList(),
                page.total(), page.offset(), page.limit()));
    }

    private void history(Context ctx) {
        String host = ctx.pathParam("host");
        int limit = QueryParams.number(ctx, "limit", DEFAULT_HISTORY_LIMIT, 1, HostQuery.MAX_LIMIT);
        // one more than shown: the oldest shown report's changes are against the report before it
        List<StoredReport> reports = history.history(host, limit + 1);
        if (reports.isEmpty()) {
            throw ProblemException.of(HttpStatus.NOT_FOUND, "no report of this host has been stored");
        }
        List<HistoryEntry> entries = HistoryEntry.of(reports);
        List<EntryView> shown = new ArrayList<>();
        for (HistoryEntry e : entries.subList(0, Math.min(limit, entries.size()))) {
            shown.add(EntryView.of(e));
        }
        JsonBody.write(ctx, json, JsonBody.JSON, new HostHistory(reports.get(0).host(), shown));
    }

    /** The {@code order} parameter's values. */
    enum Order { ASC, DESC }

    record HostsPage(List<HostView> items, long total, int offset, int limit) {
    }

    record HostView(String host, String verdict, String auditedAt, List<String> failing, long reportId,
            String scanId, String error, String cause) {

        static HostView of(HostSummary s) {
            return new HostView(s.host(), s.verdict().name(), s.auditedAt().toString(),
                    s.failing().stream().map(RuleId::name).toList(), s.reportId(), s.scanId().orElse(null),
                    s.error().orElse(null), s.cause().map(FailureCause::name).orElse(null));
        }
    }

    record HostHistory(String host, List<EntryView> entries) {
    }

    record EntryView(long reportId, String auditedAt, String scanId, String verdict, List<ChangeView> changes,
            Map<String, Object> report) {

        static EntryView of(HistoryEntry e) {
            StoredReport r = e.report();
            return new EntryView(r.id(), r.auditedAt().toString(), r.scanId().orElse(null),
                    r.report().verdict().name(), e.changesSincePrevious().stream().map(ChangeView::of).toList(),
                    ReportDocument.host(r.report()));
        }
    }

    record ChangeView(String rule, String before, String after) {

        static ChangeView of(RuleChange c) {
            return new ChangeView(c.rule().name(), c.before().map(Status::name).orElse(null),
                    c.after().map(Status::name).orElse(null));
        }
    }
}
