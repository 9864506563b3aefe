package io.tlsready.app.rest.serve;

import io.tlsready.domain.access.AccessToken;
import io.tlsready.domain.access.Activity;
import io.tlsready.domain.access.Role;
import io.tlsready.domain.access.TokenSecret;
import io.tlsready.domain.port.AccessTokens;
import io.tlsready.domain.port.ActivityLog;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Making and revoking tokens from the command line, each recorded in the activity log. */
final class Tokens {

    /** The name of the operator token the first start creates. */
    static final String INITIAL = "initial";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+-]{0,63}");

    private final AccessTokens tokens;
    private final ActivityLog activity;
    private final Clock clock;
    private final String actor;

    Tokens(AccessTokens tokens, ActivityLog activity, Clock clock, String actor) {
        this.tokens = tokens;
        this.activity = activity;
        this.clock = clock;
        this.actor = actor;
    }

    /** A new token and its secret, which exists nowhere else: the store keeps only the hash. */
    record Issued(AccessToken token, String secret) {
    }

    /**
     * Creates a token.
     *
     * @throws ServeFailure exit 2 when the name is not a plain name or is taken (by a revoked token too)
     */
    Issued create(String name, Role role) {
        if (!NAME.matcher(name).matches()) {
            throw ServeFailure.badInput("token name '" + ServeCommand.printable(name) + "' must be 1 to 64 letters, "
                    + "digits or . _ @ + - (starting with a letter or digit)");
        }
        String secret = TokenSecret.generate();
        AccessToken token = new AccessToken(TokenSecret.newId(), name, role, TokenSecret.hash(secret), clock.instant(),
                Optional.empty());
        try {
            tokens.add(token);
        } catch (IllegalArgumentException e) {
            throw ServeFailure.badInput("a token named '" + name + "' exists already (names are never reused, "
                    + "revoked ones included)");
        }
        activity.record(new Activity(clock.instant(), actor, "token create", name, 0));
        return new Issued(token, secret);
    }

    /** Every token, revoked ones too, oldest first. */
    List<AccessToken> all() {
        return tokens.all();
    }

    /**
     * Revokes a token by id or name.
     *
     * @throws ServeFailure exit 2 when there is no such token
     */
    AccessToken revoke(String idOrName) {
        AccessToken revoked = tokens.revoke(idOrName, clock.instant()).orElseThrow(() -> ServeFailure.badInput(
                "no token with id or name '" + ServeCommand.printable(idOrName) + "' (see 'tlsready serve token list')"));
        activity.record(new Activity(clock.instant(), actor, "token revoke", revoked.name(), 0));
        return revoked;
    }

    /**
     * The first start: when there is no token at all, an operator token named {@value #INITIAL}. Its secret goes to
     * a mode-600 file staged before the token is stored and moved to its name after, so that a second instance
     * starting on the same database at the same moment (whose token name then clashes) leaves no file behind.
     *
     * @return the token and secret when this start made it
     */
    Optional<Issued> initial(DataDir data) {
        if (!tokens.all().isEmpty()) {
            return Optional.empty();
        }
        String secret = TokenSecret.generate();
        AccessToken token = new AccessToken(TokenSecret.newId(), INITIAL, Role.OPERATOR, TokenSecret.hash(secret),
                clock.instant(), Optional.empty());
        Path staged = data.stageSecret(secret);
        try {
            tokens.add(token);
        } catch (IllegalArgumentException e) {
            DataDir.discard(staged); // another instance was first
            return Optional.empty();
        } catch (RuntimeException e) {
            DataDir.discard(staged);
            throw e;
        }
        data.publish(staged, DataDir.INITIAL_TOKEN);
        activity.record(new Activity(clock.instant(), actor, "token create", INITIAL, 0));
        return Optional.of(new Issued(token, secret));
    }
}
