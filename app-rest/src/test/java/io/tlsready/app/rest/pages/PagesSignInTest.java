package io.tlsready.app.rest.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.app.rest.TestingStorage;
import io.tlsready.app.rest.TlsReadyServer;
import io.tlsready.domain.access.Role;
import io.tlsready.domain.testing.InMemoryStore;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Signing in to the dashboard: the cookie, wrong and revoked tokens, sign-out, and the API refusing the cookie. */
class PagesSignInTest {

    private static final InMemoryStore STORE = new InMemoryStore();
    private static TlsReadyServer server;
    private static URI base;

    @BeforeAll
    static void start() {
        server = TlsReadyServer.builder().port(0).storage(new TestingStorage(STORE)).build();
        base = server.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String token(String name, Role role) {
        return TestingStorage.issue(STORE, name + "-" + System.nanoTime(), role);
    }

    @Test
    void the_login_page_has_the_form_the_browser_tests_use_and_no_cookie() {
        HttpResponse<String> r = new PageClient(base).get("/login");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().allValues("Set-Cookie")).isEmpty();
        Document d = PageClient.parse(r);
        assertThat(d.select("form#login input[name=token]#token")).hasSize(1);
        assertThat(d.select("form#login button#sign-in")).hasSize(1);
        assertThat(d.select("label[for=token]")).hasSize(1);
        assertThat(d.select("#login-error")).isEmpty();
    }

    @Test
    void a_right_token_gives_an_httponly_samesite_strict_session_cookie_that_is_not_the_token() {
        String secret = token("cookie", Role.READER);
        PageClient c = new PageClient(base);
        HttpResponse<String> r = c.signIn(secret, "/hosts?verdict=READY");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(PageClient.location(r)).contains("/hosts?verdict=READY");
        String set = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(set).startsWith("tlsready_session=").contains("; Path=/").contains("; HttpOnly")
                .contains("; SameSite=Strict").doesNotContain("Secure").doesNotContain(secret);
        assertThat(c.cookie()).hasSize(43).doesNotContain(secret);
        Document overview = c.page("/");
        assertThat(overview.select("nav#top a#nav-overview[href=/]")).hasSize(1);
        assertThat(overview.select("nav#top a#nav-hosts, nav#top a#nav-upload, nav#top a#nav-scans")).hasSize(3);
        assertThat(overview.select("form#sign-out[method=post][action=/logout] input[name=csrf]")).hasSize(1);
    }

    @Test
    void a_wrong_token_shows_the_login_page_again_with_one_error_line_and_401() {
        PageClient c = new PageClient(base);
        for (String wrong : List.of("tlsr_not-a-real-token", "", "x".repeat(5000), "<script>")) {
            HttpResponse<String> r = c.signIn(wrong, "/");
            assertThat(r.statusCode()).as(wrong).isEqualTo(401);
            assertThat(r.headers().allValues("Set-Cookie")).isEmpty();
            Document d = PageClient.parse(r);
            assertThat(d.select("#login-error").text()).isEqualTo(SignInPages.WRONG_TOKEN);
            assertThat(d.select("form#login")).hasSize(1);
        }
        assertThat(c.cookie()).isNull();
    }

    @Test
    void a_sign_in_attempt_is_in_the_activity_log_without_the_text_typed_and_an_upload_names_the_token() {
        String typed = "tlsr_" + "w".repeat(43);
        new PageClient(base).signIn(typed, "/");
        String secret = token("logged", Role.OPERATOR);
        PageClient c = PageClient.signedIn(base, secret);
        c.post("/logout", java.util.Map.of());
        List<io.tlsready.domain.access.Activity> recent = STORE.recent(100);
        assertThat(recent).anySatisfy(a -> {
            assertThat(a.action()).isEqualTo("POST /login");
            assertThat(a.status()).isEqualTo(401);
        });
        assertThat(recent).anySatisfy(a -> {
            assertThat(a.action()).isEqualTo("POST /logout");
            assertThat(a.actor()).startsWith("logged-");
        });
        assertThat(recent.toString()).doesNotContain(typed).doesNotContain(secret).doesNotContain(c.csrf());
    }

    @Test
    void without_a_session_a_page_redirects_to_login_keeping_only_a_same_site_next() {
        PageClient c = new PageClient(base);
        HttpResponse<String> r = c.get("/hosts?failing=SCHANNEL_TLS12_CLIENT");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(PageClient.location(r)).contains("/login?next=%2Fhosts%3Ffailing%3DSCHANNEL_TLS12_CLIENT");
        for (String foreign : List.of("//evil.example/", "https://evil.example/", "/\\evil.example", "/api/v1/hosts")) {
            HttpResponse<String> in = c.signIn(token("next", Role.READER), foreign);
            assertThat(PageClient.location(in)).as(foreign).contains("/");
            assertThat(PageClient.location(in).orElseThrow()).as(foreign).isEqualTo("/");
        }
        assertThat(c.withCookie("made-up-session-id").get("/").statusCode()).isEqualTo(303);
    }

    @Test
    void every_sign_in_gets_a_new_session_id_and_the_one_sent_along_ends() {
        String secret = token("rotate", Role.READER);
        PageClient c = PageClient.signedIn(base, secret);
        String first = c.cookie();
        c.signIn(secret, "/");
        assertThat(c.cookie()).isNotEqualTo(first);
        assertThat(c.get("/").statusCode()).isEqualTo(200);
        assertThat(new PageClient(base).withCookie(first).get("/").statusCode()).isEqualTo(303);
    }

    @Test
    void revoking_the_token_ends_its_sessions_at_the_next_request() {
        String name = "revoked-" + System.nanoTime();
        String secret = TestingStorage.issue(STORE, name, Role.OPERATOR);
        PageClient c = PageClient.signedIn(base, secret);
        assertThat(c.get("/hosts").statusCode()).isEqualTo(200);
        STORE.revoke(name, Instant.now());
        HttpResponse<String> r = c.get("/hosts");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(PageClient.location(r).orElseThrow()).startsWith("/login");
    }

    @Test
    void signing_out_ends_the_session_and_deletes_the_cookie() {
        PageClient c = PageClient.signedIn(base, token("out", Role.READER));
        String old = c.cookie();
        HttpResponse<String> r = c.post("/logout", java.util.Map.of());
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(PageClient.location(r)).contains("/login");
        assertThat(r.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
        assertThat(new PageClient(base).withCookie(old).get("/").statusCode()).isEqualTo(303);
    }

    @Test
    void the_api_does_not_accept_the_session_cookie() {
        PageClient c = PageClient.signedIn(base, token("api", Role.OPERATOR));
        for (String path : List.of("/api/v1/hosts", "/api/v1/rules", "/metrics")) {
            HttpResponse<String> r = c.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(401);
        }
    }
}
