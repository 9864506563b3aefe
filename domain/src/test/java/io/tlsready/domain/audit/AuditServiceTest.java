package io.tlsready.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.facts.FactsRequest;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.facts.RegistryView;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.os.OsIdentifier;
import io.tlsready.domain.port.FactsSource;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.report.Verdict;
import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.Places;
import io.tlsready.domain.rules.Rule;
import io.tlsready.domain.rules.RuleId;
import io.tlsready.domain.rules.Status;
import io.tlsready.domain.rules.book.RuleBook;
import io.tlsready.domain.testing.Hosts;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditServiceTest {

    private final AuditService service = new AuditService(RuleBook.standard());

    private Status status(HostReport r, RuleId rule) {
        return r.findings().stream().filter(f -> f.rule() == rule).map(Finding::status).findFirst().orElseThrow();
    }

    @Test
    void the_standard_rule_book_has_one_rule_per_rule_id_in_design_order() {
        assertThat(RuleBook.standard().rules()).extracting(Rule::id).containsExactly(RuleId.values());
    }

    @Test
    void the_request_contains_every_value_each_rule_needs_plus_os_identity_and_updates() {
        RuleBook book = RuleBook.standard();
        FactsRequest request = book.request();

        for (Rule rule : book.rules()) {
            assertThat(request.values()).as(rule.id().name()).containsAll(rule.needs());
        }
        assertThat(request.values()).containsAll(OsIdentifier.NEEDS);
        assertThat(request.installedUpdates()).isTrue();
        assertThat(request.systemInfo()).isTrue();
    }

    @Test
    void the_request_asks_for_both_views_of_the_dot_net_and_win_http_values() {
        FactsRequest request = RuleBook.standard().request();

        for (String name : new String[] {"SchUseStrongCrypto", "SystemDefaultTlsVersions"}) {
            assertThat(request.values()).contains(ValueRef.of(Places.NETFX4, name),
                    new ValueRef(Places.NETFX4, RegistryView.WOW64_32, name));
        }
        assertThat(request.values()).contains(new ValueRef(Places.WINHTTP, RegistryView.WOW64_32, "DefaultSecureProtocols"),
                ValueRef.of(Places.TLS12_CLIENT, "Enabled"), ValueRef.of(Places.TLS12_CLIENT, "DisabledByDefault"),
                ValueRef.of(Places.NDP4_FULL, "Release"));
        assertThat(request.physicalKeys()).contains(
                "HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\.NETFramework\\v4.0.30319");
    }

    @Test
    void audit_asks_the_source_for_exactly_the_rule_book_request() {
        AtomicReference<FactsRequest> asked = new AtomicReference<>();
        FactsSource source = new FactsSource() {
            @Override
            public String describe() {
                return "recording source";
            }

            @Override
            public HostFacts collect(FactsRequest request) {
                asked.set(request);
                return Hosts.ready("2019").named("rec").build();
            }
        };

        HostReport r = service.audit(source);

        assertThat(asked.get()).isEqualTo(RuleBook.standard().request());
        assertThat(r.host()).isEqualTo("rec");
        assertThat(r.verdict()).isEqualTo(Verdict.READY);
    }

    @ParameterizedTest(name = "{0} configured as tlsready would -> {1}")
    @CsvSource({
        "XP,           NOT_READY",
        "2003,         NOT_READY",
        "Vista,        NOT_READY",
        "2008SP1,      NOT_READY",
        "2008SP2,      READY",
        "2008SP2-6003, READY",
        "7RTM,         NOT_READY",
        "7,            READY",
        "2008R2,       READY",
        "2012,         READY",
        "2012R2,       READY",
        "10,           READY",
        "2016,         READY",
        "2019,         READY",
        "2022,         READY",
        "11,           READY",
    })
    void a_fully_configured_host_is_ready_on_every_supported_os(String os, Verdict expected) {
        HostReport r = service.evaluate(Hosts.ready(os).build());

        assertThat(r.verdict()).as(r.findings().toString()).isEqualTo(expected);
        assertThat(r.findings()).hasSize(RuleId.values().length);
    }

    @Test
    void a2008_r2_with_nothing_configured_is_not_ready_for_each_core_reason() {
        HostReport r = service.evaluate(Hosts.windows("2008R2").x64().coverAll().updates("KB5000001").build());

        assertThat(r.verdict()).isEqualTo(Verdict.NOT_READY);
        assertThat(r.findings()).filteredOn(f -> f.status() == Status.FAIL).extracting(Finding::rule)
                .containsExactlyInAnyOrder(RuleId.OS_TLS12_UPDATE, RuleId.SCHANNEL_TLS12_CLIENT,
                        RuleId.WINHTTP_DEFAULT_SECURE_PROTOCOLS, RuleId.NETFX_VERSION, RuleId.NETFX_STRONG_CRYPTO);
        assertThat(status(r, RuleId.SCHANNEL_TLS12_SERVER)).isEqualTo(Status.WARN);
    }

    @Test
    void a2019_with_nothing_configured_fails_only_on_dot_net() {
        HostReport r = service.evaluate(Hosts.windows("2019").x64().coverAll().updatesNotCollected().build());

        assertThat(r.findings()).filteredOn(f -> f.status() == Status.FAIL).extracting(Finding::rule)
                .containsExactlyInAnyOrder(RuleId.NETFX_VERSION, RuleId.NETFX_STRONG_CRYPTO);
        assertThat(status(r, RuleId.SCHANNEL_TLS12_CLIENT)).isEqualTo(Status.PASS);
    }

    @Test
    void a_ready_host_whose_schannel_keys_were_not_collected_is_unknown_not_ready() {
        HostReport r = service.evaluate(Hosts.ready("2008R2").notCollectedUnder(Places.SCHANNEL).build());

        assertThat(status(r, RuleId.SCHANNEL_TLS12_CLIENT)).isEqualTo(Status.UNKNOWN);
        assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void a_ready_host_without_the_update_list_is_unknown_on2008_r2_but_ready_on2019() {
        assertThat(service.evaluate(Hosts.ready("2008R2").updatesNotCollected().build()).verdict())
                .isEqualTo(Verdict.UNKNOWN);
        assertThat(service.evaluate(Hosts.ready("2019").updatesNotCollected().build()).verdict())
                .isEqualTo(Verdict.READY);
    }

    @Test
    void a_ready_host_with_mars_not_collected_stays_ready_because_mars_is_not_core() {
        HostReport r = service.evaluate(Hosts.ready("2019").notCollectedUnder(Places.MARS_SETUP).build());

        assertThat(status(r, RuleId.MARS_AGENT)).isEqualTo(Status.UNKNOWN);
        assertThat(r.verdict()).isEqualTo(Verdict.READY);
    }

    @Test
    void no_evidence_at_all_is_unknown() {
        HostReport r = service.evaluate(Hosts.blank().build());

        assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(r.os().identified()).isFalse();
    }

    @Test
    void a_failed_host_carries_its_error_and_no_findings() {
        HostReport r = AuditService.failed("db01", "winrm", "401 Unauthorized");

        assertThat(r.error()).contains("401 Unauthorized");
        assertThat(r.findings()).isEmpty();
        assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void evaluation_is_pure_the_same_facts_give_the_same_findings() {
        HostFacts facts = Hosts.windows("2008R2").x64().coverAll().build();

        assertThat(service.evaluate(facts).findings()).isEqualTo(service.evaluate(facts).findings());
        assertThat(Arrays.asList(RuleId.values())).hasSize(15);
    }
}
