package io.tlsready.domain.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.facts.EvidenceWarning;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.facts.Provenance;
import io.tlsready.domain.facts.SourceLine;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.remediation.RegistryChange;
import io.tlsready.domain.remediation.Remediation;
import io.tlsready.domain.rules.Evidence;
import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.RuleId;
import io.tlsready.domain.rules.Status;
import io.tlsready.domain.rules.book.RuleBook;
import io.tlsready.domain.testing.Hosts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A host object read back is the very same HostReport: what the service's history relies on. */
class HostReportReaderTest {

    private static final AuditService AUDIT = new AuditService(RuleBook.standard());

    static List<HostReport> reports() {
        List<HostReport> reports = new ArrayList<>();
        for (String os : Hosts.ALL_OS) {
            reports.add(AUDIT.evaluate(Hosts.windows(os).named("not-ready-" + os).coverAll().updates().build()));
            reports.add(AUDIT.evaluate(Hosts.windows(os).x64().coverAll().updatesNotCollected().build()));
        }
        for (String os : List.of("2008R2", "2012", "2012R2", "2016", "2019", "2022")) {
            reports.add(AUDIT.evaluate(Hosts.ready(os).build()));
        }
        reports.add(AUDIT.evaluate(Hosts.windows("2008R2").x64().coverAll().updates("KB5000001").build()));
        reports.add(AUDIT.evaluate(Hosts.blank().build()));
        reports.add(AuditService.failed("srv1", "WinRM srv1:5986", "no answer within 60 s"));
        return reports;
    }

    @Test
    void every_kind_of_report_reads_back_equal() {
        for (HostReport original : reports()) {
            assertThat(HostReportReader.read(ReportDocument.host(original))).isEqualTo(original);
        }
    }

    @Test
    void the_target_and_the_evidence_file_and_line_are_written_and_read_back() {
        HostReport audited = AUDIT.evaluate(Hosts.windows("2008R2").x64().coverAll().updates().build());
        List<Finding> findings = new ArrayList<>();
        for (Finding f : audited.findings()) {
            List<Evidence> located = new ArrayList<>();
            for (Evidence e : f.evidence()) {
                located.add(new Evidence(e.path(), e.view(), e.valueName(), e.observed(), e.expected(), e.origin(),
                        Optional.of(new SourceLine("ev/schannel.reg", 14))));
            }
            findings.add(new Finding(f.rule(), f.status(), f.title(), f.detail(), located, f.remediation(),
                    f.reference()));
        }
        HostReport original = new HostReport(audited.host(), audited.source(), audited.os(), audited.verdict(),
                findings, audited.provenance(), audited.warnings(), Optional.empty()).withTarget("srv1:5986");
        Map<String, Object> written = ReportDocument.host(original);

        assertThat(written).containsEntry("target", "srv1:5986");
        @SuppressWarnings("unchecked")
        Map<String, Object> evidence = ((List<Map<String, Object>>) ((List<Map<String, Object>>) written
                .get("findings")).get(0).get("evidence")).get(0);
        assertThat(evidence).containsEntry("file", "ev/schannel.reg").containsEntry("line", 14);
        assertThat(HostReportReader.read(asJsonReadsIt(written))).isEqualTo(original);
        assertThat(ReportDocument.host(audited)).as("offline: no target").doesNotContainKey("target");
    }

    @Test
    void reports_read_back_equal_after_json_narrowed_their_numbers() {
        for (HostReport original : reports()) {
            assertThat(HostReportReader.read(asJsonReadsIt(ReportDocument.host(original)))).isEqualTo(original);
        }
    }

    @Test
    void reports_with_bit_updates_and_32_bit_values_keep_every_operand() {
        List<RegistryChange> changes = reports().stream().flatMap(r -> r.findings().stream())
                .flatMap(f -> f.remediation().stream()).flatMap(r -> r.changes().stream()).toList();
        assertThat(changes).anyMatch(c -> c.operation() == RegistryChange.Operation.OR_BITS);
        assertThat(changes).anyMatch(c -> c.ref().physicalKey().contains("WOW6432Node"));
    }

