package io.tlsready.domain.rules.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.facts.KeyRef;
import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.Places;
import io.tlsready.domain.rules.Status;
import io.tlsready.domain.testing.Hosts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * R12 / issue 8 item 4: "none of the root CAs that Azure's TLS endpoints chain to (the six SHA-1 thumbprints in the
 * rule book §1f-6) is in the machine's trusted roots (SOFTWARE\Microsoft\SystemCertificates\ROOT and AuthRoot,
 * SOFTWARE\Policies\Microsoft\SystemCertificates\Root, SOFTWARE\Microsoft\EnterpriseCertificates\Root, each
 * \Certificates\<thumbprint>) while automatic root updates are off (...\AuthRoot\DisableRootAutoUpdate=1): WARN;
 * missing with automatic updates on: INFO."
 */
class AzureRootCasTest {

    private final AzureRootCas rule = new AzureRootCas();
    private static final String G2 = "DF3C24F9BFD666761B268073FE06D1CC8D4F82A4";

    @ParameterizedTest(name = "{1} ({0}) in {2}")
    @CsvSource({
        "df3c24f9bfd666761b268073fe06d1cc8d4f82a4, DigiCert Global Root G2, SOFTWARE\\Microsoft\\SystemCertificates\\ROOT",
        "a8985d3a65e5e5c4b2d7d66d40c6dd2fb19c5436, DigiCert Global Root CA, SOFTWARE\\Microsoft\\SystemCertificates\\AuthRoot",
        "d4de20d05e66fc53fe1a50882c78db2852cae474, Baltimore CyberTrust Root, SOFTWARE\\Policies\\Microsoft\\SystemCertificates\\Root",
        "58e8abb0361533fb80f79b1b6d29d3ff8d5f00f0, D-TRUST Root Class 3 CA 2 2009, SOFTWARE\\Microsoft\\EnterpriseCertificates\\Root",
        "73a5e64a3bff8316ff0edccc618a906e4eae4d74, Microsoft RSA Root CA 2017, SOFTWARE\\Microsoft\\SystemCertificates\\AuthRoot",
        "999a64c37ff47d9fab95f14769891460eec4c3c5, Microsoft ECC Root CA 2017, SOFTWARE\\Microsoft\\SystemCertificates\\ROOT",
    })
    void any_of_the_six_roots_in_any_of_the_four_stores_passes_even_with_updates_off(String thumbprint, String name, String store) {
        // Thumbprints as the rule book spells them (lower case); Windows names the keys in upper case.
        Finding f = Eval.run(rule, Hosts.windows("2012R2").coverAll()
                .key("HKLM\\" + store + "\\Certificates\\" + thumbprint)
                .dword(Places.AUTHROOT_POLICY, "DisableRootAutoUpdate", 1));

        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.detail()).contains(name);
    }

    @Test
    void the_expected_roots_are_named_in_the_rule_books_order_in_every_run() {
        Finding f = Eval.run(rule, Hosts.windows("2016").coverAll()
                .dword(Places.AUTHROOT_POLICY, "DisableRootAutoUpdate", 1));

        // Map.of would reorder these from one JVM run to the next, so two reports of one host would not diff clean.
        assertThat(f.evidence()).anySatisfy(e -> assertThat(e.expected()).isEqualTo("one of DigiCert Global Root G2, "
                + "DigiCert Global Root CA, Baltimore CyberTrust Root, D-TRUST Root Class 3 CA 2 2009, "
                + "Microsoft RSA Root CA 2017, Microsoft ECC Root CA 2017"));
    }

    @Test
    void none_trusted_with_automatic_root_updates_off_warns() {
        Finding f = Eval.run(rule, Hosts.windows("2016").coverAll()
                .dword(Places.AUTHROOT_POLICY, "DisableRootAutoUpdate", 1));

        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.remediation().orElseThrow().manualSteps()).anySatisfy(s -> assertThat(s).contains("certutil"));
    }

    @Test
    void none_trusted_with_automatic_root_updates_on_is_info() {
        assertThat(Eval.run(rule, Hosts.windows("2016").coverAll()).status()).as("policy absent").isEqualTo(Status.INFO);
        assertThat(Eval.run(rule, Hosts.windows("2016").coverAll()
                .dword(Places.AUTHROOT_POLICY, "DisableRootAutoUpdate", 0)).status()).as("policy 0").isEqualTo(Status.INFO);
    }

    @Test
    void another_root_than_the_six_does_not_count() {
        Finding f = Eval.run(rule, Hosts.windows("2016").coverAll()
                .key(Places.ROOT_STORE + "\\Certificates\\CABD2A79A1076A31F21D253635CB039D4329A5E8")
                .dword(Places.AUTHROOT_POLICY, "DisableRootAutoUpdate", 1));

        assertThat(f.status()).isEqualTo(Status.WARN);
    }

    @Test
    void a_store_not_collected_makes_a_missing_root_unknown_but_a_found_root_still_passes() {
        Hosts partial = Hosts.windows("2016").coverAll().notCollectedUnder(Places.ENTERPRISE_ROOT_STORE)
                .dword(Places.AUTHROOT_POLICY, "DisableRootAutoUpdate", 1);
        assertThat(Eval.run(rule, partial).status()).isEqualTo(Status.UNKNOWN);
        assertThat(Eval.run(rule, partial.key(Places.AUTHROOT_STORE + "\\Certificates\\" + G2)).status())
                .isEqualTo(Status.PASS);
    }

    @Test
    void missing_roots_with_the_policy_not_collected_are_unknown() {
        assertThat(Eval.run(rule, Hosts.windows("2016").coverAll().notCollectedUnder(Places.AUTHROOT_POLICY)).status())
                .isEqualTo(Status.UNKNOWN);
    }

    @Test
    void the_rule_asks_for_six_thumbprints_in_four_stores_and_the_policy_value() {
        assertThat(rule.needsKeys()).hasSize(24).contains(
                KeyRef.of("HKLM\\SOFTWARE\\Microsoft\\SystemCertificates\\ROOT\\Certificates\\" + G2),
                KeyRef.of("HKLM\\SOFTWARE\\Microsoft\\EnterpriseCertificates\\Root\\Certificates\\" + G2));
        assertThat(rule.needs()).extracting(v -> v.name()).containsExactly("DisableRootAutoUpdate");
    }
}
