package io.tlsready.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a Kerberos audit logs in with a password or uses the ticket cache. A password source the user set up
 * ({@code --password-file}, {@code TLSREADY_PASSWORD}) wins; otherwise the ticket cache ({@code KRB5CCNAME}, else
 * the default {@code /tmp/krb5cc_<uid>}); only when there is none and someone can answer is the password prompted
 * for.
 */
final class KerberosPasswords {

    private KerberosPasswords() {
    }

    static boolean wanted(Path passwordFile, Environment env) {
        if (passwordFile != null) {
            return true;
        }
        String fromEnv = env.variable(Passwords.VARIABLE);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return true;
        }
        return !ticketCacheExists(env) && env.interactive();
    }

    private static boolean ticketCacheExists(Environment env) {
        String cache = env.variable("KRB5CCNAME");
        if (cache != null && !cache.isBlank()) {
            if (cache.startsWith("FILE:")) {
                return Files.exists(Path.of(cache.substring(5)));
            }
            // KEYRING:, KCM:, DIR: … Java cannot read them; the login then says so in one line.
            return cache.contains(":") || Files.exists(Path.of(cache));
        }
        try {
            long uid = new com.sun.security.auth.module.UnixSystem().getUid();
            return Files.exists(Path.of("/tmp/krb5cc_" + uid));
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return false; // not a Unix system: no default file cache
        }
    }
}
