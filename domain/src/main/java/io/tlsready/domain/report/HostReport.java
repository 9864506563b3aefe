package io.tlsready.domain.report;

import io.tlsready.domain.facts.EvidenceWarning;
import io.tlsready.domain.facts.Provenance;
import io.tlsready.domain.os.OsIdentity;
import io.tlsready.domain.rules.Finding;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One host's audit. {@code error} is set when the host could not be audited at all (unreachable, bad
 * credentials): the verdict is then UNKNOWN and there are no findings. {@code target} is the address a remote
 * audit contacted ({@code host:port}, {@code [v6]:port}), the key {@code --resume} matches on, as the JSON lines,
 * the JSON report and the CSV carry it; empty for offline evidence (the host name is then all there is).
 */
public record HostReport(
        String host,
        String source,
        OsIdentity os,
        Verdict verdict,
        List<Finding> findings,
        List<Provenance> provenance,
        List<EvidenceWarning> warnings,
        Optional<String> error,
        Optional<String> target) {

    public HostReport {
        Objects.requireNonNull(host);
        Objects.requireNonNull(source);
        Objects.requireNonNull(os);
        Objects.requireNonNull(verdict);
        findings = List.copyOf(findings);
        provenance = List.copyOf(provenance);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(error);
        Objects.requireNonNull(target);
    }

    /** A report with no target: offline evidence, or a host whose address is not known here. */
    public HostReport(String host, String source, OsIdentity os, Verdict verdict, List<Finding> findings,
            List<Provenance> provenance, List<EvidenceWarning> warnings, Optional<String> error) {
        this(host, source, os, verdict, findings, provenance, warnings, error, Optional.empty());
    }

    /** This report as audited at {@code target} ({@code host:port}). */
    public HostReport withTarget(String target) {
        return new HostReport(host, source, os, verdict, findings, provenance, warnings, error,
                Optional.of(target));
    }
}
