package io.tlsready.adapters.winrm.transport;

import io.tlsready.domain.output.Visible;
import io.tlsready.domain.port.Hint;
import io.tlsready.domain.port.HintedText;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import javax.security.auth.x500.X500Principal;

/**
 * Words the refusal of a host's certificate as one line that says what is wrong and what to do. The advice must
 * never lead an admin to trust the wrong server: a certificate for other names gets "connect by one of its names,
 * or fix DNS", never a pin; pinning (with the fingerprint) is offered only for a self-signed certificate that the
 * JDK accepts for this host name once it is trusted. Everything taken from the certificate (names, DNs, the JDK's
 * reason, which quotes them) is hostile data and shown through {@link Visible}.
 */
final class CertificateRefusal {

    /** How many names of a certificate are listed (a load balancer's may hold hundreds). */
    static final int NAMES_SHOWN = 6;
    /** Longest certificate text shown per name or DN. */
    static final int TEXT_SHOWN = 120;
    /** Longest JDK reason shown (it may quote certificate fields). */
    static final int REASON_SHOWN = 300;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /**
     * What the JDK and a second look found out about a refused certificate.
     *
     * @param pathTrusted        the chain validates to a trusted CA, host name aside
     * @param acceptedAsOwnAnchor a self-signed leaf passes the JDK's full check, host name included, when it is
     *                           its own trust anchor: exactly what trusting it by its SHA-256 (or a CA file holding
     *                           it) would make true
     */
    record Findings(boolean pathTrusted, boolean acceptedAsOwnAnchor) {
    }

    private CertificateRefusal() {
    }

    static HintedText explain(String host, X509Certificate[] chain, GeneralSecurityException jdkReason, Findings found,
            Instant now) {
        X509Certificate leaf = chain[0];
        String h = Visible.of(host);
        boolean selfSigned = selfSigned(leaf);
        String origin = selfSigned ? "self-signed" : "issued by " + dn(leaf.getIssuerX500Principal());
        if (!CertificateNames.matches(leaf, host)) {
            return otherNames(h, leaf, origin, found.pathTrusted());
        }
        try {
            leaf.checkValidity(Date.from(now));
        } catch (CertificateExpiredException e) {
            return HintedText.plain("certificate for host " + h + " expired on "
                    + WHEN.format(leaf.getNotAfter().toInstant()) + " (" + validity(leaf) + "; " + origin
                    + "): renew the WinRM HTTPS listener's certificate on the host");
        } catch (CertificateNotYetValidException e) {
            return HintedText.plain("certificate for host " + h + " is not valid before "
                    + WHEN.format(leaf.getNotBefore().toInstant()) + " (" + validity(leaf) + "; " + origin
                    + "): check the clocks of this machine and of the host");
        }
        if (selfSigned) {
            if (found.acceptedAsOwnAnchor()) {
                String sha256 = HostTrust.sha256(leaf);
                return HintedText.of("certificate for host " + h + " is self-signed ("
                        + dn(leaf.getSubjectX500Principal()) + ", " + validity(leaf) + "): if it is that host's own"
                        + " WinRM certificate, compare SHA-256 " + sha256 + " with the certificate on the host, then"
                        + " trust it with ", new Hint.TrustCertificate(sha256), " (or ", new Hint.AddCaCertificate(),
                        " holding it)");
            }
            return HintedText.plain("certificate for host " + h + " is self-signed ("
                    + dn(leaf.getSubjectX500Principal()) + ") and is refused even when trusted as its own CA: "
                    + reason(jdkReason));
        }
        if (!found.pathTrusted()) {
            if (has(jdkReason, CertPathBuilderException.class)) {
                return HintedText.of("certificate for host " + h + " is " + origin + ", which is not a trusted CA"
                        + " here: add that CA's certificate with ", new Hint.AddCaCertificate(),
                        " (PEM), e.g. your private PKI's root");
            }
            return HintedText.of("certificate for host " + h + " (" + origin + ") is not trusted: "
                    + reason(jdkReason) + "; if that CA is yours, add its certificate with ", new Hint.AddCaCertificate(),
                    " (PEM)");
        }
        // The chain is fine and our reading of the names says they match, yet the JDK's host name check refused
        // it: trust the JDK, and word it as the name problem it is.
        return otherNames(h, leaf, origin, true);
    }

    private static HintedText otherNames(String h, X509Certificate leaf, String origin, boolean pathTrusted) {
        List<CertificateNames.Name> names = CertificateNames.of(leaf);
        String held = names.isEmpty() ? "holds no host name" : "is for " + list(names);
        HintedText text = HintedText.plain("certificate for host " + h + " does not match that name: it " + held
                + " (" + origin + (pathTrusted ? "" : ", and not trusted here") + "); connect by one of its names, or"
                + " fix DNS or the inventory if " + h + " reaches the wrong server");
        return pathTrusted ? text
                : text.then("; if it is the right server under another name, add its CA with ", new Hint.AddCaCertificate());
    }

    private static String list(List<CertificateNames.Name> names) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.size() && i < NAMES_SHOWN; i++) {
            CertificateNames.Name n = names.get(i);
            sb.append(i == 0 ? "" : ", ").append(n.kind() == CertificateNames.Kind.CN ? "CN " : "")
                    .append(shown(n.value()));
        }
        if (names.size() > NAMES_SHOWN) {
            sb.append(" and ").append(names.size() - NAMES_SHOWN).append(" more");
        }
        return sb.toString();
    }

    private static String validity(X509Certificate cert) {
        return "valid " + WHEN.format(cert.getNotBefore().toInstant()) + " to "
                + WHEN.format(cert.getNotAfter().toInstant());
    }

    static boolean selfSigned(X509Certificate cert) {
        if (!cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
            return false;
        }
        try {
            cert.verify(cert.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static String dn(X500Principal p) {
        return shown(p.getName(X500Principal.RFC2253));
    }

    /** Visible, and cut: a certificate field can be kilobytes long. */
    private static String shown(String text) {
        String v = Visible.of(text);
        return v.length() > TEXT_SHOWN ? v.substring(0, TEXT_SHOWN - 3) + "..." : v;
    }

    /** The innermost message (PKIX wraps the real reason), on one line, shown safely. */
    private static String reason(Throwable e) {
        String text = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                text = t.getMessage();
            }
        }
        if (text == null) {
            return e.getClass().getSimpleName();
        }
        String v = Visible.of(text.replaceAll("[\\r\\n\\t ]+", " ").strip());
        return v.length() > REASON_SHOWN ? v.substring(0, REASON_SHOWN - 3) + "..." : v;
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
