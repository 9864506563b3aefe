package io.tlsready.domain.rules;

import io.tlsready.domain.remediation.Remediation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A rule's verdict for one host, with its reason, the evidence, the fix and the sources. */
public record Finding(
        RuleId rule,
        Status status,
        String title,
        String detail,
        List<Evidence> evidence,
        Optional<Remediation> remediation,
        List<Source> reference) {

    public Finding {
        Objects.requireNonNull(rule);
        Objects.requireNonNull(status);
        Objects.requireNonNull(title);
        Objects.requireNonNull(detail);
        evidence = List.copyOf(evidence);
        Objects.requireNonNull(remediation);
        reference = List.copyOf(reference);
        if (remediation.isPresent() && status != Status.FAIL && status != Status.WARN) {
            throw new IllegalArgumentException(rule + ": only FAIL and WARN findings carry a remediation");
        }
    }
}
