package io.tlsready.domain.rules.book;

import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.remediation.RegistryChange;
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

/** R10: Diffie-Hellman and ECDH both disabled removes every suite Azure accepts ([S12]). */
final class KeyExchange implements Rule {

    static final ValueRef DH = ValueRef.of(Places.KEX_DH, "Enabled");
    static final ValueRef ECDH = ValueRef.of(Places.KEX_ECDH, "Enabled");

    @Override
    public RuleId id() {
        return RuleId.KEY_EXCHANGE;
    }

    @Override
    public String title() {
        return "An Azure-compatible key exchange (ECDH or DH) is enabled";
    }

    @Override
    public List<Source> sources() {
        return List.of(Source.S12, Source.S3);
    }

    @Override
    public Set<ValueRef> writes() {
        return Set.of(ECDH);
    }

    @Override
    public Set<ValueRef> needs() {
        return Set.of(DH, ECDH);
    }

    @Override
    public Finding evaluate(RuleContext ctx) {
        RuleContext.Dword dh = ctx.dword(DH);
        RuleContext.Dword ecdh = ctx.dword(ECDH);
        var evidence = List.of(dh.evidence("non-zero or absent"), ecdh.evidence("non-zero or absent"));
        boolean dhOff = dh.is(0);
        boolean ecdhOff = ecdh.is(0);
        if (dhOff && ecdhOff) {
            return ctx.finding(this, Status.FAIL, "Both Diffie-Hellman and ECDH are disabled: no suite Azure accepts "
                    + "can be negotiated.", evidence, Remediation.registry("Re-enable ECDH key exchange",
                    List.of(RegistryChange.set(ECDH, 1, ecdh.value(),
                            "SChannel ECDH key exchange: Enabled=1 ([S3])"))));
        }
        if (!dh.collected() || !ecdh.collected()) {
            return ctx.finding(this, Status.UNKNOWN, "The key-exchange settings were not collected; export "
                    + Places.SCHANNEL + "\\KeyExchangeAlgorithms.", evidence);
        }
        if (ecdhOff) {
            return ctx.finding(this, Status.WARN, "ECDH is disabled: only DHE suites remain, which are slower and "
                    + "prone to the DHE leading-zero failure on older Windows ([S17]).", evidence);
        }
        return ctx.finding(this, Status.PASS, dhOff ? "ECDH is enabled (Diffie-Hellman is off, which is fine)."
                : "ECDH and Diffie-Hellman are not disabled.", evidence);
    }
}
