package io.tlsready.adapters.winrm.transport;

import io.tlsready.adapters.winrm.kerberos.KerberosException;
import io.tlsready.adapters.winrm.kerberos.KerberosLogin;
import io.tlsready.domain.port.RemoteTarget;
import java.util.HashMap;
import java.util.Map;
import javax.security.auth.Subject;

/**
 * One Kerberos login per user for a whole run: every host's service ticket comes from the same TGT, and a login
 * that failed is not repeated for the next host (a wrong password tried once per host of a fleet would lock the
 * account out).
 */
final class KerberosSubjects {

    private final KerberosLogin.Settings settings;
    private final Map<String, Subject> subjects = new HashMap<>();
    private final Map<String, KerberosException> failures = new HashMap<>();

    KerberosSubjects(KerberosLogin.Settings settings) {
        this.settings = settings;
    }

    /** The user's TGT: by password when the target has one, else from the ticket cache. */
    synchronized Subject subject(RemoteTarget target) {
        String key = target.user();
        Subject known = subjects.get(key);
        if (known != null) {
            return known;
        }
        KerberosException failed = failures.get(key);
        if (failed != null) {
            throw new KerberosException(failed.hinted().then(" (not retried for this host)"), null);
        }
        char[] password = target.password().get();
        try {
            Subject subject = KerberosLogin.login(target.user(), password, settings);
            subjects.put(key, subject);
            return subject;
        } catch (KerberosException e) {
            failures.put(key, e);
            throw e;
        } finally {
            RemoteTarget.wipe(password);
        }
    }
}
