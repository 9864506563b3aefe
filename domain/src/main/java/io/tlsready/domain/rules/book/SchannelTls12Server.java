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
    public Set<ValueRef> writes() {
        return protocol.needs();
    }

    @Override
    public Set<ValueRef> needs() {
        return protocol.needs();
    }

    @Override
    public Finding evaluate(RuleContext ctx) {
        return protocol.evaluate(this, ctx, Status.WARN, " Azure Backup does not need it; inbound TLS 1.2 (e.g. a MABS/DPM server) does.",
                "Enable the TLS 1.2 server protocol if this host accepts TLS connections "
                + "(`tlsready plan --include-warnings`)");
    }
}
