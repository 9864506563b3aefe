package io.tlsready.domain.rules.book;

import io.tlsready.domain.facts.Architecture;
import io.tlsready.domain.facts.RegistryView;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.remediation.RegistryChange;
import io.tlsready.domain.remediation.Remediation;
import io.tlsready.domain.rules.Evidence;
import io.tlsready.domain.rules.RuleContext;
import io.tlsready.domain.rules.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * SchUseStrongCrypto=1 and SystemDefaultTlsVersions=1 under one .NET version key, in both registry views on
 * x64 (only the native view on x86). Shared by the 4.x rule (core, FAIL) and the 3.5 rule (WARN).
 */
final class NetFxStrongCrypto {

    record Reading(boolean unknown, String detail, List<Evidence> evidence, List<RegistryChange> fix) {
        boolean pass() {
            return !unknown && fix.isEmpty();
        }
    }

    private final List<ValueRef> nativeRefs;

    NetFxStrongCrypto(String key) {
        this.nativeRefs = List.of(ValueRef.of(key, "SchUseStrongCrypto"), ValueRef.of(key, "SystemDefaultTlsVersions"));
    }

    Set<ValueRef> needs() {
        Set<ValueRef> all = new java.util.LinkedHashSet<>();
        for (ValueRef r : nativeRefs) {
            all.add(r);
            all.add(r.inView(RegistryView.WOW64_32));
        }
        return all;
    }

    Reading read(RuleContext ctx, String sourceTag) {
        List<RegistryView> views = new ArrayList<>(List.of(RegistryView.NATIVE));
        Optional<Architecture> arch = ctx.os().architecture();
        boolean wowCollected = nativeRefs.stream().allMatch(r -> ctx.dword(r.inView(RegistryView.WOW64_32)).collected());
        if (arch.map(Architecture::hasWow64View).orElse(wowCollected)) {
            views.add(RegistryView.WOW64_32);
        }
        List<Evidence> evidence = new ArrayList<>();
        List<RegistryChange> fix = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (RegistryView view : views) {
            for (ValueRef nativeRef : nativeRefs) {
                ValueRef ref = nativeRef.inView(view);
                RuleContext.Dword d = ctx.dword(ref);
                evidence.add(d.evidence("DWORD 1"));
                if (!d.collected()) {
                    missing.add(view.label() + " " + ref.name());
                } else if (!d.is(1)) {
                    problems.add(view.label() + " " + ref.name() + " is " + (d.absent() ? "absent"
                            : d.wrongType() ? "not a REG_DWORD" : Long.toString(d.value().get())));
                    fix.add(RegistryChange.set(ref, 1, d.value(), ".NET " + ref.name() + "=1 in the "
                            + view.label() + " view (" + sourceTag + ")"));
                }
            }
        }
        if (arch.isEmpty() && !wowCollected) {
            missing.add("32-bit view (architecture unknown)");
        }
        if (!problems.isEmpty()) {
            // R16: a plan must close its finding, so every value not collected in a view that may exist on this host
            // (x64, or architecture unknown) is written too; setting 1 is idempotent.
            List<RegistryView> writeViews = arch.map(a -> a.hasWow64View()).orElse(true)
                    ? List.of(RegistryView.NATIVE, RegistryView.WOW64_32) : List.of(RegistryView.NATIVE);
            for (RegistryView view : writeViews) {
                for (ValueRef nativeRef : nativeRefs) {
                    ValueRef ref = nativeRef.inView(view);
                    RuleContext.Dword d = ctx.dword(ref);
                    boolean planned = fix.stream().anyMatch(c -> c.ref().equals(ref));
                    if (!planned && !d.is(1)) {
                        fix.add(RegistryChange.set(ref, 1, d.value(), ".NET " + ref.name() + "=1 in the "
                                + view.label() + " view" + (d.collected() ? "" : ", which was not collected") + " ("
                                + sourceTag + "; R16: both views)"));
                    }
                }
            }
            return new Reading(false, String.join("; ", problems) + ".", evidence, fix);
        }
        if (!missing.isEmpty()) {
            return new Reading(true, "Not collected: " + String.join(", ", missing) + ".", evidence, fix);
        }
        return new Reading(false, "Both values are 1 in " + (views.size() == 2 ? "both views." : "the native view."),
                evidence, fix);
    }

    static Remediation remediation(List<RegistryChange> fix) {
        return Remediation.registry("Set SchUseStrongCrypto=1 and SystemDefaultTlsVersions=1 in both views, then "
                + "restart the obengine service (net stop obengine & net start obengine) [" + Source.S8.name() + "]", fix);
    }
}
