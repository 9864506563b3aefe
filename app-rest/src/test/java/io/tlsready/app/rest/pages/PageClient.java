package io.tlsready.app.rest.pages;

import io.tlsready.app.rest.Multipart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A browser as far as the page tests need one: plain java.net.http on loopback, no redirects followed, the session
 * cookie kept by hand (so tests see exactly what the server set), the CSRF token read from the last page's forms.
 */
final class PageClient {

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private String cookie;
    private String csrf;
    private String origin;

    PageClient(URI base) {
        this.base = base;
        this.origin = base.getScheme() + "://" + base.getRawAuthority();
    }

    /** Signs in with this token; fails the test unless the answer is a 303 with a session cookie. */
    static PageClient signedIn(URI base, String token) {
        PageClient c = new PageClient(base);
        HttpResponse<String> r = c.signIn(token, "/");
        if (r.statusCode() != 303 || c.cookie == null) {
            throw new AssertionError("sign-in failed: " + r.statusCode() + " " + r.body());
        }
        c.get("/"); // picks up the CSRF token
        return c;
    }

    HttpResponse<String> signIn(String token, String next) {
        return send(HttpRequest.newBuilder(base.resolve("/login")).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                        form(Map.of("token", token, "next", next)))));
    }

    String cookie() {
        return cookie;
    }

    PageClient withCookie(String value) {
        this.cookie = value;
        return this;
    }

    String csrf() {
        return csrf;
    }

    PageClient withCsrf(String value) {
        this.csrf = value;
        return this;
    }

    /** The Origin header sent with POSTs (this server's by default; null sends none). */
    PageClient withOrigin(String value) {
        this.origin = value;
        return this;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    HttpResponse<String> get(String path, String header, String value) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header(header, value).GET());
    }

    /** GETs a page that must answer 200, parsed. */
    Document page(String path) {
        HttpResponse<String> r = get(path);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + ": " + r.statusCode() + " " + r.body());
        }
        return Jsoup.parse(r.body(), base.resolve(path).toString());
    }

    /** POSTs a form with the CSRF token (unless the fields say otherwise). */
    HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>();
        if (csrf != null) {
            all.put("csrf", csrf);
        }
        all.putAll(fields);
        all.values().removeIf(v -> v == null);
        return send(withOrigin(HttpRequest.newBuilder(base.resolve(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(all))));
    }

    HttpResponse<String> postMultipart(String path, Multipart body) {
        return send(withOrigin(HttpRequest.newBuilder(base.resolve(path))).header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.build())));
    }

    private HttpRequest.Builder withOrigin(HttpRequest.Builder b) {
        return origin == null ? b : b.header("Origin", origin);
    }

    static Document parse(HttpResponse<String> r) {
        return Jsoup.parse(r.body(), r.uri().toString());
    }

    static Optional<String> location(HttpResponse<String> r) {
        return r.headers().firstValue("Location");
    }

    private static String form(Map<String, String> fields) {
        StringJoiner j = new StringJoiner("&");
        fields.forEach((k, v) -> j.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return j.toString();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (cookie != null) {
            request.header("Cookie", PageGate.COOKIE + "=" + cookie);
        }
        try {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(PageGate.COOKIE + "="))
                    .findFirst().ifPresent(c -> {
                        String v = c.substring(PageGate.COOKIE.length() + 1, c.indexOf(';'));
                        cookie = v.isEmpty() ? null : v;
                    });
            if (r.statusCode() == 200 && r.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                String token = Jsoup.parse(r.body()).select("input[name=csrf]").attr("value");
                if (!token.isEmpty()) {
                    csrf = token;
                }
            }
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
