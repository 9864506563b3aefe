package io.tlsready.app.rest.guard;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tlsready.app.rest.RouteGroup;
import io.tlsready.domain.access.AccessToken;
import io.tlsready.domain.access.TokenSecret;
import io.tlsready.domain.port.AccessTokens;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Runs before every route: the {@code Host} header must be one this server answers for (else 421), and every
 * API path ({@link #needsBearer}) but the open ones needs a bearer token of an active {@link AccessToken} (else 401, the same answer for
 * a missing, malformed, unknown or revoked token); a reader's token may only read (else 403). The accepted
 * token's name and role become the request's {@link Caller}. Secrets are only hashed, never kept or logged.
 */
public final class Gatekeeper implements RouteGroup {

    /** Paths anyone may read: liveness for load balancers, and the contract clients are generated from. */
    static final Set<String> OPEN_PATHS = Set.of("/healthz", "/api/v1/openapi.json");

    /** Generous for {@code tlsr_} + 43 base64url characters; anything longer is not ours and is not hashed. */
    private static final int MAX_SECRET = 128;
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_\\-]{1," + MAX_SECRET + "}");
    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD");

    private final AccessTokens tokens;
    private final HostAllowList hosts;
    private final ProblemWriter problems;

    @Inject
    Gatekeeper(AccessTokens tokens, GuardSettings settings, ObjectMapper json) {
        this.tokens = tokens;
        this.hosts = new HostAllowList(settings.listenHost(), settings.allowedHosts());
        this.problems = new ProblemWriter(json);
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.before(this::admit);
        routes.exception(GuardRefusal.class, (e, ctx) -> {
            e.headers().forEach(ctx::header);
            problems.write(ctx, e.status(), e.getMessage());
        });
    }

    private void admit(Context ctx) {
        int defaultPort = ctx.req().isSecure() ? 443 : 80;
        if (!hosts.allows(ctx.header("Host"), ctx.req().getLocalPort(), defaultPort)) {
            throw GuardRefusal.misdirected();
        }
        if (OPEN_PATHS.contains(ctx.path()) || !needsBearer(ctx.path())) {
            return; // open, or a page: the pages room admits those by their session cookie, never a bearer token
        }
        AccessToken token = bearer(ctx.header("Authorization")).flatMap(this::active)
                .orElseThrow(GuardRefusal::unauthorized);
        ctx.attribute(Caller.ATTRIBUTE, new Caller(token.name(), token.role()));
        String method = ctx.req().getMethod();
        if (!token.role().mayChange() && !READ_METHODS.contains(method)) {
            throw GuardRefusal.forbidden(method);
        }
    }

    /**
     * The API and the metrics take a bearer token, and only a bearer token (a cookie never authenticates them, so
     * a browser cannot be made to call them from another site); every other path is a page of the dashboard.
     */
    public static boolean needsBearer(String path) {
        return path.startsWith("/api/") || path.equals("/api") || path.equals("/metrics");
    }

    /** The secret of an {@code Authorization: Bearer …} header (scheme case-insensitive), if it is well-formed. */
    static Optional<String> bearer(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String h = header.strip();
        int space = h.indexOf(' ');
        if (space < 0 || !h.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")) {
            return Optional.empty();
        }
        String secret = h.substring(space + 1).strip();
        return secret.startsWith(TokenSecret.PREFIX) && SECRET.matcher(secret).matches()
                ? Optional.of(secret) : Optional.empty();
    }

    /**
     * The active token whose hash is the secret's. The store finds it by an indexed lookup of the SHA-256 (which
     * leaks nothing about the secret through timing); the constant-time comparison here makes sure that what the
     * store returned is that exact hash, whatever the store's own matching rules.
     */
    private Optional<AccessToken> active(String secret) {
        return activeByHash(tokens, TokenSecret.hash(secret));
    }

    /**
     * The API's check for a secret typed into the dashboard's sign-in form: well-formed, and the hash of an
     * active token. Empty for anything else (the same answer for every reason).
     */
    public static Optional<AccessToken> activeBySecret(AccessTokens tokens, String secret) {
        if (secret == null) {
            return Optional.empty();
        }
        String s = secret.strip();
        return s.startsWith(TokenSecret.PREFIX) && SECRET.matcher(s).matches()
                ? activeByHash(tokens, TokenSecret.hash(s)) : Optional.empty();
    }

    /** The active token with this hash, compared in constant time; a session re-checks its token so. */
    public static Optional<AccessToken> activeByHash(AccessTokens tokens, String hash) {
        return tokens.active(hash).filter(t -> MessageDigest.isEqual(
                t.hash().getBytes(StandardCharsets.US_ASCII), hash.getBytes(StandardCharsets.US_ASCII)));
    }
}
