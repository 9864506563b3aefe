package io.tlsready.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.plan.Plan;
import io.tlsready.domain.plan.PlanPrediction;
import io.tlsready.domain.plan.RemediationPlanner;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.RuleId;
import io.tlsready.domain.rules.Status;
import io.tlsready.domain.rules.book.RuleBook;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Rule book R16, "a plan must close every registry-fixable FAIL it was made from": audit the facts, plan, write the
 * plan's registry changes into the facts (as reg import would), audit again. Every FAIL whose fix has a registry
 * change must then be PASS, WARN, INFO or NOT_APPLICABLE, no rule may get worse, and the predicted verdict is the
 * re-audit's verdict.
 */
public final class PlanClosure {

    private static final AuditService AUDIT = new AuditService(RuleBook.standard());
    private static final Set<Status> CLOSED = EnumSet.of(Status.PASS, Status.WARN, Status.INFO, Status.NOT_APPLICABLE);

    private PlanClosure() {
    }

    /** Asserts closure for both plans (FAILs only, and with WARNs); returns the FAIL-only re-audit. */
    public static HostReport assertCloses(HostFacts facts) {
        HostReport before = AUDIT.evaluate(facts);
        HostReport after = check(facts, before, false);
        check(facts, before, true);
        return after;
    }

    private static HostReport check(HostFacts facts, HostReport before, boolean includeWarnings) {
        Plan plan = RemediationPlanner.plan(before, includeWarnings);
        HostReport after = PlanPrediction.predict(AUDIT, facts, plan);
        Map<RuleId, Status> now = after.findings().stream().collect(Collectors.toMap(Finding::rule, Finding::status));
        Map<RuleId, Finding> was = before.findings().stream().collect(Collectors.toMap(Finding::rule, Function.identity()));
        for (Finding f : before.findings()) {
            boolean fixable = f.remediation().map(r -> !r.changes().isEmpty()).orElse(false);
            boolean planned = f.status() == Status.FAIL || (includeWarnings && f.status() == Status.WARN);
            if (fixable && planned) {
                assertThat(now.get(f.rule())).as("%s was %s (%s) and its plan must close it; plan %s",
                        f.rule(), f.status(), f.detail(), plan.changes()).isIn(CLOSED);
            }
        }
        for (Finding f : after.findings()) {
            if (f.status() == Status.FAIL) {
                assertThat(was.get(f.rule()).status()).as("%s FAILs only after the plan: %s", f.rule(), f.detail())
                        .isEqualTo(Status.FAIL);
            }
        }
        return after;
    }
}
