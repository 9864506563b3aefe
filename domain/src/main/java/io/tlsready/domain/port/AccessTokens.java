package io.tlsready.domain.port;

import io.tlsready.domain.access.AccessToken;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Outgoing port: the service's bearer tokens, kept as hashes (see {@link io.tlsready.domain.access.TokenSecret}). */
public interface AccessTokens {

    /**
     * Stores a new token.
     *
     * @throws IllegalArgumentException when a token (revoked or not) already has that name
     */
    AccessToken add(AccessToken token);

    /** The active (not revoked) token with this hash. */
    Optional<AccessToken> active(String hash);

    /** Every token, revoked ones too, oldest first. */
    List<AccessToken> all();

    /**
     * Revokes the token with this id or name.
     *
     * @return the token as now revoked, or empty when there is none (revoking twice keeps the first time)
     */
    Optional<AccessToken> revoke(String idOrName, Instant at);
}
