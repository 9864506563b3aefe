package io.tlsready.domain.rules.book;

import static io.tlsready.domain.testing.Hosts.CIPHER_LOCAL;
import static io.tlsready.domain.testing.Hosts.CIPHER_POLICY;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.Status;
import io.tlsready.domain.testing.Hosts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** R10, rule book §1f-1: a configured suite list with no Azure-compatible suite FAILs. */
class CipherSuitesTest {

    private final CipherSuites rule = new CipherSuites();
    private static final String ONLY_RSA = "TLS_RSA_WITH_AES_256_CBC_SHA256,TLS_RSA_WITH_AES_128_CBC_SHA";
    private static final String ECDHE_GCM_ONLY = "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_RSA_WITH_AES_128_CBC_SHA";

    private Finding gpo(String os, String list) {
        return Eval.run(rule, Hosts.windows(os).coverAll().string(CIPHER_POLICY, "Functions", list));
    }

    @ParameterizedTest(name = "{0}: no Azure suite -> FAIL, DHE GCM -> PASS, ECDHE GCM only -> {1}")
    @CsvSource({
        "2008R2, FAIL", "2012, FAIL", "2012R2, FAIL", "10, PASS", "2016, PASS", "2019, PASS", "2022, PASS", "11, PASS",
    })
    void theOsMatrixForAGroupPolicyList(String os, Status ecdheGcmOnly) {
        assertThat(gpo(os, ONLY_RSA).status()).isEqualTo(Status.FAIL);
        assertThat(gpo(os, "TLS_RSA_WITH_AES_128_CBC_SHA, TLS_DHE_RSA_WITH_AES_256_GCM_SHA384").status())
                .isEqualTo(Status.PASS);
        assertThat(gpo(os, ECDHE_GCM_ONLY).status()).as("ECDHE GCM exists only on NT 10+").isEqualTo(ecdheGcmOnly);
        assertThat(Eval.run(rule, Hosts.windows(os).coverAll()).status()).as("no list").isEqualTo(Status.PASS);
        assertThat(Eval.run(rule, Hosts.windows(os)).status()).as("not collected").isEqualTo(Status.UNKNOWN);
    }

    @Test
    void aFailNamesTheListAndTheFixNamesASuite() {
        Finding f = gpo("2019", ONLY_RSA);

        assertThat(f.detail()).contains("Group Policy").contains("2 suites");
        assertThat(f.remediation().orElseThrow().manualSteps()).anySatisfy(s -> assertThat(s)
                .contains("TLS_DHE_RSA_WITH_AES_256_GCM_SHA384"));
    }

    @Test
    void oldBuildsCurveSuffixedEcdheSuitesCount() {
        Finding f = gpo("2008R2", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P256,TLS_RSA_WITH_AES_128_CBC_SHA");

        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.detail()).contains("TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P256");
    }

    @Test
    void theGroupPolicyListWinsOverAGoodLocalList() {
        Finding f = Eval.run(rule, Hosts.windows("2019").coverAll().string(CIPHER_POLICY, "Functions", ONLY_RSA)
                .multiString(CIPHER_LOCAL, "Functions", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"));

        assertThat(f.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void aLocalMultiStringListWithoutAzureSuitesFailsWhenNoPolicyIsSet() {
        Finding f = Eval.run(rule, Hosts.windows("2019").coverAll()
                .multiString(CIPHER_LOCAL, "Functions", "TLS_RSA_WITH_AES_256_GCM_SHA384", "TLS_RSA_WITH_AES_128_CBC_SHA"));

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.detail()).contains("local");
    }

    @Test
    void aPassingPolicyListWarnsInItsDetailThatGpoReApplies() {
        Finding f = gpo("2019", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");

        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.detail()).contains("GPO re-applies");
    }
}
