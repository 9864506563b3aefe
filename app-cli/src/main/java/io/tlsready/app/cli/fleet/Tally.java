package io.tlsready.app.cli.fleet;

import io.tlsready.domain.report.ExitPolicy;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.report.Verdict;
import java.util.EnumMap;
import java.util.Map;

/** Running counts of a fleet run for progress lines and the closing summary. */
public final class Tally {

    private final Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
    private int unreachable;

    public void add(Verdict verdict, boolean failed) {
        verdicts.merge(verdict, 1, Integer::sum);
        if (failed) {
            unreachable++;
        }
    }

    public void add(HostReport report) {
        add(report.verdict(), report.error().isPresent());
    }

    public int count(Verdict v) {
        return verdicts.getOrDefault(v, 0);
    }

    public int total() {
        return verdicts.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int unreachable() {
        return unreachable;
    }

    /** The verdicts so far, as the exit policy reads them. */
    public ExitPolicy.VerdictCounts counts() {
        return ExitPolicy.VerdictCounts.of(verdicts, unreachable);
    }

    /** {@link ExitPolicy}: 1 if any host NOT_READY, else 3 if any UNKNOWN/unreachable (or none at all), else 0. */
    public int exitCode() {
        return ExitPolicy.of(counts()).code();
    }

    /** "6 ready, 2 not ready, 2 unknown (1 unreachable)" */
    public String describe() {
        return count(Verdict.READY) + " ready, " + count(Verdict.NOT_READY) + " not ready, "
                + count(Verdict.UNKNOWN) + " unknown" + (unreachable > 0 ? " (" + unreachable + " unreachable)" : "");
    }
}
