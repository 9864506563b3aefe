package io.tlsready.domain.rules.book;

import io.tlsready.domain.facts.Fact;
import io.tlsready.domain.facts.KeyRef;
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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * R12: Azure's TLS endpoints chain to one of six roots (rule book §1f-6, [S1]). A machine trusts a root when its
 * SHA-1 thumbprint is a {@code Certificates} subkey of one of the four machine root stores. None of them trusted
 * while automatic root updates are off by policy (DisableRootAutoUpdate=1): WARN, the TLS handshake to Azure will
 * fail to build a chain. None trusted with automatic updates on: INFO, Windows fetches the root on first use.
 */
final class AzureRootCas implements Rule {

    /**
     * SHA-1 thumbprints, upper case as Windows names the keys (rule book §1f-6), in the rule book's order: findings
     * name the roots in this order in every run ({@code Map.of} would reorder them from one JVM run to the next).
     */
    static final Map<String, String> ROOTS = inOrder(
            "DF3C24F9BFD666761B268073FE06D1CC8D4F82A4", "DigiCert Global Root G2",
            "A8985D3A65E5E5C4B2D7D66D40C6DD2FB19C5436", "DigiCert Global Root CA",
            "D4DE20D05E66FC53FE1A50882C78DB2852CAE474", "Baltimore CyberTrust Root",
            "58E8ABB0361533FB80F79B1B6D29D3FF8D5F00F0", "D-TRUST Root Class 3 CA 2 2009",
            "73A5E64A3BFF8316FF0EDCCC618A906E4EAE4D74", "Microsoft RSA Root CA 2017",
            "999A64C37FF47D9FAB95F14769891460EEC4C3C5", "Microsoft ECC Root CA 2017");
    static final List<String> STORES = List.of(Places.ROOT_STORE, Places.AUTHROOT_STORE, Places.POLICY_ROOT_STORE,
            Places.ENTERPRISE_ROOT_STORE);
    static final ValueRef DISABLE_ROOT_AUTO_UPDATE = ValueRef.of(Places.AUTHROOT_POLICY, "DisableRootAutoUpdate");

    /** Every store x thumbprint key, in a stable order. */
    static List<KeyRef> keys() {
        List<KeyRef> out = new ArrayList<>();
        for (String store : STORES) {
            for (String thumbprint : ROOTS.keySet().stream().sorted().toList()) {
                out.add(KeyRef.of(store + "\\Certificates\\" + thumbprint));
            }
        }
        return out;
    }

    @Override
    public RuleId id() {
        return RuleId.AZURE_ROOT_CAS;
    }

    @Override
    public String title() {
        return "A root CA that Azure's TLS endpoints chain to is trusted";
    }

    @Override
    public List<Source> sources() {
        return List.of(Source.S1);
    }

    @Override
    public Set<ValueRef> needs() {
        return Set.of(DISABLE_ROOT_AUTO_UPDATE);
    }

    @Override
    public Set<KeyRef> needsKeys() {
        return new LinkedHashSet<>(keys());
    }

    @Override
    public Finding evaluate(RuleContext ctx) {
        List<String> trusted = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        boolean allCollected = true;
        for (KeyRef ref : keys()) {
            Fact<String> f = ctx.facts().key(ref);
            if (f instanceof Fact.Present<String> p) {
                trusted.add(ROOTS.get(ref.leaf().toUpperCase(java.util.Locale.ROOT)) + " in "
                        + ref.parent().substring(ref.parent().indexOf("\\SOFTWARE\\") + 10));
                evidence.add(new Evidence(ref.physicalKey(), "", "", "key exists", "one of the six Azure roots",
                        p.origin(), p.at()));
            } else if (!f.isCollected()) {
                allCollected = false;
            }
        }
        if (!trusted.isEmpty()) {
            return ctx.finding(this, Status.PASS, "Trusted: " + String.join("; ", trusted) + ".", evidence);
        }
        RuleContext.Dword policy = ctx.dword(DISABLE_ROOT_AUTO_UPDATE);
        evidence.add(storesEvidence(ctx));
        evidence.add(policy.evidence("absent or 0 (automatic root updates on)"));
        if (!allCollected) {
            return ctx.finding(this, Status.UNKNOWN, "None of the six Azure roots was found, but not every root store "
                    + "was collected; export " + String.join(", ", STORES) + ".", evidence);
        }
        if (policy.is(1)) {
            return ctx.finding(this, Status.WARN, "None of the six roots Azure's TLS endpoints chain to is trusted, "
                    + "and automatic root updates are off (DisableRootAutoUpdate=1): TLS to Azure cannot build a "
                    + "chain ([S1]).", evidence, Remediation.manual("Trust an Azure root",
                    "Import DigiCert Global Root G2 and Microsoft RSA Root CA 2017 into the machine's Trusted Root "
                            + "Certification Authorities (certutil -addstore Root <file.crt>), or allow automatic root "
                            + "updates (Group Policy \"Turn off Automatic Root Certificates Update\": Disabled)."));
        }
        if (!policy.collected()) {
            return ctx.finding(this, Status.UNKNOWN, "None of the six Azure roots is trusted, and whether automatic "
                    + "root updates are off was not collected; export " + Places.AUTHROOT_POLICY + ".", evidence);
        }
        return ctx.finding(this, Status.INFO, "None of the six Azure roots is in the machine's stores yet; automatic "
                + "root updates are on, so Windows fetches the root the first time a chain needs it.", evidence);
    }

    private static Evidence storesEvidence(RuleContext ctx) {
        Set<String> states = new LinkedHashSet<>();
        for (KeyRef ref : keys()) {
            states.add(ctx.facts().key(ref).state());
        }
        return new Evidence(String.join(", ", STORES), "", "", "6 thumbprints x 4 stores: " + String.join("/", states),
                "one of " + String.join(", ", ROOTS.values()), "");
    }

    private static Map<String, String> inOrder(String... thumbprintsAndNames) {
        Map<String, String> roots = new LinkedHashMap<>();
        for (int i = 0; i < thumbprintsAndNames.length; i += 2) {
            roots.put(thumbprintsAndNames[i], thumbprintsAndNames[i + 1]);
        }
        return Collections.unmodifiableMap(roots);
    }
}
