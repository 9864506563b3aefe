package io.tlsready.domain.rules.book;

import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.remediation.Remediation;
import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.Places;
import io.tlsready.domain.rules.Rule;
import io.tlsready.domain.rules.RuleContext;
import io.tlsready.domain.rules.RuleId;
import io.tlsready.domain.rules.Source;
import io.tlsready.domain.rules.Status;
import java.util.List;
import java.util.Set;

/** R9: the FIPS policy can make SChannel negotiate TLS 1.0 even with it disabled ([S6]); effect on MARS unconfirmed. */
final class FipsPolicy implements Rule {

    static final ValueRef ENABLED = ValueRef.of(Places.FIPS, "Enabled");

    @Override
    public RuleId id() {
        return RuleId.FIPS_POLICY;
    }

    @Override
    public String title() {
        return "The FIPS algorithm policy is off";
    }

    @Override
    public List<Source> sources() {
        return List.of(Source.S6, Source.S21);
    }

    @Override
    public Set<ValueRef> needs() {
        return Set.of(ENABLED);
    }

    @Override
    public Finding evaluate(RuleContext ctx) {
        RuleContext.Dword d = ctx.dword(ENABLED);
        var evidence = List.of(d.evidence("0 or absent"));
        if (!d.collected()) {
            return ctx.finding(this, Status.UNKNOWN, "The FIPS policy was not collected; export " + Places.FIPS + ".",
                    evidence);
        }
        if (d.value().map(v -> v != 0).orElse(false)) {
            return ctx.finding(this, Status.WARN, "FIPS mode is on: SChannel may fall back to TLS 1.0 ([S6]).", evidence,
                    Remediation.manual("Review the FIPS policy",
                            "If no compliance rule requires it, disable \"System cryptography: Use FIPS compliant "
                                    + "algorithms\" in Group Policy (it is usually set by GPO, so change it there)."));
        }
        return ctx.finding(this, Status.PASS, "FIPS mode is off.", evidence);
    }
}
