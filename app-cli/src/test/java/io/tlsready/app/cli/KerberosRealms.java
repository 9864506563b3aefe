package io.tlsready.app.cli;

import static org.assertj.core.api.Assertions.fail;

import io.tlsready.sim.KerberosTestRealm;
import org.junit.jupiter.api.Assumptions;

/** The JVM's shared test realm; skips visibly when MIT Kerberos is missing here, fails under CI=true. */
final class KerberosRealms {

    private KerberosRealms() {
    }

    static KerberosTestRealm shared() {
        KerberosTestRealm.unavailable().ifPresent(KerberosRealms::skip);
        return KerberosTestRealm.shared();
    }

    static void skip(String why) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(why + " (CI=true: .ci/run must install it)");
        }
        Assumptions.abort(why);
    }
}
