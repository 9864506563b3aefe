package io.tlsready.app.rest.pages;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.tlsready.app.rest.RouteGroup;
import io.tlsready.app.rest.guard.Gatekeeper;
import io.tlsready.domain.access.AccessToken;
import io.tlsready.domain.port.AccessTokens;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /login} (the form), {@code POST /login} (a token exchanged for a session cookie) and
 * {@code POST /logout}. The token is checked as the API checks a bearer token; the cookie carries only a new
 * random session id (HttpOnly, SameSite=Strict, Secure over TLS), never the token.
 */
final class SignInPages implements RouteGroup {

    static final String LOGIN = "/login";
    static final String LOGOUT = "/logout";
    static final String WRONG_TOKEN = "That token was not accepted: it is unknown, revoked or mistyped.";
    private static final int MAX_NEXT = 2000;

    private final AccessTokens tokens;
    private final Sessions sessions;
    private final PageRenderer pages;

    @Inject
    SignInPages(AccessTokens tokens, Sessions sessions, PageRenderer pages) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.pages = pages;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(LOGIN, ctx -> form(ctx, HttpStatus.OK, null));
        routes.post(LOGIN, this::signIn);
        routes.post(LOGOUT, this::signOut);
    }

    /** The sign-in page's URL that comes back to {@code next} (only a path of this site; else the overview). */
    static String loginUrl(String next) {
        String n = safeNext(next);
        return n.equals("/") ? LOGIN : LOGIN + "?next=" + URLEncoder.encode(n, StandardCharsets.UTF_8);
    }

    /** A path of this site ("/..." but not "//..." nor "/\..."), else "/": never a way to send a user elsewhere. */
    static String safeNext(String next) {
        if (next == null || next.length() > MAX_NEXT || !next.startsWith("/") || next.startsWith("//")
                || next.startsWith("/\\") || next.chars().anyMatch(c -> c < 0x21 || c == '\\' || c == 0x7f)
                || next.startsWith(LOGIN) || !PageGate.isPage(next)) {
            return "/";
        }
        return next;
    }

    private void form(Context ctx, HttpStatus status, String error) {
        Map<String, Object> params = new HashMap<>();
        params.put("frame", pages.anonymous("Sign in"));
        params.put("next", safeNext(ctx.queryParam("next") != null ? ctx.queryParam("next") : ctx.formParam("next")));
        params.put("error", error);
        pages.send(ctx, status, "login.jte", params);
    }

    private void signIn(Context ctx) {
        Optional<AccessToken> token = Gatekeeper.activeBySecret(tokens, ctx.formParam("token"));
        if (token.isEmpty()) {
            form(ctx, HttpStatus.UNAUTHORIZED, WRONG_TOKEN);
            return;
        }
        // a new id at every sign-in: a session id planted before it is worth nothing after it
        Optional.ofNullable(ctx.cookie(PageGate.COOKIE)).flatMap(sessions::find).ifPresent(sessions::end);
        Session session = sessions.start(token.get());
        ctx.header("Set-Cookie", cookie(ctx, session.id(), -1));
        ctx.redirect(safeNext(ctx.formParam("next")), HttpStatus.SEE_OTHER);
    }

    private void signOut(Context ctx) {
        sessions.end(PageGate.session(ctx));
        ctx.header("Set-Cookie", cookie(ctx, "", 0));
        ctx.redirect(LOGIN, HttpStatus.SEE_OTHER);
    }

    /** The session cookie; {@code maxAge} 0 deletes it, -1 makes it last until the browser closes. */
    static String cookie(Context ctx, String value, int maxAge) {
        return PageGate.COOKIE + "=" + value + "; Path=/; HttpOnly; SameSite=Strict"
                + (ctx.req().isSecure() ? "; Secure" : "") + (maxAge >= 0 ? "; Max-Age=" + maxAge : "");
    }
}
