package io.tlsready.domain.rules.book;

import io.tlsready.domain.facts.Architecture;
import io.tlsready.domain.facts.RegistryView;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.os.WindowsRelease;
import io.tlsready.domain.remediation.RegistryChange;
import io.tlsready.domain.remediation.Remediation;
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
import java.util.Optional;
import java.util.Set;

/**
 * R5: on 7 / 2008 R2 / 2012, WinHTTP uses TLS 1.2 by default only when DefaultSecureProtocols has bit
 * 0x800, in the 64-bit and (on x64) the 32-bit view ([S1], [S6], [S7]). Without the value the OS default
 * is 0x0A0 (SSL 3.0 + TLS 1.0).
 */
final class WinHttpDefaultSecureProtocols implements Rule {

    static final long TLS12 = 0x800;
    static final long SSL_BITS = 0x8 | 0x20;
    /**
     * Written when the value is absent: TLS 1.0 + 1.1 + 1.2, so adding 1.2 does not take 1.0 away (R16). Not
     * ConfigMgr's 0xAA0 ([S6]): that keeps the OS default's SSL 3.0 bit (0x20), which this rule warns about.
     */
    static final long WRITE_WHEN_ABSENT = 0xA80;

    static final ValueRef NATIVE = ValueRef.of(Places.WINHTTP, "DefaultSecureProtocols");
    static final ValueRef WOW = NATIVE.inView(RegistryView.WOW64_32);

    /** R16: (existing value without the SSL 2.0/3.0 bits) OR 0x800; 0xA80 when absent or unknown. */
    static RegistryChange closing(ValueRef ref, Optional<Long> before, String reason) {
        return RegistryChange.updateBits(ref, SSL_BITS, TLS12, before, WRITE_WHEN_ABSENT, reason);
    }

    @Override
    public RuleId id() {
        return RuleId.WINHTTP_DEFAULT_SECURE_PROTOCOLS;
    }

    @Override
    public String title() {
        return "WinHTTP uses TLS 1.2 by default (DefaultSecureProtocols has 0x800)";
    }

    @Override
    public List<Source> sources() {
        return List.of(Source.S1, Source.S6, Source.S7);
    }

    @Override
    public Set<ValueRef> writes() {
        return Set.of(NATIVE, WOW);
    }

    @Override
    public Set<ValueRef> needs() {
        return Set.of(NATIVE, WOW);
    }

    @Override
    public Finding evaluate(RuleContext ctx) {
        if (!ctx.os().identified()) {
            return ctx.finding(this, Status.UNKNOWN, "The Windows version is unknown; the value is required only on "
                    + "7 / 2008 R2 / 2012.", List.of(ctx.dword(NATIVE).evidence("0x800 bit set")));
        }
        if (!(ctx.os().isNt(6, 1) || ctx.os().isNt(6, 2))) {
            return ctx.finding(this, Status.NOT_APPLICABLE, ctx.os().ntAtLeast(6, 3)
                    ? ctx.os().name() + " uses TLS 1.2 in WinHTTP natively ([S6])."
                    : "The KB3140245 WinHTTP setting applies only to 7 / 2008 R2 / 2012.", List.of());
        }
        List<ValueRef> views = new ArrayList<>(List.of(NATIVE));
        Optional<Architecture> arch = ctx.os().architecture();
        // Architecture unknown and no 32-bit view: the native view can still prove a FAIL, never a PASS.
        boolean wowUnknowable = arch.isEmpty() && !ctx.dword(WOW).collected();
        if (arch.map(Architecture::hasWow64View).orElse(true)) {
            views.add(WOW);
        }
        List<Evidence> evidence = new ArrayList<>();
        List<RegistryChange> fix = new ArrayList<>();
        List<RegistryChange> sslFix = new ArrayList<>();
        List<ValueRef> uncollected = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (ValueRef ref : views) {
            RuleContext.Dword d = ctx.dword(ref);
            evidence.add(d.evidence("DWORD with bit 0x800 (TLS 1.2), e.g. 0x00000a80"));
            if (!d.collected()) {
                uncollected.add(ref);
            } else if (d.value().map(v -> (v & TLS12) != 0).orElse(false)) {
                if ((d.value().get() & SSL_BITS) != 0) {
                    sslFix.add(closing(ref, d.value(), "WinHTTP DefaultSecureProtocols: clear SSL 2.0/3.0 (0x8/0x20), "
                            + "keep the other bits (R16)"));
                }
            } else {
                problems.add(ref.view().label() + " view: " + (d.absent() ? "absent (OS default 0x0A0 lacks TLS 1.2)"
                        : d.wrongType() ? "not a REG_DWORD" : Rules.hex(d.value().get()) + " lacks 0x800"));
                fix.add(closing(ref, d.value(), "WinHTTP DefaultSecureProtocols: add TLS 1.2 (0x800), clear SSL "
                        + "2.0/3.0 (0x8/0x20), keep TLS 1.0/1.1 ([S7], R16)"));
            }
        }
        String win8 = ctx.os().release().orElse(null) == WindowsRelease.WINDOWS_8
                ? " On Windows 8.0 the value takes effect only after the upgrade to Windows 8.1 (see OS_TLS12_UPDATE)."
                : "";
        if (!problems.isEmpty()) {
            // A plan must close its finding (R16): views never collected get the value too (0xA80, as when absent).
            for (ValueRef ref : uncollected) {
                fix.add(closing(ref, Optional.empty(), "WinHTTP DefaultSecureProtocols in the " + ref.view().label()
                        + " view, which was not collected: written as for an absent value ([S7], R16)"));
            }
            fix.addAll(sslFix);
            return ctx.finding(this, Status.FAIL, String.join("; ", problems) + "." + win8, evidence,
                    Remediation.registry("Add bit 0x800 to DefaultSecureProtocols in each view (needs KB3140245), "
                            + "then restart the host", fix));
        }
        if (wowUnknowable) {
            return ctx.finding(this, Status.UNKNOWN, "The architecture is unknown and the 32-bit view was not "
                    + "collected; on x64 both views need the value.", evidence);
        }
        if (!uncollected.isEmpty()) {
            return ctx.finding(this, Status.UNKNOWN, "DefaultSecureProtocols was not collected in every view; export "
                    + NATIVE.key() + " and its WOW6432Node twin.", evidence);
        }
        if (!sslFix.isEmpty()) {
            return ctx.finding(this, Status.WARN, "TLS 1.2 is on, but SSL 2.0/3.0 bits (0x8/0x20) are set too.",
                    evidence, Remediation.registry("Clear the SSL bits (0x8/0x20) in DefaultSecureProtocols, keeping "
                            + "the TLS bits, then restart the host", sslFix));
        }
        return ctx.finding(this, Status.PASS, "Bit 0x800 is set in " + (views.size() == 2 ? "both views." : "the native view."),
                evidence);
    }
}
