package io.tlsready.domain.port;

import java.util.Objects;

/**
 * Evidence that cannot be used: a malformed file, an unreachable host, contradictory inputs.
 * The message is one line that names the place and the problem; the CLI prints it and exits 2.
 *
 * <p>The problem may carry {@link Hint}s (what to give or do instead); {@link #getMessage()} and
 * {@link #problem()} word them in the domain's plain words, and each app words them as its own with
 * {@link #problem(HintWords)}. No message of this type names an app's flag or field.
 */
public class EvidenceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String location;
    private final transient HintedText problem;

    public EvidenceException(String location, String problem) {
        this(location, problem, null);
    }

    public EvidenceException(String location, String problem, Throwable cause) {
        this(location, HintedText.plain(Objects.requireNonNull(problem, "problem")), cause);
    }

    public EvidenceException(String location, HintedText problem) {
        this(location, problem, null);
    }

    public EvidenceException(String location, HintedText problem, Throwable cause) {
        super(Objects.requireNonNull(location, "location") + ": " + Objects.requireNonNull(problem, "problem").neutral(),
                cause);
        this.location = location;
        this.problem = problem;
    }

    /** The file (optionally with :line) or host the problem is in. */
    public String location() {
        return location;
    }

    /** The problem in plain words. */
    public String problem() {
        return problem.neutral();
    }

    /** The problem with its hints in an app's words. */
    public String problem(HintWords words) {
        return problem.in(words);
    }

    /** "location: problem" with the hints in an app's words. */
    public String message(HintWords words) {
        return location + ": " + problem.in(words);
    }

    public HintedText hinted() {
        return problem;
    }
}
