package io.tlsready.domain.scan;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One host of a scan, as stored: where to connect and the settings its inventory line gave it. Never a
 * password: the credential profile named by the scan supplies that when the target is worked on.
 * <p>
 * Transport and authentication are the lower-case names of {@code RemoteTarget.Transport} and
 * {@code RemoteTarget.Auth} ({@code https}, {@code http}; {@code basic}, {@code ntlm}, {@code kerberos}) rather
 * than those enums: the port package depends on this one (ScanQueue), so this one must not depend on it.
 *
 * @param name    the host's name in the inventory (reports are kept under it)
 * @param address where to connect (an Ansible {@code ansible_host}, or the name)
 */
public record ScanTarget(String name, String address, OptionalInt port, Optional<String> transport,
        Optional<String> auth, Optional<String> user) {

    public static final Set<String> TRANSPORTS = Set.of("https", "http");
    public static final Set<String> AUTHS = Set.of("basic", "ntlm", "kerberos");

    public ScanTarget {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(port, "port");
        transport = Objects.requireNonNull(transport, "transport").map(t -> t.toLowerCase(Locale.ROOT));
        auth = Objects.requireNonNull(auth, "auth").map(a -> a.toLowerCase(Locale.ROOT));
        Objects.requireNonNull(user, "user");
        if (name.isBlank() || address.isBlank()) {
            throw new IllegalArgumentException("a scan target needs a name and an address");
        }
        if (port.isPresent() && (port.getAsInt() < 1 || port.getAsInt() > 65535)) {
            throw new IllegalArgumentException(name + ": port must be 1..65535: " + port.getAsInt());
        }
        if (transport.isPresent() && !TRANSPORTS.contains(transport.get())) {
            throw new IllegalArgumentException(name + ": transport must be https or http: " + transport.get());
        }
        if (auth.isPresent() && !AUTHS.contains(auth.get())) {
            throw new IllegalArgumentException(name + ": auth must be basic, ntlm or kerberos: " + auth.get());
        }
    }

    public static ScanTarget named(String host) {
        return new ScanTarget(host, host, OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
