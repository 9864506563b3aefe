package io.tlsready.domain.rules.book;

import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.Places;
import io.tlsready.domain.rules.Rule;
import io.tlsready.domain.rules.RuleContext;
import io.tlsready.domain.rules.RuleId;
import io.tlsready.domain.rules.Source;
import io.tlsready.domain.rules.Status;
import java.util.List;
import java.util.Set;

/** R7: .NET 4.x must use strong crypto and the OS's TLS versions, in both views on x64 ([S1], [S4], [S8]). */
final class NetFx4StrongCrypto implements Rule {

    private final NetFxStrongCrypto values = new NetFxStrongCrypto(Places.NETFX4);

    @Override
    public RuleId id() {
        return RuleId.NETFX_STRONG_CRYPTO;
    }

    @Override
    public String title() {
        return ".NET 4.x uses strong crypto and the system's TLS versions (both views)";
    }

    @Override
    public List<Source> sources() {
        return List.of(Source.S1, Source.S4, Source.S6, Source.S8);
    }

    @Override
    public Set<ValueRef> writes() {
        return values.needs();
    }

    @Override
    public Set<ValueRef> needs() {
        return values.needs();
    }

    @Override
    public Finding evaluate(RuleContext ctx) {
        NetFxStrongCrypto.Reading r = values.read(ctx, "v4.0.30319");
        if (!r.fix().isEmpty()) {
            return ctx.finding(this, Status.FAIL, r.detail(), r.evidence(), NetFxStrongCrypto.remediation(r.fix()));
        }
        return ctx.finding(this, r.unknown() ? Status.UNKNOWN : Status.PASS, r.detail(), r.evidence());
    }
}
