package io.tlsready.app.rest.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.app.rest.Multipart;
import io.tlsready.app.rest.RestFixtures;
import io.tlsready.app.rest.TestingStorage;
import io.tlsready.app.rest.TlsReadyServer;
import io.tlsready.domain.access.Role;
import io.tlsready.domain.testing.InMemoryStore;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Forms only from this dashboard (CSRF token, Origin), readers only look, and the pages' security headers. */
class PagesSecurityTest {

    private static final InMemoryStore STORE = new InMemoryStore();
    private static TlsReadyServer server;
    private static URI base;
    private static String operator;
    private static String reader;

    @BeforeAll
    static void start() {
        server = TlsReadyServer.builder().port(0).storage(new TestingStorage(STORE)).build();
        base = server.start();
        operator = TestingStorage.issue(STORE, "security-operator", Role.OPERATOR);
        reader = TestingStorage.issue(STORE, "security-reader", Role.READER);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Multipart evidence(String csrf) {
        Multipart m = new Multipart();
        if (csrf != null) {
            m.field("csrf", csrf);
        }
        return m.file("evidence", "systeminfo.txt", RestFixtures.systeminfo());
    }

    @Test
    void a_post_without_the_csrf_token_or_with_a_wrong_one_is_refused_with_403() {
        PageClient c = PageClient.signedIn(base, operator);
        String good = c.csrf();
        assertThat(c.withCsrf(null).postMultipart("/upload", evidence(null)).statusCode()).isEqualTo(403);
        HttpResponse<String> wrong = c.postMultipart("/upload", evidence("A" + good.substring(1)));
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(PageClient.parse(wrong).select("#error-message").text()).contains("reload the page");
        assertThat(c.withCsrf(null).post("/logout", Map.of()).statusCode()).isEqualTo(403);
        assertThat(c.withCsrf(good).postMultipart("/upload", evidence(good)).statusCode()).isEqualTo(303);
        assertThat(STORE.history(RestFixtures.HOST, 5)).isNotEmpty();
    }

    @Test
    void a_post_from_another_origin_is_refused_even_with_the_right_token() {
        PageClient c = PageClient.signedIn(base, operator);
        for (String origin : List.of("https://evil.example", "null", "http://127.0.0.1:1", "http://localhost.evil")) {
            HttpResponse<String> r = c.withOrigin(origin).post("/logout", Map.of());
            assertThat(r.statusCode()).as(origin).isEqualTo(403);
        }
        assertThat(c.withOrigin(null).get("/").statusCode()).as("the session still works").isEqualTo(200);
    }

    @Test
    void a_sign_in_posted_from_another_site_is_refused() {
        PageClient c = new PageClient(base);
        HttpResponse<String> r = c.withOrigin("https://evil.example").post("/login", Map.of("token", operator));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void a_reader_sees_no_forms_that_change_things_and_cannot_post_them() {
        PageClient c = PageClient.signedIn(base, reader);
        Document upload = c.page("/upload");
        assertThat(upload.select("form#upload")).isEmpty();
        assertThat(c.page("/scans").select("form#scan")).isEmpty();
        HttpResponse<String> r = c.postMultipart("/upload", evidence(c.csrf()));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(c.post("/scans", Map.of("hosts", "srv1", "profile", "sim")).statusCode()).isEqualTo(403);
        assertThat(c.post("/logout", Map.of()).statusCode()).as("a reader may sign out").isEqualTo(303);
    }

    @Test
    void every_page_has_the_security_headers_and_no_inline_script_or_style() {
        PageClient c = PageClient.signedIn(base, operator);
        c.postMultipart("/upload", evidence(c.csrf()));
        for (String path : List.of("/login", "/", "/hosts", "/hosts/" + RestFixtures.HOST, "/upload", "/scans",
                "/hosts/no-such-host")) {
            HttpResponse<String> r = c.get(path);
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(path).contains(PageGate.CSP);
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(path).contains("same-origin");
            assertThat(r.headers().firstValue("Cache-Control")).as(path).contains("no-store");
            Document d = PageClient.parse(r);
            assertThat(d.select("[style]")).as(path + ": style attributes").isEmpty();
            assertThat(d.select("style")).as(path + ": style elements").isEmpty();
            for (Element script : d.select("script")) {
                assertThat(script.hasAttr("src")).as(path + ": inline script").isTrue();
                assertThat(script.data()).as(path).isEmpty();
            }
            assertThat(d.select("*").stream().flatMap(e -> e.attributes().asList().stream())
                    .filter(a -> a.getKey().startsWith("on"))).as(path + ": event handler attributes").isEmpty();
            assertThat(d.select("link[rel=stylesheet]").attr("href")).as(path).startsWith("/assets/tlsready.css?v=");
        }
    }

    @Test
    void an_unknown_page_is_a_404_page_and_an_unknown_api_path_stays_a_problem_document() {
        PageClient c = PageClient.signedIn(base, reader);
        HttpResponse<String> page = c.get("/no-such-page", "Accept", "text/html,application/xhtml+xml");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(PageClient.parse(page).select("#error-message").text()).isEqualTo("There is no such page here.");
        HttpResponse<String> host = c.get("/hosts/nobody-by-this-name", "Accept", "text/html");
        assertThat(PageClient.parse(host).select("#error-message").text()).contains("nobody-by-this-name");
        HttpResponse<String> api = new PageClient(base).get("/api/v1/no-such-thing", "Accept", "text/html");
        assertThat(api.statusCode()).isEqualTo(401);
    }

    @Test
    void the_assets_are_served_by_the_tool_with_a_long_cache_and_the_shared_stylesheet() {
        PageClient c = new PageClient(base);
        HttpResponse<String> css = c.get("/assets/tlsready.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
        assertThat(css.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=31536000");
        assertThat(css.body()).startsWith(io.tlsready.formats.HtmlParts.stylesheet()).contains("#scan-progress");
        HttpResponse<String> js = c.get("/assets/pages.js");
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        assertThat(js.body()).contains("scan-progress").doesNotContain("http://").doesNotContain("https://");
        HttpResponse<String> icon = c.get("/assets/favicon.svg");
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
        assertThat(c.page("/login").select("link[rel=icon]").attr("href")).as("linked, so no /favicon.ico 404")
                .startsWith("/assets/favicon.svg?v=");
    }
}
