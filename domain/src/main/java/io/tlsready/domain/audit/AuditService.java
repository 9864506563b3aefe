package io.tlsready.domain.audit;

import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.os.OsIdentifier;
import io.tlsready.domain.os.OsIdentity;
import io.tlsready.domain.port.FactsSource;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.report.Verdict;
import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.RuleContext;
import io.tlsready.domain.rules.book.RuleBook;
import java.util.List;
import java.util.Optional;

/** The audit use case: ask a source for the rule book's facts, identify the OS, evaluate, decide. */
public final class AuditService {

    private final RuleBook ruleBook;

    public AuditService(RuleBook ruleBook) {
        this.ruleBook = ruleBook;
    }

    public RuleBook ruleBook() {
        return ruleBook;
    }

    /** Collects and evaluates. Evidence errors propagate as EvidenceException. */
    public HostReport audit(FactsSource source) {
        return evaluate(source.collect(ruleBook.request()));
    }

    /** Evaluates facts already collected (e.g. a snapshot posted to the REST API). */
    public HostReport evaluate(HostFacts facts) {
        OsIdentity os = OsIdentifier.identify(facts);
        List<Finding> findings = ruleBook.evaluate(new RuleContext(facts, os));
        return new HostReport(facts.host(), facts.source(), os, Verdict.of(findings), findings, facts.provenance(),
                facts.warnings(), Optional.empty());
    }

    /** A host that could not be audited: a finding in its own right, never a crash of the run. */
    public static HostReport failed(String host, String source, String error) {
        OsIdentity unknown = new OsIdentity(Optional.empty(), Optional.empty(), Optional.empty(), 0, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), "unknown Windows", List.of(), List.of());
        return new HostReport(host, source, unknown, Verdict.UNKNOWN, List.of(), List.of(), List.of(),
                Optional.of(error));
    }
}
