package io.tlsready.domain.rules;

/** A rule's outcome for one host. */
public enum Status {
    PASS, FAIL, WARN, INFO, NOT_APPLICABLE, UNKNOWN
}
