package io.tlsready.app.rest.scans;

import io.tlsready.domain.port.RemoteTarget;
import io.tlsready.domain.scan.ScanTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One named way to log on to a scan's hosts. A host's own inventory settings (port, transport, auth) win over the
 * profile's; the account is always the profile's, since its password belongs to it alone (an inventory may repeat
 * the same user, not name another). The password is handed out only as a fresh copy, through the
 * {@link RemoteTarget}'s supplier, and never shown.
 */
record CredentialProfile(String name, String user, char[] password, RemoteTarget.Auth auth,
        RemoteTarget.Transport transport, OptionalInt port, Optional<Path> caBundle, Optional<String> pinSha256,
        Duration timeout) {

    /** Why this profile cannot be used for {@code target}, in one line; empty when it can. */
    Optional<String> refusal(ScanTarget target) {
        if (target.user().isPresent() && !target.user().get().equalsIgnoreCase(user)) {
            return Optional.of("host '" + target.name() + "' names user '" + target.user().get() + "', but profile '"
                    + name + "' logs on as '" + user + "': a profile's password is used for its own account only");
        }
        RemoteTarget.Transport t = transport(target);
        RemoteTarget.Auth a = auth(target);
        return RemoteTarget.refusal(t, a).map(r -> "host '" + target.name() + "': " + r.reason()
                + "; use transport https, or auth ntlm (encrypted)");
    }

    /** The host as the WinRM adapter takes it, with this profile's account. */
    RemoteTarget target(ScanTarget target) {
        RemoteTarget.Transport t = transport(target);
        return new RemoteTarget(target.address(), target.port().orElse(port.orElse(RemoteTarget.defaultPort(t))), t,
                auth(target), user, password::clone, caBundle, pinSha256, false, timeout);
    }

    private RemoteTarget.Transport transport(ScanTarget target) {
        return target.transport().map(v -> RemoteTarget.Transport.valueOf(v.toUpperCase(Locale.ROOT)))
                .orElse(transport);
    }

    private RemoteTarget.Auth auth(ScanTarget target) {
        return target.auth().map(v -> RemoteTarget.Auth.valueOf(v.toUpperCase(Locale.ROOT))).orElse(auth);
    }

    /** Never the password. */
    @Override
    public String toString() {
        return "CredentialProfile[" + name + ", user=" + user + ", " + auth + ", " + transport + "]";
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
