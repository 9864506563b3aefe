package io.tlsready.domain.history;

import io.tlsready.domain.report.HostReport;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Why a host could not be audited, grouped for a fleet: read from {@link HostReport#error()}, the one line the
 * remote adapter and the fleet wrote ("srv1:5986: connection refused (…)", "no answer within 60 s", "… HTTP 401:
 * NTLM credentials rejected …"). The host's own name is taken out of the text before it is read, so a host called
 * {@code refused-timeout} does not classify itself. Texts nobody wrote are {@link #OTHER}.
 */
public enum FailureCause {
    /** The name does not resolve. */
    DNS("name not found"),
    /** Nothing listens on the port, or a firewall rejects the connection. */
    REFUSED("connection refused"),
    /** No connection or no answer in time (host down, traffic dropped, a stalled service, the per-host deadline). */
    TIMEOUT("timed out"),
    /** The host refused the credentials or the account may not use WinRM; or no credentials were at hand. */
    AUTH("credentials refused"),
    /** The TLS handshake failed or the host's certificate is not trusted. */
    TLS("TLS/certificate"),
    /** The host answered, but not as WinRM should: HTTP errors, SOAP faults, unreadable or dropped replies. */
    PROTOCOL("WinRM/protocol error"),
    /** Anything else (an unexpected error, a server-side configuration problem). */
    OTHER("other");

    private static final List<String> DNS_WORDS = List.of("unknown host", "name not found",
            "name or service not known", "unknownhostexception", "nodename nor servname");
    private static final List<String> TIMEOUT_WORDS = List.of("timed out", "timeout", "no answer within",
            "no reply within", "no complete answer within", "interrupted while waiting", "kerberos: interrupted",
            "no route to host");
    private static final List<String> REFUSED_WORDS = List.of("connection refused");
    private static final List<String> TLS_WORDS = List.of("certificate", "tls handshake", "ssl", "pkix",
            "tls server");
    private static final List<String> AUTH_WORDS = List.of("http 401", "http 403", "credentials", "ntlm:",
            "kerberos", "access denied", "no password for user", "unauthorized", "forbidden", "logon");
    private static final List<String> PROTOCOL_WORDS = List.of("http ", "soap", "wsman", "ws-management", "winrm",
            "wmi", "reply", "closed or reset", "protocol", "fault", "malformed", "xml", "doctype", "envelope");

    private final String label;

    FailureCause(String label) {
        this.label = label;
    }

    /** A few words for people: "connection refused", "TLS/certificate". */
    public String label() {
        return label;
    }

    /** Why {@code report}'s host could not be audited; empty when it was audited. */
    public static Optional<FailureCause> of(HostReport report) {
        return report.error().map(error -> classify(report.host(), error));
    }

    /** The cause an error text written for {@code host} names. */
    public static FailureCause classify(String host, String error) {
        String text = error.toLowerCase(Locale.ROOT);
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (!name.isEmpty()) {
            text = text.replace(name, " ");
        }
        if (any(text, DNS_WORDS)) {
            return DNS;
        }
        if (any(text, REFUSED_WORDS)) {
            return REFUSED;
        }
        if (any(text, TIMEOUT_WORDS)) {
            return TIMEOUT;
        }
        if (any(text, TLS_WORDS)) {
            return TLS;
        }
        if (any(text, AUTH_WORDS)) {
            return AUTH;
        }
        if (any(text, PROTOCOL_WORDS)) {
            return PROTOCOL;
        }
        return OTHER;
    }

    private static boolean any(String text, List<String> words) {
        return words.stream().anyMatch(text::contains);
    }
}
