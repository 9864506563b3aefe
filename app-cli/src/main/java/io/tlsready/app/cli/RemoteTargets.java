package io.tlsready.app.cli;

import io.tlsready.app.cli.PlannedHosts.Planned;
import io.tlsready.domain.port.RemoteTarget;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Planned hosts turned into remote targets with their secret: one password for the run (from --password-file,
 * TLSREADY_PASSWORD or a prompt), asked only when some host needs it; Kerberos without a password uses the ticket
 * cache. {@link #close()} wipes the password. Shared by {@code audit} and {@code fix}.
 */
final class RemoteTargets implements AutoCloseable {

    private final List<RemoteTarget> targets;
    private final char[] password;

    private RemoteTargets(List<RemoteTarget> targets, char[] password) {
        this.targets = targets;
        this.password = password;
    }

    static RemoteTargets of(List<Planned> todo, RemoteOptions r, Optional<String> pin, Environment env,
            PrintWriter err) {
        boolean kerberos = todo.stream().anyMatch(p -> p.auth() == RemoteTarget.Auth.KERBEROS);
        boolean kerberosByPassword = kerberos && KerberosPasswords.wanted(r.passwordFile, env);
        if (kerberosByPassword) {
            todo.stream().filter(p -> p.auth() == RemoteTarget.Auth.KERBEROS && p.user().isEmpty()).findFirst()
                    .ifPresent(p -> {
                        throw new UsageException(p.origin() + ": " + p.host() + ": a Kerberos login with a password"
                                + " needs --user user@REALM (or kinit first and use the ticket cache)");
                    });
        }
        char[] password = todo.stream().anyMatch(p -> p.auth() != RemoteTarget.Auth.KERBEROS) || kerberosByPassword
                ? Passwords.resolve(r.passwordFile, PlannedHosts.firstUser(todo), env, err) : new char[0];
        Supplier<char[]> secret = password::clone;
        // Kerberos without a password source uses the ticket cache: an empty password says so.
        Supplier<char[]> kerberosSecret = kerberosByPassword ? secret : () -> new char[0];
        List<RemoteTarget> targets = new ArrayList<>();
        for (Planned p : todo) {
            targets.add(new RemoteTarget(p.host(), p.port(), p.transport(), p.auth(), p.user(),
                    p.auth() == RemoteTarget.Auth.KERBEROS ? kerberosSecret : secret,
                    Optional.ofNullable(r.caCert), pin, r.insecureSkipTlsVerify,
                    Duration.ofSeconds(r.timeoutSeconds)));
        }
        return new RemoteTargets(targets, password);
    }

    List<RemoteTarget> targets() {
        return targets;
    }

    @Override
    public void close() {
        RemoteTarget.wipe(password);
    }
}
