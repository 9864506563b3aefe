package io.tlsready.domain.rules.book;

import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.os.OsIdentity;
import io.tlsready.domain.remediation.RegistryChange;
import io.tlsready.domain.remediation.Remediation;
import io.tlsready.domain.rules.Evidence;
import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.Rule;
import io.tlsready.domain.rules.RuleContext;
import io.tlsready.domain.rules.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one SChannel protocol key ({@code Protocols\TLS 1.2\Client} or {@code \Server}) the way SChannel
 * does ([S3]): Enabled non-zero and DisabledByDefault 0 is enabled; Enabled 0 is disabled; DisabledByDefault
 * non-zero is "disabled by default"; an absent value takes the per-OS default ([S2]): off on NT 6.0/6.1,
 * on from NT 6.2 (R3/R4).
 */
final class SchannelProtocol {

    enum State { ENABLED, ENABLED_BY_OS_DEFAULT, DISABLED, DISABLED_BY_DEFAULT, OFF_BY_OS_DEFAULT, WRONG_TYPE, UNKNOWN }

    record Reading(State state, String detail, List<Evidence> evidence, List<RegistryChange> fix) {
    }

    private final ValueRef enabled;
    private final ValueRef disabledByDefault;

    SchannelProtocol(String key) {
        this.enabled = ValueRef.of(key, "Enabled");
        this.disabledByDefault = ValueRef.of(key, "DisabledByDefault");
    }

    /**
     * The finding for a rule over this key: PASS when TLS 1.2 is on (explicitly or by OS default), UNKNOWN when
     * that cannot be told, and {@code whenOff} with the fix otherwise.
     */
    Finding evaluate(Rule rule, RuleContext ctx, Status whenOff, String offNote, String fixSummary) {
        if (ctx.os().identified() && !ctx.os().ntAtLeast(6, 0)) {
            return ctx.finding(rule, Status.NOT_APPLICABLE, ctx.os().name() + " has no TLS 1.2 in SChannel.", List.of());
        }
        Reading r = read(ctx);
        switch (r.state()) {
            case ENABLED:
            case ENABLED_BY_OS_DEFAULT:
                return ctx.finding(rule, Status.PASS, r.detail(), r.evidence());
            case UNKNOWN:
                return ctx.finding(rule, Status.UNKNOWN, r.detail(), r.evidence());
            default:
                return ctx.finding(rule, whenOff, r.detail() + offNote, r.evidence(),
                        Remediation.registry(fixSummary, r.fix()));
        }
    }

    Set<ValueRef> needs() {
        return Set.of(enabled, disabledByDefault);
    }

    ValueRef enabledRef() {
        return enabled;
    }

    Reading read(RuleContext ctx) {
        RuleContext.Dword en = ctx.dword(enabled);
        RuleContext.Dword dbd = ctx.dword(disabledByDefault);
        List<Evidence> evidence = List.of(en.evidence("non-zero DWORD (1)"), dbd.evidence("DWORD 0"));
        List<RegistryChange> fix = new ArrayList<>();
        if (!en.value().map(v -> v != 0).orElse(false)) {
            fix.add(RegistryChange.set(enabled, 1, en.value(), "SChannel TLS 1.2: Enabled=1 ([S3], STIG expects 1)"));
        }
        if (!dbd.is(0)) {
            fix.add(RegistryChange.set(disabledByDefault, 0, dbd.value(), "SChannel TLS 1.2: DisabledByDefault=0 ([S3])"));
        }
        if (en.is(0)) {
            return new Reading(State.DISABLED, "Enabled=0: SChannel never negotiates TLS 1.2, whatever the caller asks.",
                    evidence, fix);
        }
        if (dbd.value().map(v -> v != 0).orElse(false)) {
            return new Reading(State.DISABLED_BY_DEFAULT, "DisabledByDefault=" + dbd.value().get()
                    + ": TLS 1.2 is used only by programs that ask for it explicitly; .NET and WinHTTP defaults don't.",
                    evidence, fix);
        }
        if (en.wrongType() || dbd.wrongType()) {
            return new Reading(State.WRONG_TYPE, "A value has the wrong registry type; SChannel reads only REG_DWORD, "
                    + "so it is ignored and the OS default applies.", evidence, fix);
        }
        boolean explicitOn = en.value().isPresent() && dbd.value().isPresent();
        if (explicitOn) {
            return new Reading(State.ENABLED, "Enabled=" + en.value().get() + ", DisabledByDefault=0.", evidence, fix);
        }
        if (!en.collected() || !dbd.collected()) {
            return new Reading(State.UNKNOWN, "The SChannel TLS 1.2 values were not collected; export "
                    + enabled.key() + ".", evidence, fix);
        }
        Optional<Boolean> osDefault = defaultEnabled(ctx.os());
        if (osDefault.isEmpty()) {
            return new Reading(State.UNKNOWN, "Values absent and the Windows version is unknown, so the OS default is too.",
                    evidence, fix);
        }
        if (osDefault.get()) {
            return new Reading(State.ENABLED_BY_OS_DEFAULT, "Absent values take the OS default: " + ctx.os().name()
                    + " enables TLS 1.2 by default ([S2]).", evidence, fix);
        }
        return new Reading(State.OFF_BY_OS_DEFAULT, "Absent " + (en.absent() ? "Enabled" : "")
                + (en.absent() && dbd.absent() ? " and " : "") + (dbd.absent() ? "DisabledByDefault" : "")
                + " takes the OS default: on " + ctx.os().name()
                + " TLS 1.2 is supported but disabled by default ([S2]); both values must be set.", evidence, fix);
    }

    /** Per-OS default of TLS 1.2 ([S2] table): off on NT 6.0 and 6.1, on from 6.2. */
    static Optional<Boolean> defaultEnabled(OsIdentity os) {
        if (!os.identified()) {
            return Optional.empty();
        }
        return Optional.of(os.ntAtLeast(6, 2));
    }
}
