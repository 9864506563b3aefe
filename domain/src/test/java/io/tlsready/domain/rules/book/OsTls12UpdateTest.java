package io.tlsready.domain.rules.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.remediation.UpdateRequirement;
import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.Status;
import io.tlsready.domain.testing.Hosts;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** design.md OS_TLS12_UPDATE; rule book §1c, §1d, R2, R5. */
class OsTls12UpdateTest {

    private final OsTls12Update rule = new OsTls12Update();

    @ParameterizedTest(name = "{0} needs {1}")
    @CsvSource({
        "2008SP1, KB4019276",
        "2008SP2, KB4019276",
        "7RTM,    KB3140245",
        "7,       KB3140245",
        "2008R2,  KB3140245",
        "2012,    KB3140245",
    })
    void the_required_kb_listed_is_pass(String os, String kb) {
        Finding f = Eval.run(rule, Hosts.windows(os).updates("KB5000001", kb.toLowerCase()));

        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.detail()).contains(kb);
    }

    @ParameterizedTest(name = "{0} without {1}")
    @CsvSource({
        "2008SP2, KB4019276, https://support.microsoft.com/help/4019276",
        "7,       KB3140245, https://support.microsoft.com/help/3140245",
        "2008R2,  KB3140245, https://support.microsoft.com/help/3140245",
        "2012,    KB3140245, https://support.microsoft.com/help/3140245",
    })
    void a_complete_update_list_without_the_kb_fails_and_the_fix_links_the_kb(String os, String kb, String url) {
        Finding f = Eval.run(rule, Hosts.windows(os).updates("KB5000001", "KB4499175"));

        assertThat(f.status()).isEqualTo(Status.FAIL);
        UpdateRequirement u = f.remediation().orElseThrow().updates().get(0);
        assertThat(u.kb()).isEqualTo(kb);
        assertThat(u.url()).isEqualTo(url);
        assertThat(u.howToConfirm()).isNotBlank();
        assertThat(f.remediation().get().changes()).isEmpty();
        assertThat(f.evidence()).anySatisfy(e -> assertThat(e.observed()).contains(kb).contains("2 updates"));
    }

    @Test
    void an_empty_but_collected_update_list_fails() {
        assertThat(Eval.run(rule, Hosts.windows("2008R2").updates()).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void a_kb_missing_from_a_truncated_list_is_unknown_not_fail() {
        Finding f = Eval.run(rule, Hosts.windows("2008R2").incompleteUpdates("KB2999226"));

        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.detail()).contains("incomplete").contains("wmic qfe");
    }

    @Test
    void a_kb_listed_in_a_truncated_list_still_passes() {
        assertThat(Eval.run(rule, Hosts.windows("2008R2").incompleteUpdates("KB3140245")).status())
                .isEqualTo(Status.PASS);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2008SP2", "7", "2008R2", "2012"})
    void no_update_list_collected_is_unknown_never_pass(String os) {
        Finding f = Eval.run(rule, Hosts.windows(os).updatesNotCollected());

        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.detail()).contains("systeminfo");
        assertThat(f.evidence()).anySatisfy(e -> assertThat(e.observed()).startsWith("NOT_COLLECTED"));
    }

    @Test
    void server2008_at_build6003_passes_without_an_update_list_because_the_rollups_carry_kb4019276() {
        Finding f = Eval.run(rule, Hosts.windows("2008SP2-6003").updatesNotCollected());

        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.detail()).contains("6003").contains("KB4019276");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"8.1", "2012R2", "10", "2016", "2019", "2022", "11", "2025", "XP", "2003", "Vista"})
    void oses_that_need_no_update_or_can_get_none_are_not_applicable(String os) {
        assertThat(Eval.run(rule, Hosts.windows(os).updatesNotCollected()).status()).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void an_unidentified_os_is_unknown() {
        assertThat(Eval.run(rule, Hosts.blank().updates("KB3140245")).status()).isEqualTo(Status.UNKNOWN);
    }

    /**
     * Rule book R5 (corrected for issue 8): "Windows 8.0 client: KB3140245 does not apply, the fix is an upgrade to
     * 8.1"; the brief asks for the remediation "upgrade to Windows 8.1" in those words. Server 2012 (same build,
     * ProductType server, G1) still needs the KB.
     */
    @Test
    void windows8_client_fails_with_the_upgrade_to81_whatever_the_update_list_says() {
        for (Hosts h : List.of(Hosts.windows("8").updates("KB5000001"), Hosts.windows("8").updatesNotCollected(),
                Hosts.windows("8").incompleteUpdates("KB5000001"))) {
            Finding f = Eval.run(rule, h);

            assertThat(f.status()).isEqualTo(Status.FAIL);
            assertThat(f.detail()).contains("KB3140245 does not apply to Windows 8.0");
            assertThat(f.remediation().orElseThrow().updates()).isEmpty();
            assertThat(f.remediation().get().summary()).isEqualTo("Upgrade to Windows 8.1");
            assertThat(f.remediation().get().manualSteps()).anySatisfy(s -> assertThat(s).contains("Upgrade to Windows 8.1"));
        }
        assertThat(Eval.run(rule, Hosts.windows("2012").updates("KB5000001")).remediation().orElseThrow().updates())
                .extracting(u -> u.kb()).containsExactly("KB3140245");
    }
}
