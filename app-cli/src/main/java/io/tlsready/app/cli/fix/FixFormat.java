package io.tlsready.app.cli.fix;

/** Output formats of {@code fix} and {@code rollback}. */
public enum FixFormat {
    /** For people: a diff per host, outcomes, restarts. */
    TEXT,
    /** One {@code tlsready.fix/v1} document. */
    JSON,
    /** One host object per line, streamed as hosts finish (a killed run loses nothing). */
    JSONL
}
