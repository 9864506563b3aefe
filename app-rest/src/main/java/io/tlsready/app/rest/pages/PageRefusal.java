package io.tlsready.app.rest.pages;

import io.javalin.http.HttpStatus;

/** A page request turned away: to the sign-in page (303), or with an error page (403, 404). */
final class PageRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String location;

    private PageRefusal(HttpStatus status, String message, String location) {
        super(message, null, false, false);
        this.status = status;
        this.location = location;
    }

    static PageRefusal signIn(String next) {
        return new PageRefusal(HttpStatus.SEE_OTHER, "sign in first", SignInPages.loginUrl(next));
    }

    static PageRefusal forbidden(String why) {
        return new PageRefusal(HttpStatus.FORBIDDEN, why, null);
    }

    static PageRefusal notFound(String what) {
        return new PageRefusal(HttpStatus.NOT_FOUND, what, null);
    }

    HttpStatus status() {
        return status;
    }

    /** Where a 303 sends the browser; null for an error page. */
    String location() {
        return location;
    }
}
