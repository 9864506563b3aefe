package io.tlsready.domain.rules.book;

import io.tlsready.domain.facts.Fact;
import io.tlsready.domain.facts.InstalledUpdates;
import io.tlsready.domain.facts.SourceLine;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.os.OsIdentity;
import io.tlsready.domain.os.WindowsRelease;
import io.tlsready.domain.remediation.Remediation;
import io.tlsready.domain.remediation.UpdateRequirement;
import io.tlsready.domain.rules.Evidence;
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
 * KB4019276 on Server 2008 SP2; KB3140245 on 7 SP1 / 2008 R2 SP1 / 2012 ([S1], [S7], [S23]).
 * READY must never rest on an unconfirmed update, so a missing update list is UNKNOWN (design.md).
 */
final class OsTls12Update implements Rule {

    static final UpdateRequirement KB4019276 = new UpdateRequirement("KB4019276",
            "Update to add support for TLS 1.1 and TLS 1.2 in Windows Server 2008 SP2",
            "https://support.microsoft.com/help/4019276",
            "Run `wmic qfe get hotfixid | findstr 4019276`; if absent, a monthly rollup from 2019 or later "
                    + "(OS build 6003) also carries it: check `ver` shows 6.0.6003.");
    static final UpdateRequirement KB3140245 = new UpdateRequirement("KB3140245",
            "Update to enable TLS 1.1 and TLS 1.2 as default secure protocols in WinHTTP",
            "https://support.microsoft.com/help/3140245",
            "Run `wmic qfe get hotfixid | findstr 3140245`. If a later monthly rollup is installed instead, "
                    + "Windows Update will report KB3140245 as not applicable: confirm that before installing.");

    @Override
    public RuleId id() {
        return RuleId.OS_TLS12_UPDATE;
    }

    @Override
    public String title() {
        return "The OS update that adds TLS 1.2 is installed";
    }

    @Override
    public List<Source> sources() {
        return List.of(Source.S1, Source.S7, Source.S23, Source.S18);
    }

    @Override
    public Set<ValueRef> needs() {
        return Set.of();
    }

    @Override
    public boolean needsUpdates() {
        return true;
    }

    @Override
    public Finding evaluate(RuleContext ctx) {
        OsIdentity os = ctx.os();
        if (!os.identified()) {
            return ctx.finding(this, Status.UNKNOWN, "The Windows version is unknown, so the required update is too.",
                    Rules.osEvidence(os));
        }
        UpdateRequirement kb;
        if (os.isNt(6, 0) && os.release().orElseThrow() != WindowsRelease.VISTA) {
            if (os.build() >= 6003) {
                return ctx.finding(this, Status.PASS, "Build 6003 means the 2019+ monthly rollups are installed; they "
                        + "include KB4019276's TLS 1.2 support ([S18]).", Rules.osEvidence(os));
            }
            kb = KB4019276;
        } else if (os.release().orElseThrow() == WindowsRelease.WINDOWS_8) {
            return windows8(ctx);
        } else if (os.isNt(6, 1) || os.isNt(6, 2)) {
            kb = KB3140245;
        } else {
            return ctx.finding(this, Status.NOT_APPLICABLE, os.ntAtLeast(6, 3)
                    ? os.name() + " has TLS 1.2 built in; no extra update is needed."
                    : os.name() + " cannot get TLS 1.2 from any update (see OS_SUPPORTED).", Rules.osEvidence(os));
        }
        Fact<InstalledUpdates> updates = ctx.facts().updates();
        if (!updates.isCollected()) {
            String why = ((Fact.NotCollected<InstalledUpdates>) updates).why();
            return ctx.finding(this, Status.UNKNOWN, kb.kb() + " is required on " + os.name()
                    + ", and no installed-update list was collected (" + why + "). Add `systeminfo` or "
                    + "`wmic qfe` output.", List.of(Evidence.other("installed updates", "NOT_COLLECTED: " + why,
                    kb.kb() + " listed", "")));
        }
        InstalledUpdates list = updates.asOptional().orElse(new InstalledUpdates(Set.of()));
        String origin = updates instanceof Fact.Present<InstalledUpdates> p ? p.origin() : "";
        Evidence evidence = Evidence.other("installed updates",
                list.contains(kb.kb()) ? kb.kb() + " listed" : kb.kb() + " not among " + list.kbs().size() + " updates",
                kb.kb() + " listed", origin, listedAt(updates, list, kb.kb()));
        if (list.contains(kb.kb())) {
            return ctx.finding(this, Status.PASS, kb.kb() + " is installed.", List.of(evidence));
        }
        if (!list.complete()) {
            return ctx.finding(this, Status.UNKNOWN, kb.kb() + " is not in the update list, but the list is "
                    + "incomplete (systeminfo truncates long lists). Add `wmic qfe` or Get-HotFix output.",
                    List.of(evidence));
        }
        return ctx.finding(this, Status.FAIL, kb.kb() + " (" + kb.title() + ") is not in the installed-update list.",
                List.of(evidence), Remediation.update("Install " + kb.kb(), kb));
    }

    /** The line that lists {@code kb} in the update list's file, else the file as a whole (issue 13). */
    private static Optional<SourceLine> listedAt(Fact<InstalledUpdates> updates, InstalledUpdates list, String kb) {
        int line = list.lineOf(kb);
        return updates.at().map(a -> line > 0 ? new SourceLine(a.file(), line) : a);
    }

    /**
     * R5: KB3140245 is offered for 7 SP1, 2008 R2 SP1 and Server 2012 (and Windows 8 Embedded) only ([S7]); on
     * Windows 8.0 client WinHTTP cannot be given TLS 1.2 as its default, so the fix is the upgrade to 8.1, which
     * has it natively ([S6]). An update list that does list it (an Embedded image) still proves it.
     */
    private Finding windows8(RuleContext ctx) {
        Fact<InstalledUpdates> updates = ctx.facts().updates();
        boolean listed = updates.asOptional().map(u -> u.contains(KB3140245.kb())).orElse(false);
        String origin = updates instanceof Fact.Present<InstalledUpdates> p ? p.origin() : "";
        Evidence evidence = Evidence.other("installed updates", listed ? KB3140245.kb() + " listed"
                : updates.isCollected() ? KB3140245.kb() + " not listed" : "NOT_COLLECTED", "Windows 8.1 or later", origin,
                listedAt(updates, updates.asOptional().orElse(new InstalledUpdates(Set.of())), KB3140245.kb()));
        if (listed) {
            return ctx.finding(this, Status.PASS, KB3140245.kb() + " is installed (a Windows 8 Embedded image).",
                    List.of(evidence));
        }
        return ctx.finding(this, Status.FAIL, "KB3140245 does not apply to Windows 8.0 (client), so WinHTTP cannot "
                + "use TLS 1.2 by default; Windows 8.1 has it built in ([S7], [S6]).",
                Rules.concat(Rules.osEvidence(ctx.os()), List.of(evidence)),
                Remediation.manual("Upgrade to Windows 8.1", "Upgrade to Windows 8.1: KB3140245 does not apply to "
                        + "Windows 8.0, and Windows 8.1 uses TLS 1.2 in WinHTTP natively."));
    }
}
