package io.tlsready.domain.rules.book;

import static io.tlsready.domain.testing.Hosts.CIPHER_LOCAL;
import static io.tlsready.domain.testing.Hosts.CIPHER_POLICY;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.Status;
import io.tlsready.domain.testing.Hosts;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * R10 as corrected for issue 8 (rule book §1h): "FAIL only when it keeps no suite that can negotiate TLS 1.2 with an
 * RSA server certificate at all (e.g. only RC4/3DES/TLS 1.3 suites); WARN when it keeps TLS 1.2 suites but none of the
 * preferred ECDHE_RSA GCM/CBC-SHA2 set ... A suggested fix never puts a DHE suite first on an OS affected by R11."
 */
class CipherSuitesTest {

    private final CipherSuites rule = new CipherSuites();
    private static final String ONLY_RSA = "TLS_RSA_WITH_AES_256_CBC_SHA256,TLS_RSA_WITH_AES_128_CBC_SHA";
    private static final String ECDHE_GCM_ONLY = "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_RSA_WITH_AES_128_CBC_SHA";
    private static final String NO_TLS12_FOR_RSA = "TLS_AES_256_GCM_SHA384,TLS_AES_128_GCM_SHA256,"
            + "TLS_RSA_WITH_3DES_EDE_CBC_SHA,TLS_RSA_WITH_RC4_128_SHA,TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384";

    private Finding gpo(String os, String list) {
        return Eval.run(rule, Hosts.windows(os).coverAll().string(CIPHER_POLICY, "Functions", list));
    }

    @ParameterizedTest(name = "{0}: ECDHE GCM + TLS_RSA -> {1}")
    @CsvSource({
        "2008R2, WARN", "2012, WARN", "2012R2, WARN", "10, PASS", "2016, PASS", "2019, PASS", "2022, PASS", "11, PASS",
    })
    void the_os_matrix_for_a_group_policy_list(String os, Status ecdheGcmWithRsa) {
        assertThat(gpo(os, NO_TLS12_FOR_RSA).status()).as("only TLS 1.3/3DES/RC4/ECDSA").isEqualTo(Status.FAIL);
        assertThat(gpo(os, ONLY_RSA).status()).as("TLS 1.2 RSA suites, no ECDHE").isEqualTo(Status.WARN);
        assertThat(gpo(os, "TLS_RSA_WITH_AES_128_CBC_SHA, TLS_DHE_RSA_WITH_AES_256_GCM_SHA384").status())
                .as("DHE is not in the preferred ECDHE set").isEqualTo(Status.WARN);
        assertThat(gpo(os, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256").status()).isEqualTo(Status.PASS);
        // ECDHE_RSA GCM exists only on Windows 10/2016+ (rule book §1f-1, [S12]).
        assertThat(gpo(os, ECDHE_GCM_ONLY).status()).as("ECDHE GCM exists only on NT 10+").isEqualTo(ecdheGcmWithRsa);
        assertThat(Eval.run(rule, Hosts.windows(os).coverAll()).status()).as("no list").isEqualTo(Status.PASS);
        assertThat(Eval.run(rule, Hosts.windows(os)).status()).as("not collected").isEqualTo(Status.UNKNOWN);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TLS_RSA_WITH_RC4_128_SHA", "TLS_RSA_WITH_3DES_EDE_CBC_SHA", "TLS_AES_256_GCM_SHA384",
        "TLS_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_DHE_DSS_WITH_AES_256_CBC_SHA256",
        "TLS_RSA_WITH_NULL_SHA256", "TLS_RSA_EXPORT1024_WITH_RC4_56_SHA", "TLS_PSK_WITH_AES_128_GCM_SHA256"})
    void a_list_of_only_suites_that_cannot_do_tls12_with_an_rsa_certificate_fails(String suite) {
        assertThat(gpo("2019", suite).status()).isEqualTo(Status.FAIL);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_256_GCM_SHA384",
        "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA_P256"})
    void one_tls12_suite_for_rsa_without_the_preferred_ecdhe_ones_is_only_a_warning(String suite) {
        assertThat(gpo("2012R2", suite).status()).isEqualTo(Status.WARN);
    }

    @Test
    void a_fail_names_the_list_and_the_fix_names_an_ecdhe_suite() {
        Finding f = gpo("2019", NO_TLS12_FOR_RSA);

        assertThat(f.detail()).contains("Group Policy").contains("5 suites");
        assertThat(f.remediation().orElseThrow().manualSteps()).anySatisfy(s -> assertThat(s)
                .contains("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"));
    }

    /** "A suggested fix never puts a DHE suite first on an OS affected by R11" (R10; R11 = [S17], KB4557473). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2008SP2", "7", "2008R2", "8", "2012", "8.1", "2012R2", "10", "2016", "2019", "2022"})
    void no_suggested_fix_puts_a_dhe_suite_first(String os) {
        for (String list : List.of(NO_TLS12_FOR_RSA, ONLY_RSA, "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384")) {
            Finding f = gpo(os, list);
            assertThat(f.remediation()).isPresent();
            for (String step : f.remediation().get().manualSteps()) {
                Matcher first = Pattern.compile("TLS_[A-Z0-9_]+").matcher(step);
                assertThat(first.find()).as(step).isTrue();
                assertThat(first.group()).as(step).doesNotStartWith("TLS_DHE");
            }
        }
    }

    @Test
    void old_builds_curve_suffixed_ecdhe_suites_count() {
        Finding f = gpo("2008R2", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P256,TLS_RSA_WITH_AES_128_CBC_SHA");

        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.detail()).contains("TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P256");
    }

    @Test
    void the_group_policy_list_wins_over_a_good_local_list() {
        Finding f = Eval.run(rule, Hosts.windows("2019").coverAll().string(CIPHER_POLICY, "Functions", NO_TLS12_FOR_RSA)
                .multiString(CIPHER_LOCAL, "Functions", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"));

        assertThat(f.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void a_local_multi_string_list_without_tls12_rsa_suites_fails_when_no_policy_is_set() {
        Finding f = Eval.run(rule, Hosts.windows("2019").coverAll()
                .multiString(CIPHER_LOCAL, "Functions", "TLS_RSA_WITH_3DES_EDE_CBC_SHA", "TLS_AES_128_GCM_SHA256"));

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.detail()).contains("local");
    }

    @Test
    void a_passing_policy_list_warns_in_its_detail_that_gpo_re_applies() {
        Finding f = gpo("2019", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");

        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.detail()).contains("GPO re-applies");
    }
}
