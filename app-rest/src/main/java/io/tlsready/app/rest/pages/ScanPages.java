package io.tlsready.app.rest.pages;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.tlsready.app.rest.ProblemException;
import io.tlsready.app.rest.RouteGroup;
import io.tlsready.app.rest.scans.ScanControl;
import io.tlsready.domain.history.StoredReport;
import io.tlsready.domain.port.ScanQueue;
import io.tlsready.domain.report.Verdict;
import io.tlsready.domain.scan.Scan;
import io.tlsready.domain.scan.ScanState;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /scans} (the latest scans, and for operators the form that starts one: hosts or inventory text and a
 * credential profile by name), {@code /scans/{id}} (live progress: pages.js polls {@code /scans/{id}/progress}
 * every second; without JavaScript the page reloads itself), and {@code POST /scans/{id}/cancel}. Starting and
 * cancelling go through {@link ScanControl}, as the API's do.
 */
final class ScanPages implements RouteGroup {

    static final String PATH = "/scans";
    static final int LISTED = 50;
    /** The most finished hosts a scan page links to. */
    static final int MAX_HOSTS = 1000;

    private final ScanQueue queue;
    private final ScanControl control;
    private final ObjectMapper json;
    private final PageRenderer pages;

    @Inject
    ScanPages(ScanQueue queue, ScanControl control, ObjectMapper json, PageRenderer pages) {
        this.queue = queue;
        this.control = control;
        this.json = json;
        this.pages = pages;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(PATH, ctx -> list(ctx, HttpStatus.OK, null, "", ""));
        routes.post(PATH, this::start);
        routes.get(PATH + "/{id}", this::scan);
        routes.get(PATH + "/{id}/progress", this::progress);
        routes.post(PATH + "/{id}/cancel", this::cancel);
    }

    static Views.ScanRow row(Scan s) {
        return new Views.ScanRow(s.id(), PATH + "/" + Texts.encode(s.id()), state(s), Texts.when(s.createdAt()),
                Texts.visible(s.profile()), Texts.visible(s.requestedBy()), s.done(), s.total(),
                s.count(Verdict.READY), s.count(Verdict.NOT_READY), s.count(Verdict.UNKNOWN));
    }

    static String state(Scan s) {
        return s.state().name().toLowerCase(Locale.ROOT);
    }

    private void list(Context ctx, HttpStatus status, String error, String hosts, String profile) {
        Map<String, Object> params = new HashMap<>();
        params.put("frame", pages.frame(ctx, "Scans", "scans"));
        params.put("scans", queue.scans(0, LISTED).stream().map(ScanPages::row).toList());
        params.put("profiles", control.profileNames().stream()
                .map(n -> new Views.Option(n, Texts.visible(n), n.equals(profile))).toList());
        params.put("hosts", hosts);
        params.put("error", error);
        pages.send(ctx, status, "scans.jte", params);
    }

    private void start(Context ctx) {
        String hosts = ctx.formParam("hosts");
        String profile = ctx.formParam("profile");
        Scan scan;
        try {
            scan = control.start(hosts, profile, PageGate.session(ctx).name());
        } catch (ProblemException e) {
            list(ctx, HttpStatus.UNPROCESSABLE_CONTENT, Texts.visible(e.getMessage()), hosts == null ? "" : hosts,
                    profile == null ? "" : profile);
            return;
        }
        ctx.redirect(PATH + "/" + Texts.encode(scan.id()), HttpStatus.SEE_OTHER);
    }

    private Scan find(Context ctx) {
        String id = ctx.pathParam("id");
        return queue.scan(id).orElseThrow(() -> PageRefusal.notFound("No such scan."));
    }

    private void scan(Context ctx) {
        Scan s = find(ctx);
        boolean running = s.state() == ScanState.RUNNING;
        List<StoredReport> reports = queue.reports(s.id());
        List<Views.HostRow> hosts = reports.stream().limit(MAX_HOSTS).map(r -> new Views.HostRow(
                Texts.visible(r.host()), Texts.hostHref(r.host()), r.report().verdict().name(),
                Texts.when(r.auditedAt()), List.of(), r.report().error().map(Texts::visible).orElse(null)))
                .toList();
        Frame f = pages.frame(ctx, "Scan " + s.id(), "scans");
        Frame frame = new Frame(f.title(), f.nav(), f.user(), f.operator(), f.csrf(), f.assets(), running ? 3 : 0);
        Map<String, Object> params = new HashMap<>();
        params.put("frame", frame);
        params.put("scan", row(s));
        params.put("hosts", hosts);
        params.put("more", Math.max(0, reports.size() - MAX_HOSTS));
        params.put("running", running);
        pages.send(ctx, "scan.jte", params);
    }

    private void progress(Context ctx) throws Exception {
        Scan s = find(ctx);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("state", state(s));
        body.put("done", s.done());
        body.put("total", s.total());
        Map<String, Integer> verdicts = new LinkedHashMap<>();
        for (Verdict v : Verdict.values()) {
            verdicts.put(v.name(), s.count(v));
        }
        body.put("verdicts", verdicts);
        ctx.contentType("application/json");
        ctx.result(json.writeValueAsBytes(body));
    }

    private void cancel(Context ctx) {
        Scan s = find(ctx);
        try {
            control.cancel(s.id());
        } catch (ProblemException e) {
            // finished meanwhile: the scan's page says so
        }
        ctx.redirect(PATH + "/" + Texts.encode(s.id()), HttpStatus.SEE_OTHER);
    }
}
