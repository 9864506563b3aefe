package io.tlsready.domain.rules.book;

import static io.tlsready.domain.testing.Hosts.TLS12_CLIENT;
import static io.tlsready.domain.testing.Hosts.TLS12_SERVER;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.os.OsIdentifier;
import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.Places;
import io.tlsready.domain.rules.RuleContext;
import io.tlsready.domain.rules.RuleId;
import io.tlsready.domain.rules.Status;
import io.tlsready.domain.testing.Hosts;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** R8: Enabled=0xFFFFFFFF is enabled (PASS) plus INFO for STIG users. */
class SchannelLegacyEnabledValueTest {

    private final SchannelLegacyEnabledValue rule = new SchannelLegacyEnabledValue();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2008SP2", "2008R2", "2012R2", "2016", "2022"})
    void legacy_client_value_is_info_while_the_client_rule_passes(String os) {
        HostFacts facts = Hosts.windows(os).x64().absentUnder(Places.SCHANNEL)
                .dword(TLS12_CLIENT, "Enabled", 0xFFFF_FFFFL).dword(TLS12_CLIENT, "DisabledByDefault", 0).build();

        List<Finding> all = RuleBook.standard().evaluate(new RuleContext(facts, OsIdentifier.identify(facts)));

        assertThat(all).filteredOn(f -> f.rule() == RuleId.SCHANNEL_TLS12_CLIENT).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(Status.PASS));
        assertThat(all).filteredOn(f -> f.rule() == RuleId.SCHANNEL_LEGACY_ENABLED_VALUE).singleElement()
                .satisfies(f -> {
                    assertThat(f.status()).isEqualTo(Status.INFO);
                    assertThat(f.detail()).contains("Client").contains("0xFFFFFFFF").contains("STIG");
                    assertThat(f.remediation()).isEmpty();
                });
    }

    @Test
    void both_legacy_values_are_named() {
        Finding f = Eval.run(rule, Hosts.windows("2019").absentUnder(Places.SCHANNEL)
                .dword(TLS12_CLIENT, "Enabled", 0xFFFF_FFFFL).dword(TLS12_SERVER, "Enabled", 0xFFFF_FFFFL));

        assertThat(f.status()).isEqualTo(Status.INFO);
        assertThat(f.detail()).contains("Client and Server");
    }

    @Test
    void enabled1_passes() {
        Finding f = Eval.run(rule, Hosts.windows("2019").absentUnder(Places.SCHANNEL).dword(TLS12_CLIENT, "Enabled", 1));

        assertThat(f.status()).isEqualTo(Status.PASS);
    }

    @Test
    void absent_values_pass() {
        assertThat(Eval.run(rule, Hosts.windows("2019").absentUnder(Places.SCHANNEL)).status()).isEqualTo(Status.PASS);
    }

    @Test
    void not_collected_is_unknown() {
        assertThat(Eval.run(rule, Hosts.windows("2019")).status()).isEqualTo(Status.UNKNOWN);
    }
}
