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

/** R3/R4: outbound TLS 1.2 (MARS to Azure) needs the SChannel TLS 1.2 Client protocol enabled ([S1], [S2], [S3]). */
final class SchannelTls12Client implements Rule {

    private final SchannelProtocol protocol = new SchannelProtocol(Places.TLS12_CLIENT);

    @Override
    public RuleId id() {
        return RuleId.SCHANNEL_TLS12_CLIENT;
    }

    @Override
    public String title() {
        return "SChannel TLS 1.2 client is enabled";
    }

    @Override
    public List<Source> sources() {
        return List.of(Source.S1, Source.S2, Source.S3, Source.S12);
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
        return protocol.evaluate(this, ctx, Status.FAIL, "",
                "Enable the TLS 1.2 client protocol (Enabled=1, DisabledByDefault=0), then restart the "
                + "host (or at least the obengine service)");
    }
}
