package io.tlsready.domain.rules.book;

import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.rules.Evidence;
import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.Places;
import io.tlsready.domain.rules.Rule;
import io.tlsready.domain.rules.RuleContext;
import io.tlsready.domain.rules.RuleId;
import io.tlsready.domain.rules.Source;
import io.tlsready.domain.rules.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** R7 (second half): with .NET 3.5 installed, v2.0.50727 should carry the same two values ([S4], [S6]). */
final class NetFx35StrongCrypto implements Rule {

    static final ValueRef INSTALLED = ValueRef.of(Places.NDP35, "Install");
    private final NetFxStrongCrypto values = new NetFxStrongCrypto(Places.NETFX2);

    @Override
    public RuleId id() {
        return RuleId.NETFX35_STRONG_CRYPTO;
    }

    @Override
    public String title() {
        return ".NET 3.5 uses strong crypto and the system's TLS versions (when installed)";
    }

    @Override
    public List<Source> sources() {
        return List.of(Source.S4, Source.S6, Source.S8);
    }

    @Override
    public Set<ValueRef> writes() {
        return values.needs();
    }

    @Override
    public Set<ValueRef> needs() {
        Set<ValueRef> all = new java.util.LinkedHashSet<>(values.needs());
        all.add(INSTALLED);
        return all;
    }

    @Override
    public Finding evaluate(RuleContext ctx) {
        RuleContext.Dword installed = ctx.dword(INSTALLED);
        Evidence installEvidence = installed.evidence("1 when .NET 3.5 is installed");
        if (!installed.collected()) {
            return ctx.finding(this, Status.UNKNOWN, "Whether .NET 3.5 is installed was not collected.",
                    List.of(installEvidence));
        }
        if (!installed.is(1)) {
            return ctx.finding(this, Status.NOT_APPLICABLE, ".NET 3.5 is not installed.", List.of(installEvidence));
        }
        NetFxStrongCrypto.Reading r = values.read(ctx, "v2.0.50727");
        List<Evidence> evidence = new ArrayList<>(List.of(installEvidence));
        evidence.addAll(r.evidence());
        if (!r.fix().isEmpty()) {
            return ctx.finding(this, Status.WARN, r.detail() + " .NET 3.5 applications may still use TLS 1.0.",
                    evidence, NetFxStrongCrypto.remediation(r.fix()));
        }
        return ctx.finding(this, r.unknown() ? Status.UNKNOWN : Status.PASS, r.detail(), evidence);
    }
}
