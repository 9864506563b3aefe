package io.tlsready.domain.rules.book;

import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.os.OsIdentifier;
import io.tlsready.domain.os.OsIdentity;
import io.tlsready.domain.os.WindowsRelease;
import io.tlsready.domain.remediation.Remediation;
import io.tlsready.domain.rules.Evidence;
import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.Rule;
import io.tlsready.domain.rules.RuleContext;
import io.tlsready.domain.rules.RuleId;
import io.tlsready.domain.rules.Source;
import io.tlsready.domain.rules.Status;
import java.util.List;
import java.util.Set;

/** R1: TLS 1.2 is impossible before Windows Server 2008 SP2, and on Vista at all ([S2], [S4]). */
final class OsSupported implements Rule {

    @Override
    public RuleId id() {
        return RuleId.OS_SUPPORTED;
    }

    @Override
    public String title() {
        return "The operating system can speak TLS 1.2";
    }

    @Override
    public List<Source> sources() {
        return List.of(Source.S1, Source.S2, Source.S4, Source.S19);
    }

    @Override
    public Set<ValueRef> needs() {
        return OsIdentifier.NEEDS;
    }

    @Override
    public Finding evaluate(RuleContext ctx) {
        OsIdentity os = ctx.os();
        List<Evidence> evidence = Rules.osEvidence(os);
        if (!os.identified()) {
            return ctx.finding(this, Status.UNKNOWN, "The Windows version could not be identified: "
                    + String.join("; ", os.notes()), evidence);
        }
        if (!os.ntAtLeast(6, 0)) {
            return ctx.finding(this, Status.FAIL, os.name() + " has no TLS 1.2 support in SChannel; no update adds it.",
                    evidence, Remediation.manual("Upgrade the operating system",
                            "Move the workload to Windows Server 2012 R2 or later; Azure Backup cannot reach Azure from "
                                    + os.name() + "."));
        }
        if (os.isNt(6, 0)) {
            if (os.release().orElseThrow() == WindowsRelease.VISTA) {
                return ctx.finding(this, Status.FAIL, "Windows Vista does not support TLS 1.2 ([S4]).", evidence,
                        Remediation.manual("Upgrade the operating system", "Upgrade to a supported Windows release."));
            }
            if (os.release().orElseThrow() == WindowsRelease.CLIENT_OR_SERVER) {
                return ctx.finding(this, Status.UNKNOWN, "NT 6.0 is Vista (no TLS 1.2) or Server 2008 (TLS 1.2 with "
                        + "SP2 + KB4019276); the evidence does not say which. Add systeminfo output or export "
                        + OsIdentifier.PRODUCT_OPTIONS + ".", evidence);
            }
            if (os.servicePack() < 2) {
                return ctx.finding(this, Status.FAIL, os.name() + ": TLS 1.2 needs Service Pack 2 and KB4019276.",
                        evidence, Remediation.manual("Install Service Pack 2",
                                "Install Windows Server 2008 Service Pack 2, then KB4019276."));
            }
        }
        if (os.isNt(6, 1) && os.servicePack() < 1) {
            return ctx.finding(this, Status.FAIL, os.name() + ": KB3140245 (TLS 1.2 in WinHTTP) requires Service Pack 1.",
                    evidence, Remediation.manual("Install Service Pack 1", "Install Service Pack 1, then KB3140245."));
        }
        return ctx.finding(this, Status.PASS, os.name() + " supports TLS 1.2.", evidence);
    }
}
