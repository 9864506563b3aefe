package io.tlsready.domain.port;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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

    /** How a host is logged on to; whether its messages can be encrypted without TLS decides where it may go. */
    public enum Auth {
        BASIC(false), NTLM(true), KERBEROS(true);

        private final boolean encryptsOverHttp;

        Auth(boolean encryptsOverHttp) {
            this.encryptsOverHttp = encryptsOverHttp;
        }

        /** NTLM and Kerberos seal every WinRM message over plain http; Basic sends the password as is. */
        public boolean encryptsOverHttp() {
            return encryptsOverHttp;
        }
    }

    /**
     * Why a transport and an authentication must not go together, and what to choose instead.
     *
     * @param reason   one line, e.g. "Basic over http would send the password in clear text"
     * @param remedies the settings that make it safe, in the order to suggest them
     */
    public record Refusal(String reason, List<Hint> remedies) {
        public Refusal {
            Objects.requireNonNull(reason, "reason");
            remedies = List.copyOf(remedies);
        }
    }

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

    /**
     * The transport/auth invariant, decided here for the CLI, the inventory and the adapter alike: over plain http
     * only an authentication whose messages are encrypted (NTLM, Kerberos) may go; Basic would send the password
     * in clear text.
     */
    public static Optional<Refusal> refusal(Transport transport, Auth auth) {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(auth, "auth");
        if (transport == Transport.HTTP && !auth.encryptsOverHttp()) {
            String name = auth.name().charAt(0) + auth.name().substring(1).toLowerCase(Locale.ROOT);
            return Optional.of(new Refusal(name + " over http would send the password in clear text",
                    List.of(new Hint.UseTransport(Transport.HTTPS), new Hint.ChooseAuth(Optional.of(Auth.NTLM)))));
        }
        return Optional.empty();
    }

    /** {@link #refusal(Transport, Auth)} for this target. */
    public Optional<Refusal> refusal() {
        return refusal(transport, auth);
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
