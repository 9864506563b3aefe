package io.tlsready.formats.html;

import io.tlsready.domain.report.HostReport;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Why a host could not be audited, for the report's grouping. The same classes and labels as the domain's
 * {@code history.FailureCause} (issue 12), which is not on main yet: this is read from the same error text the same
 * way and gives way to it once it lands.
 */
enum Cause {
    DNS("name not found"),
    REFUSED("connection refused"),
    TIMEOUT("timed out"),
    AUTH("credentials refused"),
    TLS("TLS/certificate"),
    PROTOCOL("WinRM/protocol error"),
    OTHER("other");

    private static final List<List<String>> WORDS = List.of(
            List.of("unknown host", "name not found", "name or service not known", "unknownhostexception",
                    "nodename nor servname"),
            List.of("connection refused"),
            List.of("timed out", "timeout", "no answer within", "no reply within", "no complete answer within",
                    "interrupted while waiting", "kerberos: interrupted", "no route to host"),
            List.of("http 401", "http 403", "credentials", "ntlm:", "kerberos", "access denied",
                    "no password for user", "unauthorized", "forbidden", "logon"),
            List.of("certificate", "tls handshake", "ssl", "pkix", "tls server"),
            List.of("http ", "soap", "wsman", "ws-management", "winrm", "wmi", "reply", "closed or reset",
                    "protocol", "fault"));
    // TLS is tested before AUTH ("certificate" before "credentials"), as FailureCause does.
    private static final List<Cause> TESTED = List.of(DNS, REFUSED, TIMEOUT, TLS, AUTH, PROTOCOL);

    private final String label;

    Cause(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static Optional<Cause> of(HostReport h) {
        return h.error().map(e -> classify(h.host(), e));
    }

    static Cause classify(String host, String error) {
        String text = error.toLowerCase(Locale.ROOT);
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (!name.isEmpty()) {
            text = text.replace(name, " ");
        }
        for (Cause c : TESTED) {
            List<String> words = WORDS.get(c.ordinal());
            String t = text;
            if (words.stream().anyMatch(t::contains)) {
                return c;
            }
        }
        return OTHER;
    }
}
