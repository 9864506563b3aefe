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

/** The Server side only matters for inbound TLS (MABS/DPM consoles, agents): a warning, not a blocker ([S3], [S1]). */
final class SchannelTls12Server implements Rule {

    private final SchannelProtocol protocol = new SchannelProtocol(Places.TLS12_SERVER);

    @Override
    public RuleId id() {
        return RuleId.SCHANNEL_TLS12_SERVER;
    }

    @Override
    public String title() {
        return "SChannel TLS 1.2 server is enabled (inbound connections)";
    }

    @Override
    public List<Source> sources() {
        return List.of(Source.S2, Source.S3);
    }

    @Override
    public Set<ValueRef> needs() {
        return protocol.needs();
    }

    @Override
    public Finding evaluate(RuleContext ctx) {
        if (ctx.os().identified() && !ctx.os().ntAtLeast(6, 0)) {
            return ctx.finding(this, Status.NOT_APPLICABLE, ctx.os().name() + " has no TLS 1.2 in SChannel.", List.of());
        }
        SchannelProtocol.Reading r = protocol.read(ctx);
        switch (r.state()) {
            case ENABLED:
            case ENABLED_BY_OS_DEFAULT:
                return ctx.finding(this, Status.PASS, r.detail(), r.evidence());
            case UNKNOWN:
                return ctx.finding(this, Status.UNKNOWN, r.detail(), r.evidence());
            default:
                return ctx.finding(this, Status.WARN, r.detail() + " Azure Backup does not need it; inbound TLS 1.2 "
                        + "(e.g. a MABS/DPM server) does.", r.evidence(), Remediation.registry(
                        "Enable the TLS 1.2 server protocol if this host accepts TLS connections "
                                + "(`tlsready plan --include-warnings`)", r.fix()));
        }
    }
}
