package io.tlsready.domain.rules.book;

import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.remediation.Remediation;
import io.tlsready.domain.remediation.UpdateRequirement;
import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.Places;
import io.tlsready.domain.rules.Rule;
import io.tlsready.domain.rules.RuleContext;
import io.tlsready.domain.rules.RuleId;
import io.tlsready.domain.rules.Source;
import io.tlsready.domain.rules.Status;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** R6: .NET Framework 4.x Release >= 379893 (4.5.2) required, >= 394802 (4.6.2) recommended ([S5], [S6], [S11]). */
final class NetFxVersion implements Rule {

    static final ValueRef RELEASE = ValueRef.of(Places.NDP4_FULL, "Release");
    static final long NET452 = 379893;
    static final long NET462 = 394802;
    private static final long[][] NAMES = {
        {533320, 481}, {528040, 48}, {461808, 472}, {461308, 471}, {460798, 47}, {394802, 462},
        {394254, 461}, {393295, 46}, {379893, 452}, {378675, 451}, {378389, 45}};
    private static final UpdateRequirement NET48 = new UpdateRequirement(".NET Framework 4.8",
            ".NET Framework 4.8 (or 4.8.1 where supported)",
            "https://dotnet.microsoft.com/download/dotnet-framework/net48",
            "After installing, HKLM\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full\\Release is >= 528040.");

    @Override
    public RuleId id() {
        return RuleId.NETFX_VERSION;
    }

    @Override
    public String title() {
        return ".NET Framework 4.5.2 or later is installed (4.6.2+ recommended)";
    }

    @Override
    public List<Source> sources() {
        return List.of(Source.S5, Source.S6, Source.S10, Source.S11);
    }

    @Override
    public Set<ValueRef> needs() {
        return Set.of(RELEASE);
    }

    @Override
    public Finding evaluate(RuleContext ctx) {
        RuleContext.Dword release = ctx.dword(RELEASE);
        var evidence = List.of(release.evidence(">= 379893 (4.5.2); >= 394802 (4.6.2) recommended"));
        if (!release.collected()) {
            Optional<String> builtIn = builtIntoOs(ctx.os());
            if (builtIn.isPresent()) {
                // The OS itself is collected evidence: Windows 10 / Server 2016 and later ship .NET 4.6+ ([S5]).
                String detail = ctx.os().name() + " includes .NET Framework " + builtIn.get()
                        + " or later as part of the OS ([S5]); the Release value itself was not collected.";
                if (ctx.os().build() >= 14393) {
                    return ctx.finding(this, Status.PASS, detail, evidence);
                }
                return ctx.finding(this, Status.WARN, detail, evidence,
                        Remediation.update("Install .NET Framework 4.8", NET48));
            }
            return ctx.finding(this, Status.UNKNOWN, "The .NET 4.x Release value was not collected; export "
                    + Places.NDP4_FULL + ".", evidence);
        }
        if (release.value().isEmpty()) {
            String why = release.absent() ? "No .NET Framework 4.5 or later is installed (Release absent)."
                    : "Release is not a REG_DWORD; the .NET installation looks damaged.";
            return ctx.finding(this, Status.FAIL, why, evidence, Remediation.update("Install .NET Framework 4.8", NET48));
        }
        long r = release.value().get();
        String name = versionName(r);
        if (r < NET452) {
            return ctx.finding(this, Status.FAIL, ".NET " + name + " (Release " + r + ") is older than 4.5.2, "
                    + "which the MARS agent needs.", evidence, Remediation.update("Install .NET Framework 4.8", NET48));
        }
        if (r < NET462) {
            return ctx.finding(this, Status.WARN, ".NET " + name + " (Release " + r + ") works with the registry "
                    + "settings, but 4.6.2+ supports TLS 1.2 without extra updates ([S6]).", evidence,
                    Remediation.update("Install .NET Framework 4.8", NET48));
        }
        return ctx.finding(this, Status.PASS, ".NET " + name + " (Release " + r + ").", evidence);
    }

    /** The .NET Framework version each Windows 10/11 / Server 2016+ build ships with ([S5]); empty before NT 10. */
    static Optional<String> builtIntoOs(io.tlsready.domain.os.OsIdentity os) {
        if (!os.ntAtLeast(10, 0)) {
            return Optional.empty();
        }
        int b = os.build();
        String v = b >= 22621 ? "4.8.1" : b >= 18362 ? "4.8" : b >= 17134 ? "4.7.2" : b >= 16299 ? "4.7.1"
                : b >= 15063 ? "4.7" : b >= 14393 ? "4.6.2" : b >= 10586 ? "4.6.1" : "4.6";
        return Optional.of(v);
    }

    /** "4.7.2" for 461808, "4.x (Release n)" below 4.5. */
    static String versionName(long release) {
        for (long[] n : NAMES) {
            if (release >= n[0]) {
                String digits = Long.toString(n[1]);
                return digits.charAt(0) + "." + String.join(".", digits.substring(1).split(""));
            }
        }
        return "4.0 or older";
    }
}
