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
 * R10: a Group Policy (or local) cipher-suite list decides which suites SChannel offers ([S12]). It FAILs only
 * when it keeps no suite that can negotiate TLS 1.2 with an RSA server certificate at all (only RC4, 3DES, ECDSA
 * or TLS 1.3 suites, say); it WARNs when it keeps TLS 1.2 suites but none of the preferred ECDHE_RSA GCM/CBC-SHA2
 * set (rule book §1f-1; the exact Azure Backup front-end list is UNCONFIRMED). The suggested fix lists ECDHE
 * suites only, so it never puts a DHE suite first where DHE_LEADING_ZERO applies ([S17]).
 */
final class CipherSuites implements Rule {

    static final ValueRef POLICY = ValueRef.of(Places.CIPHER_POLICY, "Functions");
    static final ValueRef LOCAL = ValueRef.of(Places.CIPHER_LOCAL, "Functions");

    /** Suites Azure TLS 1.2 endpoints accept (rule book §1f-1). The ECDHE GCM pair exists only on NT 10+. */
    static final List<String> AZURE_SUITES = List.of(
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256");

    /** The preferred set (rule book R10): ECDHE_RSA with AES GCM or CBC-SHA2, most preferred first. */
    static final List<String> PREFERRED = List.of(
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256");

    /** Key exchanges that work with an RSA server certificate. */
    private static final List<String> RSA_KEY_EXCHANGES = List.of("TLS_RSA_WITH_", "TLS_DHE_RSA_WITH_",
            "TLS_ECDHE_RSA_WITH_");
    /** Ciphers TLS 1.2 peers (Azure among them) refuse or that RFC 5246 forbids in TLS 1.2. */
    private static final List<String> NOT_FOR_TLS12 = List.of("_RC4_", "_3DES_", "_DES_", "_NULL_", "EXPORT",
            "_RC2_");

    @Override
    public RuleId id() {
        return RuleId.CIPHER_SUITES;
    }

    @Override
    public String title() {
        return "The cipher-suite list keeps a TLS 1.2 suite for RSA certificates, preferably ECDHE";
    }

    @Override
    public List<Source> sources() {
        return List.of(Source.S12, Source.S3, Source.S17);
    }

    @Override
    public Set<ValueRef> needs() {
        return Set.of(POLICY, LOCAL);
    }

    @Override
    public Finding evaluate(RuleContext ctx) {
        List<Evidence> evidence = new ArrayList<>();
        String expected = "a TLS 1.2 suite for RSA certificates, preferably one of " + String.join(", ", PREFERRED);
        evidence.add(Evidence.of(POLICY, ctx.value(POLICY), expected));
        evidence.add(Evidence.of(LOCAL, ctx.value(LOCAL), expected));
        boolean ecdheGcm = ecdheGcmAvailable(ctx);
        // The GPO list wins over the local one when present ([S12]).
        for (ValueRef ref : List.of(POLICY, LOCAL)) {
            Optional<List<String>> suites = suites(ctx, ref);
            if (suites.isPresent()) {
                String which = ref == POLICY ? "Group Policy" : "local";
                List<String> tls12 = suites.get().stream().filter(x -> tls12WithRsa(x, ecdheGcm)).toList();
                List<String> preferred = tls12.stream().filter(x -> PREFERRED.contains(base(x))).toList();
                if (tls12.isEmpty()) {
                    return ctx.finding(this, Status.FAIL, "The " + which + " cipher-suite list (" + suites.get().size()
                            + " suites) keeps no suite that can negotiate TLS 1.2 with an RSA server certificate on "
                            + ctx.os().name() + ".", evidence, fix(ref, ecdheGcm));
                }
                if (preferred.isEmpty()) {
                    return ctx.finding(this, Status.WARN, "The " + which + " list keeps " + tls12.size() + " TLS 1.2 "
                            + "suite(s) for RSA certificates (first " + tls12.get(0) + ") but none of the preferred "
                            + "ECDHE_RSA ones.", evidence, fix(ref, ecdheGcm));
                }
                return ctx.finding(this, Status.PASS, "The " + which + " list keeps " + preferred.size()
                        + " preferred ECDHE_RSA suite(s), first " + preferred.get(0)
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

    /** ECDHE_RSA ECDHE GCM suites exist only on Windows 10/2016 and later ([S12]); unknown OS: assume they do. */
    static boolean ecdheGcmAvailable(RuleContext ctx) {
        return ctx.os().ntAtLeast(10, 0) || !ctx.os().identified();
    }

    /** The preferred suites this OS has, ECDHE only, most preferred first: never a DHE suite ([S17]). */
    static List<String> suggested(boolean ecdheGcm) {
        return PREFERRED.stream().filter(x -> ecdheGcm || !x.contains("_GCM_")).toList();
    }

    private static Remediation fix(ValueRef ref, boolean ecdheGcm) {
        return Remediation.manual("Put the preferred ECDHE_RSA suites first",
                (ref == POLICY ? "Edit the GPO \"SSL Cipher Suite Order\"" : "Run Enable-TlsCipherSuite -Position 0")
                        + " so the list starts with " + String.join(", ", suggested(ecdheGcm))
                        + (ecdheGcm ? "" : " (before Windows 10 the names may carry the curve, e.g. _P256)")
                        + "; keep any TLS_DHE_* suite after them.");
    }

    /** True when the suite can negotiate TLS 1.2 with an RSA server certificate on this OS. */
    static boolean tls12WithRsa(String suite, boolean ecdheGcmAvailable) {
        String b = base(suite);
        if (RSA_KEY_EXCHANGES.stream().noneMatch(b::startsWith) || !b.contains("_AES_")
                || NOT_FOR_TLS12.stream().anyMatch(b::contains)) {
            return false;
        }
        return ecdheGcmAvailable || !(b.startsWith("TLS_ECDHE_RSA_WITH_") && b.contains("_GCM_"));
    }

    /** Upper case without the curve suffix old builds append to ECDHE suites ({@code _P256}). */
    static String base(String suite) {
        return suite.trim().toUpperCase(Locale.ROOT).replaceAll("_P(256|384|521)$", "");
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
