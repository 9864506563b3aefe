package io.tlsready.app.rest.pages;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tlsready.app.rest.RouteGroup;
import io.tlsready.domain.history.FailureCause;
import io.tlsready.domain.history.HostQuery;
import io.tlsready.domain.history.HostSummary;
import io.tlsready.domain.history.Page;
import io.tlsready.domain.port.ReportHistory;
import io.tlsready.domain.report.Verdict;
import io.tlsready.domain.rules.RuleId;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /hosts}: the latest report of each host, 50 to a page, filtered by verdict, failing rule, failure
 * cause and name, sorted by a column; one store query per page, so it serves 10,000 hosts as it serves ten.
 */
final class HostsPage implements RouteGroup {

    private final ReportHistory history;
    private final PageRenderer pages;

    @Inject
    HostsPage(ReportHistory history, PageRenderer pages) {
        this.history = history;
        this.pages = pages;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/hosts", this::hosts);
    }

    private void hosts(Context ctx) {
        HostFilter f = HostFilter.of(ctx);
        Page<HostSummary> page = history.latest(query(f));
        long pagesTotal = Math.max(1, (page.total() + HostFilter.PAGE_SIZE - 1) / HostFilter.PAGE_SIZE);
        List<Views.HostRow> rows = new ArrayList<>();
        for (HostSummary h : page.items()) {
            rows.add(new Views.HostRow(Texts.visible(h.host()), Texts.hostHref(h.host()), h.verdict().name(),
                    Texts.when(h.auditedAt()), h.failing().stream().map(RuleId::name).toList(), cause(h)));
        }
        List<Views.SortLink> sorts = new ArrayList<>();
        for (String[] c : new String[][] {{"name", "Host"}, {"verdict", "Verdict"}, {"audited", "Audited"},
                {"failing", "Failing rules"}}) {
            String aria = c[0].equals(f.sort()) ? (f.descending() ? "descending" : "ascending") : null;
            sorts.add(new Views.SortLink(c[0], c[1], f.sortedBy(c[0]).href(), aria));
        }
        Map<String, Object> params = new HashMap<>();
        params.put("frame", pages.frame(ctx, "Hosts", "hosts"));
        params.put("rows", rows);
        params.put("total", page.total());
        params.put("page", f.page());
        params.put("pages", pagesTotal);
        params.put("prev", f.page() > 1 ? f.atPage(f.page() - 1).href() : null);
        params.put("next", f.page() < pagesTotal ? f.atPage(f.page() + 1).href() : null);
        params.put("sorts", sorts);
        params.put("verdicts", options(List.of(Verdict.values()).stream().map(Enum::name).toList(),
                f.verdict().map(Enum::name).orElse("")));
        params.put("rules", options(List.of(RuleId.values()).stream().map(Enum::name).toList(),
                f.failing().map(Enum::name).orElse("")));
        params.put("causes", causeOptions(f.cause().map(Enum::name).orElse("")));
        params.put("name", f.name().orElse(""));
        params.put("sort", f.sort());
        params.put("order", f.descending() ? "desc" : "asc");
        pages.send(ctx, "hosts.jte", params);
    }

    static HostQuery query(HostFilter f) {
        HostQuery q = HostQuery.all(f.offset(), HostFilter.PAGE_SIZE).sortedBy(f.hostSort(), f.descending());
        q = f.verdict().map(q::withVerdict).orElse(q);
        q = f.failing().map(q::withFailingRule).orElse(q);
        q = f.cause().map(q::withCause).orElse(q);
        return f.name().map(q::withNameContaining).orElse(q);
    }

    static String cause(HostSummary h) {
        return h.cause().map(FailureCause::label).orElse(null);
    }

    static List<Views.Option> causeOptions(String selected) {
        List<Views.Option> options = new ArrayList<>();
        options.add(new Views.Option("", "any", selected.isEmpty()));
        for (FailureCause c : FailureCause.values()) {
            options.add(new Views.Option(c.name(), c.label(), c.name().equals(selected)));
        }
        return options;
    }

    static List<Views.Option> options(List<String> values, String selected) {
        List<Views.Option> options = new ArrayList<>();
        options.add(new Views.Option("", "any", selected.isEmpty()));
        values.forEach(v -> options.add(new Views.Option(v, v, v.equals(selected))));
        return options;
    }
}
