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
 * credentials): the verdict is then UNKNOWN and there are no findings.
 */
public record HostReport(
        String host,
        String source,
        OsIdentity os,
        Verdict verdict,
        List<Finding> findings,
        List<Provenance> provenance,
        List<EvidenceWarning> warnings,
        Optional<String> error) {

    public HostReport {
        Objects.requireNonNull(host);
        Objects.requireNonNull(source);
        Objects.requireNonNull(os);
        Objects.requireNonNull(verdict);
        findings = List.copyOf(findings);
        provenance = List.copyOf(provenance);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(error);
    }
}
