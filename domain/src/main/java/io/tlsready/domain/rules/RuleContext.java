package io.tlsready.domain.rules;

import io.tlsready.domain.facts.Fact;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.os.OsIdentity;
import io.tlsready.domain.remediation.Remediation;
import java.util.List;
import java.util.Optional;

/** What a rule sees: the host's facts and its identified OS, plus small helpers for building findings. */
public record RuleContext(HostFacts facts, OsIdentity os) {

    public Fact<RegValue> value(ValueRef ref) {
        return facts.value(ref);
    }

    /** The DWORD at {@code ref}, read with the rule book's type discipline (non-DWORD types are rejected). */
    public Dword dword(ValueRef ref) {
        return Dword.of(ref, facts.value(ref));
    }

    public Finding finding(Rule rule, Status status, String detail, List<Evidence> evidence) {
        return new Finding(rule.id(), status, rule.title(), detail, evidence, Optional.empty(), rule.sources());
    }

    public Finding finding(Rule rule, Status status, String detail, List<Evidence> evidence, Remediation fix) {
        return new Finding(rule.id(), status, rule.title(), detail, evidence, Optional.of(fix), rule.sources());
    }

    /** A DWORD reading: present (and a DWORD), absent, not collected, or present with the wrong type. */
    public record Dword(ValueRef ref, Fact<RegValue> fact) {

        static Dword of(ValueRef ref, Fact<RegValue> fact) {
            return new Dword(ref, fact);
        }

        public boolean collected() {
            return fact.isCollected();
        }

        public boolean absent() {
            return fact.isAbsent();
        }

        /** The unsigned DWORD when present with type REG_DWORD. */
        public Optional<Long> value() {
            return fact.asOptional().orElse(null) instanceof RegValue.Dword d ? Optional.of(d.value()) : Optional.empty();
        }

        /** Present, but not a REG_DWORD: Windows ignores such values; the rule book rejects them. */
        public boolean wrongType() {
            return fact.isPresent() && value().isEmpty();
        }

        public boolean is(long expected) {
            return value().map(v -> v == expected).orElse(false);
        }

        public Evidence evidence(String expected) {
            return Evidence.of(ref, fact, expected);
        }
    }
}
