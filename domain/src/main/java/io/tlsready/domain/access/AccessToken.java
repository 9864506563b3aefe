package io.tlsready.domain.access;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A token as the service keeps it: never the secret, only its {@link TokenSecret#hash hash}.
 *
 * @param id      short and public (shown by {@code serve token list}, used to revoke)
 * @param name    who or what it is for, unique among tokens ("initial", "grafana", "alice")
 * @param revoked when it stopped working; a revoked token stays listed, for the activity log's sake
 */
public record AccessToken(String id, String name, Role role, String hash, Instant created,
        Optional<Instant> revoked) {

    public AccessToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(revoked, "revoked");
    }

    public boolean active() {
        return revoked.isEmpty();
    }
}
