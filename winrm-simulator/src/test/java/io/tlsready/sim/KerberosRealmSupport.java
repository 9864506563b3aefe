package io.tlsready.sim;

import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/** Skips a Kerberos test visibly when MIT Kerberos is missing here; under CI=true that is a failure. */
final class KerberosRealmSupport {

    private KerberosRealmSupport() {
    }

    static KerberosTestRealm sharedRealm() {
        KerberosTestRealm.unavailable().ifPresent(KerberosRealmSupport::skip);
        return KerberosTestRealm.shared();
    }

    static void requireFaketime() {
        KerberosTestRealm.clockOffsetUnavailable().ifPresent(KerberosRealmSupport::skip);
    }

    static void skip(String why) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(why + " (CI=true: .ci/run must install it)");
        }
        Assumptions.abort(why);
    }
}
