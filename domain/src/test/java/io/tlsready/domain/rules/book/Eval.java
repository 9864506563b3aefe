package io.tlsready.domain.rules.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.os.OsIdentifier;
import io.tlsready.domain.remediation.RegistryChange;
import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.Rule;
import io.tlsready.domain.rules.RuleContext;
import io.tlsready.domain.testing.Hosts;
import io.tlsready.domain.testing.PlanClosure;
import java.util.List;
import java.util.stream.Collectors;

/** Runs one rule against a fixture host, exactly as the rule book does (OS identified first). */
final class Eval {

    private Eval() {
    }

    static Finding run(Rule rule, Hosts host) {
        return run(rule, host.build());
    }

    /** Also checks, for every state a rule test builds, that the host's plan closes what it finds (R16). */
    static Finding run(Rule rule, HostFacts facts) {
        Finding f = rule.evaluate(new RuleContext(facts, OsIdentifier.identify(facts)));
        assertThat(f.rule()).isEqualTo(rule.id());
        assertThat(f.reference()).isNotEmpty();
        PlanClosure.assertCloses(facts);
        return f;
    }

    /** "physicalKey\name=after" for each registry change of the finding's remediation. */
    static List<String> changes(Finding f) {
        return f.remediation().map(r -> r.changes().stream().map(Eval::describe).collect(Collectors.toList()))
                .orElse(List.of());
    }

    static String describe(RegistryChange c) {
        return c.ref().physicalKey() + "\\" + c.ref().name() + "=0x" + Long.toHexString(c.after());
    }
}
