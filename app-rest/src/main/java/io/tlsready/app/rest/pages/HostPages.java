package io.tlsready.app.rest.pages;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tlsready.app.rest.RouteGroup;
import io.tlsready.domain.history.Drift;
import io.tlsready.domain.history.RuleChange;
import io.tlsready.domain.history.StoredReport;
import io.tlsready.domain.port.ReportHistory;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.rules.Status;
import io.tlsready.formats.HtmlParts;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /hosts/{host}} (the host's latest report) and {@code /reports/{id}} (any stored report): verdict, OS,
 * when, source and scan; the findings as the HTML report shows them ({@link HtmlParts#findings}, FAIL first, with
 * evidence, fix and sources); and the host's history, newest first, with what changed between consecutive reports.
 */
final class HostPages implements RouteGroup {

    /** Reports shown in a host's history. */
    static final int HISTORY = 50;

    private final ReportHistory history;
    private final PageRenderer pages;

    @Inject
    HostPages(ReportHistory history, PageRenderer pages) {
        this.history = history;
        this.pages = pages;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/hosts/{host}", this::latest);
        routes.get("/reports/{id}", this::report);
    }

    private void latest(Context ctx) {
        String host = ctx.pathParam("host");
        List<StoredReport> reports = history.history(host, HISTORY);
        if (reports.isEmpty()) {
            throw PageRefusal.notFound("No report of a host named " + Texts.visible(host) + " is stored.");
        }
        show(ctx, reports.get(0), reports);
    }

    private void report(Context ctx) {
        Optional<StoredReport> report = parseId(ctx.pathParam("id")).flatMap(history::report);
        if (report.isEmpty()) {
            throw PageRefusal.notFound("No such report.");
        }
        show(ctx, report.get(), history.history(report.get().host(), HISTORY));
    }

    private static Optional<Long> parseId(String text) {
        try {
            return Optional.of(Long.parseLong(text)).filter(id -> id > 0);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void show(Context ctx, StoredReport shown, List<StoredReport> reports) {
        HostReport r = shown.report();
        String host = Texts.visible(r.host());
        boolean latest = !reports.isEmpty() && reports.get(0).id() == shown.id();
        Views.HostPage page = new Views.HostPage(host, Texts.hostHref(r.host()), shown.id(), latest,
                r.verdict().name(), Texts.visible(os(r)), Texts.when(shown.auditedAt()), Texts.visible(r.source()),
                shown.scanId().orElse(null), r.error().map(Texts::visible).orElse(null),
                r.os().notes().stream().map(Texts::visible).toList(), HtmlParts.findings(r),
                items(reports, shown.id()));
        pages.send(ctx, "host.jte", Map.of("frame", pages.frame(ctx, host, "hosts"), "p", page));
    }

    private static String os(HostReport r) {
        return r.os().name() + r.os().architecture().map(a -> " · " + a).orElse("");
    }

    /** The history, each entry with its changes against the next older one (the oldest shown has none). */
    static List<Views.HistoryItem> items(List<StoredReport> newestFirst, long shownId) {
        List<Views.HistoryItem> items = new ArrayList<>();
        for (int i = 0; i < newestFirst.size(); i++) {
            StoredReport r = newestFirst.get(i);
            List<Views.Change> changes = i + 1 < newestFirst.size()
                    ? Drift.between(newestFirst.get(i + 1).report(), r.report()).stream().map(HostPages::change)
                            .toList()
                    : List.of();
            items.add(new Views.HistoryItem(r.id(), "/reports/" + r.id(), Texts.when(r.auditedAt()),
                    r.report().verdict().name(), r.scanId().orElse(null), changes, r.id() == shownId));
        }
        return items;
    }

    static Views.Change change(RuleChange c) {
        return new Views.Change(c.rule().name(), c.rule() + " " + status(c.before()) + " → " + status(c.after()));
    }

    private static String status(Optional<Status> s) {
        return s.map(Status::name).orElse("(none)");
    }
}
