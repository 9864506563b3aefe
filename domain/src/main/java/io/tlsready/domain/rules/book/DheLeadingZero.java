package io.tlsready.domain.rules.book;

import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.remediation.Remediation;
import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.Rule;
import io.tlsready.domain.rules.RuleContext;
import io.tlsready.domain.rules.RuleId;
import io.tlsready.domain.rules.Source;
import io.tlsready.domain.rules.Status;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * R11: on 2012 R2 and older (and Windows 10 1507), TLS_DHE suites fail intermittently with "an existing
 * connection was forcibly closed" when one side lacks the leading-zero fix (KB4557473, [S17]) — the same
 * 10054 symptom Azure Backup reports.
 */
final class DheLeadingZero implements Rule {

    @Override
    public RuleId id() {
        return RuleId.DHE_LEADING_ZERO;
    }

    @Override
    public String title() {
        return "No TLS_DHE suite comes first on a Windows affected by the DHE leading-zero bug";
    }

    @Override
    public List<Source> sources() {
        return List.of(Source.S17);
    }

    @Override
    public Set<ValueRef> needs() {
        return Set.of(CipherSuites.POLICY, CipherSuites.LOCAL, KeyExchange.DH);
    }

    @Override
    public Finding evaluate(RuleContext ctx) {
        if (!ctx.os().identified()) {
            return ctx.finding(this, Status.UNKNOWN, "The Windows version is unknown.", List.of());
        }
        boolean affected = ctx.os().ntAtLeast(6, 0) && (!ctx.os().ntAtLeast(10, 0) || ctx.os().build() == 10240);
        if (!affected) {
            return ctx.finding(this, Status.NOT_APPLICABLE, ctx.os().name() + " is not affected (KB4557473).", List.of());
        }
        if (ctx.dword(KeyExchange.DH).is(0)) {
            return ctx.finding(this, Status.PASS, "Diffie-Hellman key exchange is disabled; no DHE suite is used.",
                    List.of(ctx.dword(KeyExchange.DH).evidence("0 avoids DHE")));
        }
        for (ValueRef ref : List.of(CipherSuites.POLICY, CipherSuites.LOCAL)) {
            Optional<List<String>> suites = CipherSuites.suites(ctx, ref);
            if (suites.isPresent()) {
                List<String> usable = CipherSuites.usable(suites.get(), ctx.os().ntAtLeast(10, 0));
                var evidence = List.of(io.tlsready.domain.rules.Evidence.of(ref, ctx.value(ref),
                        "first Azure-compatible suite is not TLS_DHE_*"));
                if (!usable.isEmpty() && usable.get(0).toUpperCase(java.util.Locale.ROOT).startsWith("TLS_DHE_")) {
                    return ctx.finding(this, Status.WARN, "The first Azure-compatible suite is " + usable.get(0)
                            + " on " + ctx.os().name() + ": intermittent \"forcibly closed\" (10054) errors.",
                            evidence, dheFix());
                }
                return ctx.finding(this, Status.PASS, "No TLS_DHE suite comes first.", evidence);
            }
        }
        return ctx.finding(this, Status.INFO, ctx.os().name() + " is affected by the DHE leading-zero bug if it "
                + "negotiates TLS_DHE suites; make sure the latest cumulative update (KB4557473 or later) is installed.",
                List.of());
    }

    private static Remediation dheFix() {
        return Remediation.manual("Prefer ECDHE or install the fix",
                "Install the cumulative update that contains KB4557473's fix, or move TLS_ECDHE_* suites ahead of "
                        + "TLS_DHE_* (Disable-TlsCipherSuite / GPO \"SSL Cipher Suite Order\").");
    }
}
