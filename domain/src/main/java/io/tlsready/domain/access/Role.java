package io.tlsready.domain.access;

/** What a token may do: a reader only reads (GET); an operator also starts, uploads, cancels and manages. */
public enum Role {
    READER, OPERATOR;

    public boolean mayChange() {
        return this == OPERATOR;
    }
}
