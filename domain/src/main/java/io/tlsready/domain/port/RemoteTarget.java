package io.tlsready.domain.port;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One remote host to audit over WinRM and how to reach it. The password is a supplier, asked for only when a
 * connection needs it, and never part of {@link #toString()}: secrets must not reach logs, reports or messages.
 *
 * @param host       DNS name or IP address
 * @param port       TCP port (5986 for HTTPS, 5985 for HTTP by default)
 * @param transport  HTTPS (certificate validated by default) or HTTP (NTLM with message encryption only)
 * @param auth       BASIC (HTTPS only), NTLM, or KERBEROS (HTTPS only, needs a ticket)
 * @param user       account name, e.g. {@code CONTOSO\auditor} or {@code auditor@contoso.com}
 * @param caBundle   extra trusted CA certificates (PEM), for hosts with certificates from a private CA
 * @param pinSha256  SHA-256 of the host certificate (hex); when set, that certificate is trusted and no other
 * @param insecureSkipVerify only when the user typed the flag whose name says so
 * @param timeout    per-host deadline for the whole collection
 */
public record RemoteTarget(
        String host,
        int port,
        Transport transport,
        Auth auth,
        String user,
        Supplier<char[]> password,
        Optional<Path> caBundle,
        Optional<String> pinSha256,
        boolean insecureSkipVerify,
        Duration timeout) {

    public enum Transport { HTTPS, HTTP }

    public enum Auth { BASIC, NTLM, KERBEROS }

    public RemoteTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(caBundle, "caBundle");
        Objects.requireNonNull(pinSha256, "pinSha256");
        Objects.requireNonNull(timeout, "timeout");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    public static int defaultPort(Transport transport) {
        return transport == Transport.HTTPS ? 5986 : 5985;
    }

    /** "host:port" for messages and reports. */
    public String label() {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }

    /** No password, ever. */
    @Override
    public String toString() {
        return "RemoteTarget[" + label() + ", " + transport + ", " + auth + ", user=" + user + "]";
    }

    /** Clears a password array once it has been used. */
    public static void wipe(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }
}
