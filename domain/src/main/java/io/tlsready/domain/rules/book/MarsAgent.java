package io.tlsready.domain.rules.book;

import io.tlsready.domain.facts.Architecture;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.ValueRef;
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
 * R13/R14, G10: the MARS agent, when installed, must be recent (>= 2.0.9083.0, else 0x1FBD3; >= 2.0.9249.0 for
 * vault credentials), on 64-bit Windows, not Server Core ([S10]). The registry value holding the agent version
 * is not confirmed by Microsoft text; we read Setup\CurrentVersion when it is there.
 */
final class MarsAgent implements Rule {

    static final ValueRef INSTALL_PATH = ValueRef.of(Places.MARS_SETUP, "InstallPath");
    static final ValueRef VERSION = ValueRef.of(Places.MARS_SETUP, "CurrentVersion");
    private static final int[] MINIMUM = {2, 0, 9083, 0};
    private static final int[] RECOMMENDED = {2, 0, 9249, 0};

    @Override
    public RuleId id() {
        return RuleId.MARS_AGENT;
    }

    @Override
    public String title() {
        return "The MARS agent (if installed) is a supported version on a supported OS";
    }

    @Override
    public List<Source> sources() {
        return List.of(Source.S10, Source.S11);
    }

    @Override
    public Set<ValueRef> needs() {
        return Set.of(INSTALL_PATH, VERSION);
    }

    @Override
    public Finding evaluate(RuleContext ctx) {
        var installed = ctx.value(INSTALL_PATH);
        List<Evidence> evidence = new ArrayList<>(List.of(Evidence.of(INSTALL_PATH, installed, "present when installed"),
                Evidence.of(VERSION, ctx.value(VERSION), ">= 2.0.9249.0")));
        if (!installed.isCollected()) {
            return ctx.finding(this, Status.UNKNOWN, "Whether the MARS agent is installed was not collected; export "
                    + Places.MARS_SETUP + ".", evidence);
        }
        if (!installed.isPresent()) {
            return ctx.finding(this, Status.NOT_APPLICABLE, "The MARS agent is not installed.", evidence);
        }
        if (ctx.os().architecture().map(a -> a == Architecture.X86).orElse(false)) {
            return ctx.finding(this, Status.FAIL, "The MARS agent supports only 64-bit Windows ([S10]).", evidence,
                    Remediation.manual("Move to 64-bit Windows", "Reinstall the workload on 64-bit Windows."));
        }
        if (ctx.os().serverCore()) {
            return ctx.finding(this, Status.FAIL, "The MARS agent does not support Server Core ([S10]).", evidence,
                    Remediation.manual("Use a supported installation", "Back up from a Server with Desktop Experience."));
        }
        Optional<int[]> version = ctx.value(VERSION).asOptional().filter(RegValue.Str.class::isInstance)
                .map(v -> parse(((RegValue.Str) v).value()));
        if (version.isEmpty() || version.get().length == 0) {
            return ctx.finding(this, Status.INFO, "The MARS agent is installed; its version is not in the evidence: "
                    + "check the file version of <InstallPath>\\bin\\cbengine.exe (>= 2.0.9249.0).", evidence);
        }
        Remediation upgrade = Remediation.manual("Upgrade the MARS agent",
                "Download the latest MARS agent from the Recovery Services vault and install it over the old one.");
        if (compare(version.get(), MINIMUM) < 0) {
            return ctx.finding(this, Status.FAIL, "MARS agent older than 2.0.9083.0 is rejected by the service "
                    + "(0x1FBD3).", evidence, upgrade);
        }
        if (compare(version.get(), RECOMMENDED) < 0) {
            return ctx.finding(this, Status.WARN, "MARS agent older than 2.0.9249.0 cannot use current vault "
                    + "credentials.", evidence, upgrade);
        }
        return ctx.finding(this, Status.PASS, "The MARS agent version is current enough.", evidence);
    }

    static int[] parse(String v) {
        String[] parts = v.trim().split("\\.");
        int[] out = new int[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                out[i] = Integer.parseInt(parts[i]);
            }
        } catch (NumberFormatException e) {
            return new int[0];
        }
        return out;
    }

    static int compare(int[] a, int[] b) {
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int x = i < a.length ? a[i] : 0;
            int y = i < b.length ? b[i] : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }
}
