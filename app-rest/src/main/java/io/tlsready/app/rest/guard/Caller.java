package io.tlsready.app.rest.guard;

import io.javalin.http.Context;
import io.tlsready.domain.access.Role;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is calling: the name and role of the bearer token the guard accepted for this request. Routes of other
 * rooms read it (a scan's {@code requestedBy}); the guard puts it on every authenticated request.
 */
public record Caller(String name, Role role) {

    /** The actor of the activity log when no valid token came with the request. */
    public static final String NOBODY = "-";

    static final String ATTRIBUTE = "tlsready.caller";

    public Caller {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }

    /** The caller of an authenticated request; empty on the open paths ({@code /healthz}, the OpenAPI document). */
    public static Optional<Caller> of(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }

    /**
     * Makes this the request's caller: the pages room does so for a request whose session cookie it accepted (the
     * session's token's name and role), so the activity log names who did it as for the API.
     */
    public void attachTo(Context ctx) {
        ctx.attribute(ATTRIBUTE, this);
    }

    /** The token's name, or {@link #NOBODY}. */
    public static String nameOf(Context ctx) {
        return of(ctx).map(Caller::name).orElse(NOBODY);
    }
}
