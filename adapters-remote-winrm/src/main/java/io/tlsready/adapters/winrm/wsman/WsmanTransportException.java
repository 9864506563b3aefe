package io.tlsready.adapters.winrm.wsman;

import io.tlsready.domain.port.HintedText;

/**
 * No reply could be had from a host. The message is one line a person understands ("connection refused",
 * "certificate does not match the pinned SHA-256", "401: the user name or password is wrong"); it never
 * contains a secret. {@link Kind#transientFailure()} says whether a retry may help. What the user can do about it
 * is a {@link io.tlsready.domain.port.Hint} in {@link #hinted()}, worded by the app; the message has plain words.
 */
public class WsmanTransportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, for retry decisions and for grouping failures in a fleet report. */
    public enum Kind {
        UNREACHABLE(true), REFUSED(true), TIMEOUT(true), RESET(true), TLS(false), AUTHENTICATION(false),
        HTTP_STATUS(false), PROTOCOL(false), OVERSIZED(false);

        private final boolean transientFailure;

        Kind(boolean transientFailure) {
            this.transientFailure = transientFailure;
        }

        public boolean transientFailure() {
            return transientFailure;
        }
    }

    private final Kind kind;
    private final transient HintedText hinted;

    public WsmanTransportException(Kind kind, String message) {
        this(kind, message, null);
    }

    public WsmanTransportException(Kind kind, String message, Throwable cause) {
        this(kind, HintedText.plain(message), cause);
    }

    public WsmanTransportException(Kind kind, HintedText message) {
        this(kind, message, null);
    }

    public WsmanTransportException(Kind kind, HintedText message, Throwable cause) {
        super(message.neutral(), cause);
        this.kind = kind;
        this.hinted = message;
    }

    /** The message with its hints, for the app to word. */
    public HintedText hinted() {
        return hinted;
    }

    public Kind kind() {
        return kind;
    }
}