    @Test
    void hostile_strings_are_data_and_read_back_unchanged() {
        String hostile = "\"}]\u0000\u001b[31m<script>é\u202e\\\\'; DROP TABLE reports;--\ud83d\ude00";
        HostFacts facts = Hosts.windows("2012R2").named("srv" + hostile).x64().coverAll().updates().build();
        HostReport evaluated = AUDIT.evaluate(facts);
        ValueRef ref = ValueRef.of("HKLM\\SOFTWARE\\" + hostile, hostile);
        Finding odd = new Finding(RuleId.values()[0], Status.FAIL, hostile, hostile,
                List.of(new Evidence(hostile, hostile, hostile, hostile, hostile, hostile)),
                Optional.of(new Remediation(hostile, List.of(RegistryChange.set(ref, 0xFFFFFFFFL, Optional.of(-1L),
                        hostile)), List.of(), List.of(hostile, ""))), List.of());
        List<Finding> findings = new ArrayList<>(evaluated.findings());
        findings.add(odd);
        HostReport original = new HostReport(evaluated.host(), hostile, evaluated.os(), evaluated.verdict(), findings,
                List.of(new Provenance(hostile, hostile, hostile)), List.of(new EvidenceWarning(hostile, hostile)),
                Optional.of(hostile));

        assertThat(HostReportReader.read(asJsonReadsIt(ReportDocument.host(original)))).isEqualTo(original);
    }

    @Test
    void a_change_written_before_operations_were_recorded_reads_as_the_dword_it_writes() {
        HostReport original = AUDIT.evaluate(Hosts.windows("2008R2").x64().coverAll().updates().build());
        Map<String, Object> tree = ReportDocument.host(original);
        forEachChange(tree, c -> {
            c.remove("operation");
            c.remove("operand");
            c.remove("clearBits");
            c.remove("defaultWhenAbsent");
        });

        HostReport back = HostReportReader.read(tree);

        List<RegistryChange> before = changes(original);
        List<RegistryChange> after = changes(back);
        assertThat(after).hasSameSizeAs(before).isNotEmpty();
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i).after()).isEqualTo(before.get(i).after());
            assertThat(after.get(i).operation()).isEqualTo(RegistryChange.Operation.SET);
        }
    }

    @Test
    void a_tree_that_is_not_a_host_is_refused_naming_the_field() {
        Map<String, Object> tree = ReportDocument.host(AuditService.failed("srv1", "winrm", "refused"));
        tree.remove("verdict");
        assertThatThrownBy(() -> HostReportReader.read(tree)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("host: no \"verdict\" field");

        Map<String, Object> badVerdict = ReportDocument.host(AuditService.failed("srv1", "winrm", "refused"));
        badVerdict.put("verdict", "MAYBE<script>");
        assertThatThrownBy(() -> HostReportReader.read(badVerdict)).hasMessage("host.verdict: not a known name");

        assertThatThrownBy(() -> HostReportReader.read(List.of())).hasMessage("host: expected an object");
    }

    private static List<RegistryChange> changes(HostReport r) {
        return r.findings().stream().flatMap(f -> f.remediation().stream()).flatMap(m -> m.changes().stream())
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static void forEachChange(Map<String, Object> host, java.util.function.Consumer<Map<String, Object>> c) {
        for (Object f : (List<Object>) host.get("findings")) {
            Object rem = ((Map<String, Object>) f).get("remediation");
            if (rem != null) {
                ((List<Object>) ((Map<String, Object>) rem).get("changes")).forEach(x -> c.accept((Map<String, Object>) x));
            }
        }
    }

    /** What a JSON library hands back: numbers as the narrowest of Integer and Long, fresh maps and lists. */
    static Object asJsonReadsIt(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put((String) k, asJsonReadsIt(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(asJsonReadsIt(x)));
            return out;
        }
        if (v instanceof Number n) {
            long x = n.longValue();
            return x == (int) x ? (Object) (int) x : (Object) x;
        }
        return v;
    }
}
