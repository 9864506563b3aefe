package io.tlsready.domain.port;

/**
 * A remote host could not be read. Remote adapters map their transport and protocol errors onto this so the
 * fleet use case can decide about retries without knowing HTTP or WS-Management.
 *
 * <p>{@link #transientFailure()} is true when the very same request may well succeed a moment later
 * (connection refused or reset, network timeout, host unreachable) and false when it cannot (credentials
 * rejected, certificate not trusted, access denied, protocol fault). {@link #problem()} is one line a person
 * understands and never contains a secret: it ends up in reports.
 */
public class RemoteFailure extends EvidenceException {

    private static final long serialVersionUID = 1L;

    private final boolean transientFailure;

    public RemoteFailure(String host, String problem, boolean transientFailure) {
        this(host, problem, transientFailure, null);
    }

    public RemoteFailure(String host, String problem, boolean transientFailure, Throwable cause) {
        super(host, problem, cause);
        this.transientFailure = transientFailure;
    }

    public RemoteFailure(String host, HintedText problem, boolean transientFailure, Throwable cause) {
        super(host, problem, cause);
        this.transientFailure = transientFailure;
    }

    /** Whether a retry may help. */
    public boolean transientFailure() {
        return transientFailure;
    }
}
