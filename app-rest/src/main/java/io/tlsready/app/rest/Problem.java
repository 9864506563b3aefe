package io.tlsready.app.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, the body of every error response ({@code application/problem+json}).
 * {@code location} is an extension member: the uploaded file (and line) a malformed-evidence problem is in.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String location) {

    public static final String CONTENT_TYPE = "application/problem+json";

    /** For problems that mean no more than their HTTP status (RFC 9457 §4.2.1). */
    public static final String ABOUT_BLANK = "about:blank";

    /** A tag URI (RFC 4151): a stable identifier that is not meant to be dereferenced. */
    static final String MALFORMED_EVIDENCE = "tag:tlsready.io,2026:problems/malformed-evidence";
}
