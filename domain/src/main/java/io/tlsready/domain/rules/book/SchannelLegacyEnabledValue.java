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

/**
 * R8: Enabled=0xFFFFFFFF works (any non-zero enables) but fails DISA STIG and some audit tools, which
 * expect 1 (SChannelDsc #32, [S3]). Informational: tlsready itself writes 1.
 */
final class SchannelLegacyEnabledValue implements Rule {

    private static final long LEGACY = 0xFFFF_FFFFL;
    private static final List<ValueRef> REFS = List.of(
            ValueRef.of(Places.TLS12_CLIENT, "Enabled"), ValueRef.of(Places.TLS12_SERVER, "Enabled"));

    @Override
    public RuleId id() {
        return RuleId.SCHANNEL_LEGACY_ENABLED_VALUE;
    }

    @Override
    public String title() {
        return "SChannel Enabled values use 1, not the legacy 0xFFFFFFFF";
    }

    @Override
    public List<Source> sources() {
        return List.of(Source.S3, Source.S21);
    }

    @Override
    public Set<ValueRef> needs() {
        return Set.copyOf(REFS);
    }

    @Override
    public Finding evaluate(RuleContext ctx) {
        List<Evidence> evidence = new ArrayList<>();
        List<String> legacy = new ArrayList<>();
        boolean collected = false;
        for (ValueRef ref : REFS) {
            RuleContext.Dword d = ctx.dword(ref);
            collected |= d.collected();
            evidence.add(d.evidence("1 (or absent)"));
            if (d.is(LEGACY)) {
                legacy.add(ref.key().substring(ref.key().lastIndexOf('\\') + 1));
            }
        }
        if (!legacy.isEmpty()) {
            return ctx.finding(this, Status.INFO, "TLS 1.2 " + String.join(" and ", legacy) + " Enabled=0xFFFFFFFF: "
                    + "enabled (legacy value; fails some STIG/audit tools, which expect 1).", evidence);
        }
        if (!collected) {
            return ctx.finding(this, Status.UNKNOWN, "The SChannel TLS 1.2 keys were not collected.", evidence);
        }
        return ctx.finding(this, Status.PASS, "No legacy 0xFFFFFFFF Enabled values.", evidence);
    }
}
