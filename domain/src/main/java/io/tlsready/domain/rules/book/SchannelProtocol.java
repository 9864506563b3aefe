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
 * on from NT 6.2 (R3/R4). On 6.0/6.1 an absent Enabled with DisabledByDefault=0 is "not disabled", so on
 * (R3, as Microsoft's azure-devops-tls12 checker reads it [S12]). A value that is not a REG_DWORD is ignored
 * by SChannel: it counts as absent, and the finding is WARN (fix the type) where TLS 1.2 still ends up on (R4).
 */
final class SchannelProtocol {

    enum State {
        ENABLED, ENABLED_BY_OS_DEFAULT, NOT_DISABLED, ON_DESPITE_WRONG_TYPE,
        DISABLED, DISABLED_BY_DEFAULT, OFF_BY_OS_DEFAULT, UNKNOWN
    }

    record Reading(State state, String detail, List<Evidence> evidence, List<RegistryChange> fix) {
    }

    private final ValueRef enabled;
    private final ValueRef disabledByDefault;

    SchannelProtocol(String key) {
        this.enabled = ValueRef.of(key, "Enabled");
        this.disabledByDefault = ValueRef.of(key, "DisabledByDefault");
    }

    /**
     * The finding for a rule over this key: PASS when TLS 1.2 is on (explicitly, by OS default, or not
     * disabled), WARN when it is on only because SChannel ignores a wrongly typed value, UNKNOWN when that
     * cannot be told, and {@code whenOff} with the fix otherwise.
     */
    Finding evaluate(Rule rule, RuleContext ctx, Status whenOff, String offNote, String fixSummary) {
        if (ctx.os().identified() && !ctx.os().ntAtLeast(6, 0)) {
            return ctx.finding(rule, Status.NOT_APPLICABLE, ctx.os().name() + " has no TLS 1.2 in SChannel.", List.of());
        }
        Reading r = read(ctx);
        switch (r.state()) {
            case ENABLED:
            case ENABLED_BY_OS_DEFAULT:
            case NOT_DISABLED:
                return ctx.finding(rule, Status.PASS, r.detail(), r.evidence());
            case UNKNOWN:
                return ctx.finding(rule, Status.UNKNOWN, r.detail(), r.evidence());
            case ON_DESPITE_WRONG_TYPE:
                return ctx.finding(rule, Status.WARN, r.detail(), r.evidence(), Remediation.registry(
                        "Rewrite the wrongly typed value as a REG_DWORD so the setting says what it means", r.fix()));
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
        String ignored = wrongTypeNote(en, dbd);
        if (en.is(0)) {
            return new Reading(State.DISABLED, ignored + "Enabled=0: SChannel never negotiates TLS 1.2, whatever the "
                    + "caller asks.", evidence, fix);
        }
        if (dbd.value().map(v -> v != 0).orElse(false)) {
            return new Reading(State.DISABLED_BY_DEFAULT, ignored + "DisabledByDefault=" + dbd.value().get()
                    + ": TLS 1.2 is used only by programs that ask for it explicitly; .NET and WinHTTP defaults don't.",
                    evidence, fix);
        }
        if (en.value().isPresent() && dbd.value().isPresent()) {
            return new Reading(State.ENABLED, "Enabled=" + en.value().get() + ", DisabledByDefault=0.", evidence, fix);
        }
        if (!en.collected() || !dbd.collected()) {
            return new Reading(State.UNKNOWN, ignored + "The SChannel TLS 1.2 values were not collected; export "
                    + enabled.key() + ".", evidence, fix);
        }
        Optional<Boolean> osDefault = defaultEnabled(ctx.os());
        if (osDefault.isEmpty()) {
            return new Reading(State.UNKNOWN, ignored + "Values absent and the Windows version is unknown, so the OS "
                    + "default is too.", evidence, fix);
        }
        // From here each of the two values is absent or ignored, or Enabled non-zero / DisabledByDefault 0.
        boolean on;
        String why;
        if (osDefault.get()) {
            on = true;
            why = "Absent values take the OS default: " + ctx.os().name() + " enables TLS 1.2 by default ([S2]).";
        } else if (dbd.is(0)) {
            on = true;
            why = "DisabledByDefault=0 and Enabled absent: absent Enabled means not disabled ([S3], read so by "
                    + "Microsoft's azure-devops-tls12 checker [S12]), so TLS 1.2 is on. The Azure Backup article "
                    + "also sets Enabled=1 ([S1]).";
        } else {
            on = false;
            why = "Absent " + (en.value().isEmpty() ? "Enabled and DisabledByDefault" : "DisabledByDefault")
                    + " takes the OS default: on " + ctx.os().name() + " TLS 1.2 is supported but disabled by default "
                    + "([S2]); DisabledByDefault must be 0.";
        }
        if (!on) {
            return new Reading(State.OFF_BY_OS_DEFAULT, ignored + why, evidence, fix);
        }
        if (!ignored.isEmpty()) {
            List<RegistryChange> retype = new ArrayList<>();
            if (en.wrongType()) {
                retype.add(RegistryChange.set(enabled, 1, Optional.empty(),
                        "SChannel TLS 1.2: Enabled=1 as a REG_DWORD, replacing a value SChannel ignores ([S3])"));
            }
            if (dbd.wrongType()) {
                retype.add(RegistryChange.set(disabledByDefault, 0, Optional.empty(),
                        "SChannel TLS 1.2: DisabledByDefault=0 as a REG_DWORD, replacing a value SChannel ignores ([S3])"));
            }
            return new Reading(State.ON_DESPITE_WRONG_TYPE, ignored + why, evidence, retype);
        }
        return new Reading(osDefault.get() ? State.ENABLED_BY_OS_DEFAULT : State.NOT_DISABLED, why, evidence, fix);
    }

    /** "Enabled is a REG_SZ, not a REG_DWORD: SChannel ignores it. " or "" when both types are right. */
    private static String wrongTypeNote(RuleContext.Dword en, RuleContext.Dword dbd) {
        List<String> wrong = new ArrayList<>();
        for (RuleContext.Dword d : List.of(en, dbd)) {
            if (d.wrongType()) {
                wrong.add(d.ref().name() + " is a " + d.fact().asOptional().orElseThrow().typeName());
            }
        }
        return wrong.isEmpty() ? "" : String.join(" and ", wrong) + ", not a REG_DWORD: SChannel ignores "
                + (wrong.size() == 1 ? "it" : "them") + " and the OS default applies ([S3]). ";
    }

    /** Per-OS default of TLS 1.2 ([S2] table): off on NT 6.0 and 6.1, on from 6.2. */
    static Optional<Boolean> defaultEnabled(OsIdentity os) {
        if (!os.identified()) {
            return Optional.empty();
        }
        return Optional.of(os.ntAtLeast(6, 2));
    }
}
