package io.tlsready.sim;

import java.util.Locale;
import java.util.Optional;

/**
 * The ways a simulated host can misbehave. HTTP-level faults act on every HTTP request of the host, authentication
 * legs included; SOAP-level faults replace the answer to every WS-Management request once the caller is
 * authenticated (sealed like any other answer on an NTLM connection).
 */
public enum FaultKind {
    /** Every request gets HTTP 401, as for wrong credentials or a disabled authentication scheme. */
    UNAUTHORIZED("401", false),
    /** Every WS-Management request gets HTTP 500 with a w:InternalError SOAP fault. */
    SERVER_FAULT("500", true),
    /** Every WS-Management request gets HTTP 500 with the w:TimedOut fault (2150858793) Windows sends. */
    TIMED_OUT("timedout", true),
    /** The request is read, then the connection is closed with SO_LINGER 0 (TCP RST). */
    RESET("reset", false),
    /** The request is read and never answered; the connection is closed after the fleet's stall limit. */
    STALL("stall", false),
    /** The answer is a well-formed envelope far larger than any MaxEnvelopeSize. */
    OVERSIZED("oversized", true),
    /** The answer is cut-off XML with the right Content-Type. */
    MALFORMED("malformed", true),
    /** The answer declares a DOCTYPE with an external entity (XXE, {@code file:///etc/passwd}) and uses it. */
    DOCTYPE("doctype", true),
    /** Nothing listens on the host's port (connection refused). */
    REFUSED("refused", false);

    private final String label;
    private final boolean soapLevel;

    FaultKind(String label, boolean soapLevel) {
        this.label = label;
        this.soapLevel = soapLevel;
    }

    /** The name used on the command line ({@code --inject reset:0.1}). */
    public String label() {
        return label;
    }

    /** True when the fault replaces a SOAP answer (after authentication) rather than acting on HTTP or TCP. */
    public boolean soapLevel() {
        return soapLevel;
    }

    /** By command-line label or enum name, case-insensitive ({@code 401}, {@code timedout}, {@code TIMED_OUT}). */
    public static Optional<FaultKind> parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (FaultKind k : values()) {
            if (k.label.equals(t) || k.name().toLowerCase(Locale.ROOT).equals(t)
                    || k.name().replace("_", "").toLowerCase(Locale.ROOT).equals(t)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
