package io.tlsready.domain.output;

/**
 * Evidence text that a format cannot carry faithfully (a CR/LF in a .reg key name, say). Writers refuse it with
 * this rather than write something that means another thing; the message names what and why, on one line.
 */
public final class UnwritableTextException extends IllegalArgumentException {

    public UnwritableTextException(String what, String text, String why) {
        super(what + " " + Visible.quoted(text) + " cannot be written: " + why);
    }
}
