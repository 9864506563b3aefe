package io.tlsready.domain.rules.book;

import static io.tlsready.domain.testing.Hosts.CIPHER_POLICY;
import static io.tlsready.domain.testing.Hosts.CV;
import static io.tlsready.domain.testing.Hosts.KEX_DH;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.Status;
import io.tlsready.domain.testing.Hosts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** R11, [S17]: a TLS_DHE suite first on 2012 R2 and older (and Windows 10 1507) is a WARN. */
class DheLeadingZeroTest {

    private final DheLeadingZero rule = new DheLeadingZero();
    private static final String DHE_FIRST = "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384";
    private static final String ECDHE_FIRST = "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384,TLS_DHE_RSA_WITH_AES_256_GCM_SHA384";

    private Finding list(Hosts h, String suites) {
        return Eval.run(rule, h.coverAll().string(CIPHER_POLICY, "Functions", suites));
    }

    @ParameterizedTest(name = "{0}: DHE first -> {1}, ECDHE first -> {2}, no list -> {3}")
    @CsvSource({
        "2008SP2, WARN,           PASS,           INFO",
        "7,       WARN,           PASS,           INFO",
        "2008R2,  WARN,           PASS,           INFO",
        "2012,    WARN,           PASS,           INFO",
        "8.1,     WARN,           PASS,           INFO",
        "2012R2,  WARN,           PASS,           INFO",
        "10,      NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE",
        "2016,    NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE",
        "2019,    NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE",
        "2022,    NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE",
        "11,      NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE",
        "XP,      NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE",
    })
    void the_os_matrix(String os, Status dheFirst, Status ecdheFirst, Status noList) {
        assertThat(list(Hosts.windows(os), DHE_FIRST).status()).isEqualTo(dheFirst);
        assertThat(list(Hosts.windows(os), ECDHE_FIRST).status()).isEqualTo(ecdheFirst);
        assertThat(Eval.run(rule, Hosts.windows(os).coverAll()).status()).isEqualTo(noList);
    }

    @Test
    void windows10_build10240_is_affected() {
        Hosts rtm = Hosts.windows("10").string(CV, "CurrentBuild", "10240");

        Finding f = list(rtm, DHE_FIRST);

        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.detail()).contains("forcibly closed");
        assertThat(f.remediation().orElseThrow().manualSteps()).anySatisfy(s -> assertThat(s).contains("KB4557473"));
    }

    @Test
    void on_windows10_build10240_an_ecdhe_gcm_suite_ahead_of_dhe_is_fine() {
        Hosts rtm = Hosts.windows("10").string(CV, "CurrentBuild", "10240");

        Finding f = list(rtm, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_DHE_RSA_WITH_AES_256_GCM_SHA384");

        assertThat(f.status()).isEqualTo(Status.PASS);
    }

    @Test
    void on_windows81_an_ecdhe_gcm_suite_is_unusable_so_the_dhe_suite_behind_it_is_first() {
        Finding f = list(Hosts.windows("2012R2"),
                "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_DHE_RSA_WITH_AES_256_GCM_SHA384");

        assertThat(f.status()).isEqualTo(Status.WARN);
    }

    @Test
    void disabled_diffie_hellman_means_no_dhe_suite_is_used() {
        Finding f = list(Hosts.windows("2012R2").dword(KEX_DH, "Enabled", 0), DHE_FIRST);

        assertThat(f.status()).isEqualTo(Status.PASS);
    }

    @Test
    void an_unidentified_os_is_unknown() {
        assertThat(list(Hosts.blank(), DHE_FIRST).status()).isEqualTo(Status.UNKNOWN);
    }

    /** R10: "A suggested fix never puts a DHE suite first on an OS affected by R11". */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"2008SP2", "7", "2008R2", "2012", "8.1", "2012R2"})
    void the_fix_names_an_ecdhe_suite_before_any_dhe_suite(String os) {
        Finding f = list(Hosts.windows(os), DHE_FIRST);

        assertThat(f.status()).isEqualTo(Status.WARN);
        for (String step : f.remediation().orElseThrow().manualSteps()) {
            java.util.regex.Matcher first = java.util.regex.Pattern.compile("TLS_[A-Z0-9_*]+").matcher(step);
            assertThat(first.find()).as(step).isTrue();
            assertThat(first.group()).as(step).startsWith("TLS_ECDHE");
        }
    }
}
