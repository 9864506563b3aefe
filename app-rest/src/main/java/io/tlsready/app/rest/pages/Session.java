package io.tlsready.app.rest.pages;

import io.tlsready.domain.access.Role;
import java.time.Instant;

/**
 * One signed-in browser: the token it signed in with (by hash only, re-checked on every request, so revoking
 * the token ends the session), that token's name and role, and the CSRF token of its forms.
 */
final class Session {

    private final String id;
    private final String tokenHash;
    private final String name;
    private final Role role;
    private final String csrf;
    private final Instant created;
    private volatile Instant lastSeen;

    Session(String id, String tokenHash, String name, Role role, String csrf, Instant created) {
        this.id = id;
        this.tokenHash = tokenHash;
        this.name = name;
        this.role = role;
        this.csrf = csrf;
        this.created = created;
        this.lastSeen = created;
    }

    String id() {
        return id;
    }

    String tokenHash() {
        return tokenHash;
    }

    String name() {
        return name;
    }

    Role role() {
        return role;
    }

    boolean operator() {
        return role.mayChange();
    }

    String csrf() {
        return csrf;
    }

    Instant created() {
        return created;
    }

    Instant lastSeen() {
        return lastSeen;
    }

    void seen(Instant at) {
        lastSeen = at;
    }

    /** Never the id or the CSRF token. */
    @Override
    public String toString() {
        return "Session[" + name + ", " + role + "]";
    }
}
