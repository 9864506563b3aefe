package io.tlsready.adapters.winrm.transport;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * The host names a server certificate is for, as HTTPS clients read them (RFC 6125, RFC 2818): the subjectAltName
 * DNS and IP entries, or the subject's CN when there is no DNS entry. Used to word a refusal; the trust decision
 * itself stays the JDK's.
 */
final class CertificateNames {

    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /** Where a name comes from. */
    enum Kind { DNS, IP, CN }

    /** One name the certificate holds. */
    record Name(String value, Kind kind) {
    }

    private CertificateNames() {
    }

    /** SAN DNS and IP entries in certificate order, then the CN(s) when there is no DNS entry (clients fall back to it). */
    static List<Name> of(X509Certificate cert) {
        List<Name> out = new ArrayList<>();
        boolean anyDns = false;
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> entry : sans) {
                    if (entry.size() < 2 || !(entry.get(0) instanceof Integer type)
                            || !(entry.get(1) instanceof String value)) {
                        continue;
                    }
                    if (type == SAN_DNS) {
                        anyDns = true;
                        out.add(new Name(value, Kind.DNS));
                    } else if (type == SAN_IP) {
                        out.add(new Name(value, Kind.IP));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // An unparsable SAN extension names nothing; the CN below is all there is.
        }
        if (!anyDns) {
            commonNames(cert.getSubjectX500Principal()).forEach(cn -> out.add(new Name(cn, Kind.CN)));
        }
        return out;
    }

    static List<String> commonNames(X500Principal subject) {
        List<String> out = new ArrayList<>();
        try {
            for (Rdn rdn : new LdapName(subject.getName(X500Principal.RFC2253)).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    out.add(String.valueOf(rdn.getValue()));
                }
            }
        } catch (InvalidNameException e) {
            // The JDK wrote that name itself; if it cannot be read back, there is no CN to show.
        }
        return out;
    }

    /**
     * Whether the certificate is for {@code host}: an IP literal against IP entries only; a DNS name against the
     * DNS entries (a wildcard covers exactly the leftmost label), or against the CN when there are none.
     */
    static boolean matches(X509Certificate cert, String host) {
        String h = stripBrackets(host);
        boolean ipHost = isIpLiteral(h);
        for (Name n : of(cert)) {
            boolean match = n.kind() == Kind.IP ? ipHost && sameAddress(n.value(), h)
                    : !ipHost && dnsMatches(n.value(), h);
            if (match) {
                return true;
            }
        }
        return false;
    }

    static boolean dnsMatches(String pattern, String host) {
        String p = trimDot(pattern).toLowerCase(Locale.ROOT);
        String h = trimDot(host).toLowerCase(Locale.ROOT);
        int dot = p.indexOf('.');
        if (!p.contains("*") || dot < 0) {
            return p.equals(h);
        }
        String firstLabel = p.substring(0, dot);
        String rest = p.substring(dot);
        int hostDot = h.indexOf('.');
        if (firstLabel.indexOf('*') != firstLabel.lastIndexOf('*') || rest.contains("*") || hostDot < 0
                || !h.substring(hostDot).equals(rest)) {
            return false;
        }
        String label = h.substring(0, hostDot);
        int star = firstLabel.indexOf('*');
        String before = firstLabel.substring(0, star);
        String after = firstLabel.substring(star + 1);
        return label.length() >= before.length() + after.length() && label.startsWith(before)
                && label.endsWith(after);
    }

    static boolean isIpLiteral(String host) {
        return host.contains(":") || IPV4.matcher(host).matches();
    }

    private static boolean sameAddress(String a, String b) {
        if (!isIpLiteral(a) || !isIpLiteral(b)) {
            return false;
        }
        try {
            // Literals only (checked above), so no name lookup happens.
            return InetAddress.getByName(a).equals(InetAddress.getByName(b));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static String trimDot(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
