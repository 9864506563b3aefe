package io.tlsready.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.rules.book.RuleBook;
import io.tlsready.domain.testing.Hosts;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/** design.md JSON contract: schema tlsready.report/v1 and fixed field names. */
class ReportDocumentTest {

    private static AuditReport report() {
        AuditService s = new AuditService(RuleBook.standard());
        return new AuditReport(List.of(
                s.evaluate(Hosts.windows("2008R2").named("fs01").x64().coverAll().updates().build()),
                s.evaluate(Hosts.ready("2019").named("web01").build()),
                AuditService.failed("db01", "winrm", "connection refused")), "0.1.0", "2026-01-01T00:00:00Z");
    }

    @SuppressWarnings("unchecked")
    private static <T> T get(Object map, String key) {
        assertThat(map).isInstanceOf(Map.class);
        assertThat((Map<String, Object>) map).containsKey(key);
        return (T) ((Map<String, Object>) map).get(key);
    }

    @Test
    void the_root_has_schema_hosts_and_summary() {
        Map<String, Object> doc = ReportDocument.of(report());

        assertThat(doc.get("schema")).isEqualTo("tlsready.report/v1");
        assertThat(doc).containsKeys("schema", "hosts", "summary");
        assertThat(ReportDocumentTest.<List<Object>>get(doc, "hosts")).hasSize(3);
    }

    @Test
    void each_host_has_the_fixed_fields() {
        List<Object> hosts = get(ReportDocument.of(report()), "hosts");
        Object fs01 = hosts.get(0);

        assertThat((String) get(fs01, "host")).isEqualTo("fs01");
        assertThat((String) get(fs01, "source")).isEqualTo("fixture");
        assertThat((String) get(fs01, "verdict")).isEqualTo("NOT_READY");
        Object os = get(fs01, "os");
        assertThat((String) get(os, "release")).isEqualTo("SERVER_2008_R2");
        assertThat((String) get(os, "architecture")).isEqualTo("X64");
        assertThat(ReportDocumentTest.<List<Object>>get(fs01, "findings")).hasSize(15);
    }

    @Test
    void each_finding_has_rule_status_title_detail_evidence_remediation_and_reference() {
        List<Object> hosts = get(ReportDocument.of(report()), "hosts");
        List<Object> findings = get(hosts.get(0), "findings");
        Object client = findings.stream().filter(f -> "SCHANNEL_TLS12_CLIENT".equals(get(f, "rule"))).findFirst()
                .orElseThrow();

        assertThat((String) get(client, "status")).isEqualTo("FAIL");
        assertThat((String) get(client, "title")).isNotBlank();
        assertThat((String) get(client, "detail")).isNotBlank();
        List<Object> evidence = get(client, "evidence");
        assertThat(evidence).isNotEmpty();
        assertThat((String) get(evidence.get(0), "observed")).isEqualTo("ABSENT");
        assertThat((String) get(evidence.get(0), "valueName")).isEqualTo("Enabled");
        Object remediation = get(client, "remediation");
        List<Object> changes = get(remediation, "changes");
        assertThat(changes).isNotEmpty();
        assertThat(ReportDocumentTest.<Object>get(changes.get(0), "after")).isEqualTo(1L);
        List<Object> reference = get(client, "reference");
        assertThat((String) get(reference.get(0), "id")).isEqualTo("S1");
        assertThat((String) get(reference.get(0), "url")).startsWith("https://");
    }

    @Test
    void a_passing_finding_has_a_null_remediation_but_keeps_the_field() {
        List<Object> hosts = get(ReportDocument.of(report()), "hosts");
        List<Object> findings = get(hosts.get(1), "findings");

        assertThat(findings).allSatisfy(f -> {
            assertThat(f).asInstanceOf(InstanceOfAssertFactories.map(String.class, Object.class))
                    .containsKeys("rule", "status", "title", "detail", "evidence", "remediation", "reference");
        });
        Object os = findings.get(0);
        assertThat(ReportDocumentTest.<Object>get(os, "remediation")).isNull();
    }

    @Test
    void an_unreachable_host_carries_its_error_and_an_unknown_verdict() {
        List<Object> hosts = get(ReportDocument.of(report()), "hosts");

        assertThat((String) get(hosts.get(2), "verdict")).isEqualTo("UNKNOWN");
        assertThat((String) get(hosts.get(2), "error")).isEqualTo("connection refused");
        assertThat(ReportDocumentTest.<List<Object>>get(hosts.get(2), "findings")).isEmpty();
    }

    @Test
    void the_summary_counts_verdicts_and_gives_the_exit_code() {
        Object summary = get(ReportDocument.of(report()), "summary");

        assertThat((Integer) get(summary, "hosts")).isEqualTo(3);
        assertThat((Integer) get(summary, "ready")).isEqualTo(1);
        assertThat((Integer) get(summary, "notReady")).isEqualTo(1);
        assertThat((Integer) get(summary, "unknown")).isEqualTo(1);
        assertThat((Integer) get(summary, "unreachable")).isEqualTo(1);
        assertThat((Integer) get(summary, "exitCode")).isEqualTo(1);
        Map<String, Object> statuses = get(summary, "statuses");
        assertThat(statuses).containsKeys("PASS", "FAIL", "WARN", "INFO", "NOT_APPLICABLE", "UNKNOWN");
    }
}
