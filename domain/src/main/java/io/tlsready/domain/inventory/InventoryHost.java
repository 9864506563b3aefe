package io.tlsready.domain.inventory;

import io.tlsready.domain.port.RemoteTarget;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One host of an inventory, with the settings the file gives it; anything empty falls back to the command
 * line. {@code certValidationIgnored} records that the file asked to skip certificate checks, which tlsready
 * reports but never honours (only {@code --insecure-skip-tls-verify} does that).
 *
 * @param name    the host's name in the inventory (an Ansible alias, or the address itself)
 * @param address where to connect: {@code ansible_host}, or the name
 * @param origin  {@code file:line} (or {@code --host}) for messages
 */
public record InventoryHost(String name, String address, OptionalInt port, Optional<RemoteTarget.Transport> transport,
        Optional<RemoteTarget.Auth> auth, Optional<String> user, boolean certValidationIgnored, String origin) {

    public InventoryHost {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(origin, "origin");
    }

    /** A host with no settings of its own. */
    public static InventoryHost of(HostPort hp, String origin) {
        return new InventoryHost(hp.host(), hp.host(), hp.port(), Optional.empty(), Optional.empty(), Optional.empty(),
                false, origin);
    }
}
