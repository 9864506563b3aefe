package io.tlsready.domain.port;

import java.util.Objects;

/**
 * Evidence that cannot be used: a malformed file, an unreachable host, contradictory inputs.
 * The message is one line that names the place and the problem; the CLI prints it and exits 2.
 */
public class EvidenceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String location;
    private final String problem;

    public EvidenceException(String location, String problem) {
        this(location, problem, null);
    }

    public EvidenceException(String location, String problem, Throwable cause) {
        super(Objects.requireNonNull(location, "location") + ": " + Objects.requireNonNull(problem, "problem"), cause);
        this.location = location;
        this.problem = problem;
    }

    /** The file (optionally with :line) or host the problem is in. */
    public String location() {
        return location;
    }

    public String problem() {
        return problem;
    }
}
