package io.tlsready.app.rest.pages;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.tlsready.app.rest.RouteGroup;
import io.tlsready.app.rest.guard.Caller;
import io.tlsready.app.rest.guard.Gatekeeper;
import io.tlsready.domain.port.AccessTokens;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Runs before every page (every path but the API's, {@code /metrics} and {@code /healthz}; the guard checked the
 * {@code Host} header already): the security headers; the session cookie, whose token must still be active (else
 * 303 to the sign-in page); and for every POST the CSRF token of the session's forms and, when the browser sends
 * one, an Origin or Referer of this server (else 403). Readers may look at everything and change nothing.
 */
final class PageGate implements RouteGroup {

    static final String COOKIE = "tlsready_session";
    static final String CSRF_FIELD = "csrf";
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static final String ATTRIBUTE = "tlsready.session";

    private final Sessions sessions;
    private final AccessTokens tokens;
    private final PageRenderer pages;

    @Inject
    PageGate(Sessions sessions, AccessTokens tokens, PageRenderer pages) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.pages = pages;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.before(this::admit);
        routes.exception(PageRefusal.class, (e, ctx) -> {
            if (e.location() != null) {
                ctx.redirect(e.location(), e.status());
            } else {
                pages.send(ctx, e.status(), "error.jte", Map.of("frame", pages.anonymous(e.status().getMessage()),
                        "status", e.status().getCode(), "message", e.getMessage()));
            }
        });
        // a page path no route answers: a page saying so, not the API's problem document (signed-in browsers only
        // get this far; the API keeps its JSON 404)
        routes.error(404, "html", ctx -> {
            String type = ctx.res().getContentType();
            if (isPage(ctx.path()) && (type == null || !type.startsWith("text/html"))) {
                pages.send(ctx, HttpStatus.NOT_FOUND, "error.jte", Map.of("frame", pages.anonymous("Not Found"),
                        "status", 404, "message", "There is no such page here."));
            }
        });
    }

    static boolean isPage(String path) {
        return !Gatekeeper.needsBearer(path) && !path.equals("/healthz");
    }

    private void admit(Context ctx) {
        String path = ctx.path();
        if (!isPage(path)) {
            return;
        }
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("X-Frame-Options", "DENY");
        if (path.startsWith(AssetRoutes.PREFIX)) {
            return; // public and cacheable: the sign-in page needs its stylesheet
        }
        ctx.header("Cache-Control", "no-store");
        boolean post = ctx.method() == HandlerType.POST;
        if (post && !sameOrigin(ctx)) {
            throw PageRefusal.forbidden("this form was sent from another site");
        }
        if (path.equals(SignInPages.LOGIN)) {
            return;
        }
        Session session = Optional.ofNullable(ctx.cookie(COOKIE)).flatMap(sessions::find)
                .filter(this::tokenStillActive)
                .orElseThrow(() -> PageRefusal.signIn(post ? "/" : nextOf(ctx)));
        ctx.attribute(ATTRIBUTE, session);
        new Caller(session.name(), session.role()).attachTo(ctx);
        if (post) {
            String sent = ctx.formParam(CSRF_FIELD);
            if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                    session.csrf().getBytes(StandardCharsets.UTF_8))) {
                throw PageRefusal.forbidden("this form has expired or was not sent by this dashboard; reload the"
                        + " page and try again");
            }
            if (!session.operator() && !path.equals(SignInPages.LOGOUT)) {
                throw PageRefusal.forbidden("a reader token may look but not change anything; sign in with an"
                        + " operator token to upload or scan");
            }
        }
    }

    /** Revoking a token ends its sessions: each request asks the store whether the token is still active. */
    private boolean tokenStillActive(Session s) {
        if (Gatekeeper.activeByHash(tokens, s.tokenHash()).isPresent()) {
            return true;
        }
        sessions.end(s);
        return false;
    }

    /** The signed-in request's session; only for pages behind the gate. */
    static Session session(Context ctx) {
        Session s = ctx.attribute(ATTRIBUTE);
        if (s == null) {
            throw new IllegalStateException("not a signed-in page: " + ctx.path());
        }
        return s;
    }

    /** The page to come back to after signing in: this path and its query, never another site. */
    private static String nextOf(Context ctx) {
        String q = ctx.queryString();
        return ctx.path() + (q == null || q.isEmpty() ? "" : "?" + q);
    }

    /**
     * An Origin (or, without one, a Referer) that names another scheme, host or port refuses the POST; browsers
     * send Origin with every form POST, so an absent one means a non-browser client, which carries no cookie of
     * a victim. "null" (an opaque origin: sandboxed frames, file://) is refused too.
     */
    static boolean sameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        String referer = ctx.header("Referer");
        String claimed = origin != null ? origin : referer;
        if (claimed == null) {
            return true;
        }
        String host = ctx.header("Host");
        if (host == null) {
            return false;
        }
        try {
            URI u = new URI(claimed.strip());
            if (u.getScheme() == null || u.getRawAuthority() == null) {
                return false;
            }
            String scheme = u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return false;
            }
            return authority(u.getRawAuthority(), scheme).equals(authority(host, scheme));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** "host:port" in lower case, the scheme's default port made explicit. */
    private static String authority(String authority, String scheme) {
        String a = authority.toLowerCase(Locale.ROOT);
        int colon = a.lastIndexOf(':');
        boolean hasPort = colon > a.lastIndexOf(']');
        return hasPort ? a : a + ":" + (scheme.equals("https") ? "443" : "80");
    }
}
