package io.tlsready.domain.rules.book;

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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * R10: a Group Policy (or local) cipher-suite list that contains no suite Azure endpoints accept makes
 * TLS 1.2 to Azure impossible, whatever the protocol keys say ([S12], rule book §1f-1).
 */
final class CipherSuites implements Rule {

    static final ValueRef POLICY = ValueRef.of(Places.CIPHER_POLICY, "Functions");
    static final ValueRef LOCAL = ValueRef.of(Places.CIPHER_LOCAL, "Functions");

    /** Suites Azure TLS 1.2 endpoints accept (rule book §1f-1). The ECDHE GCM pair exists only on NT 10+. */
    static final List<String> AZURE_SUITES = List.of(
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256");

    @Override
    public RuleId id() {
        return RuleId.CIPHER_SUITES;
    }

    @Override
    public String title() {
        return "The cipher-suite list keeps a suite Azure accepts";
    }

    @Override
    public List<Source> sources() {
        return List.of(Source.S12, Source.S3);
    }

    @Override
    public Set<ValueRef> needs() {
        return Set.of(POLICY, LOCAL);
    }

    @Override
    public Finding evaluate(RuleContext ctx) {
        List<Evidence> evidence = new ArrayList<>();
        String expected = "contains one of " + String.join(", ", AZURE_SUITES);
        evidence.add(Evidence.of(POLICY, ctx.value(POLICY), expected));
        evidence.add(Evidence.of(LOCAL, ctx.value(LOCAL), expected));
        // The GPO list wins over the local one when present ([S12]).
        for (ValueRef ref : List.of(POLICY, LOCAL)) {
            Optional<List<String>> suites = suites(ctx, ref);
            if (suites.isPresent()) {
                String which = ref == POLICY ? "Group Policy" : "local";
                List<String> usable = usable(suites.get(), ctx.os().ntAtLeast(10, 0) || !ctx.os().identified());
                if (usable.isEmpty()) {
                    return ctx.finding(this, Status.FAIL, "The " + which + " cipher-suite list (" + suites.get().size()
                            + " suites) has no suite Azure accepts on " + ctx.os().name() + ".", evidence,
                            Remediation.manual("Add an Azure-compatible suite",
                                    (ref == POLICY ? "Edit the GPO \"SSL Cipher Suite Order\"" : "Run Enable-TlsCipherSuite")
                                            + " to include e.g. " + AZURE_SUITES.get(2) + " (and on Windows 10/2016+ "
                                            + AZURE_SUITES.get(0) + ")."));
                }
                return ctx.finding(this, Status.PASS, "The " + which + " list has " + usable.size()
                        + " Azure-compatible suite(s), first " + usable.get(0)
                        + (ref == POLICY ? "; note: GPO re-applies and overrides local changes." : "."), evidence);
            }
        }
        if (!ctx.value(POLICY).isCollected()) {
            return ctx.finding(this, Status.UNKNOWN, "The Group Policy cipher-suite list was not collected; export "
                    + Places.CIPHER_POLICY + ".", evidence);
        }
        return ctx.finding(this, Status.PASS, "No cipher-suite list is configured; the OS default order applies.",
                evidence);
    }

    /** The configured list, from REG_SZ (comma-separated, the GPO form) or REG_MULTI_SZ (the local form). */
    static Optional<List<String>> suites(RuleContext ctx, ValueRef ref) {
        RegValue v = ctx.value(ref).asOptional().orElse(null);
        if (v instanceof RegValue.Str s) {
            return Optional.of(Arrays.stream(s.value().split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList());
        }
        if (v instanceof RegValue.MultiStr m) {
            return Optional.of(m.values().stream().map(String::trim).filter(x -> !x.isEmpty()).toList());
        }
        return Optional.empty();
    }

    /** Suites in list order that Azure accepts; old builds spell ECDHE suites with a curve suffix (_P256). */
    static List<String> usable(List<String> suites, boolean ecdheGcmAvailable) {
        List<String> out = new ArrayList<>();
        for (String s : suites) {
            String base = s.toUpperCase(Locale.ROOT).replaceAll("_P(256|384|521)$", "");
            if (AZURE_SUITES.contains(base) && (ecdheGcmAvailable || !base.startsWith("TLS_ECDHE_RSA_WITH_AES_")
                    || !base.contains("_GCM_"))) {
                out.add(s);
            }
        }
        return out;
    }
}
