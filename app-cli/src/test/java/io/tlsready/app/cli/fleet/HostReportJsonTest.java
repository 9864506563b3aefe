package io.tlsready.app.cli.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.report.ReportDocument;
import io.tlsready.domain.rules.book.RuleBook;
import io.tlsready.domain.testing.Hosts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A host read back from its JSON line renders to the very same document (what --resume relies on). */
class HostReportJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void round_trip_through_json_gives_the_same_document() throws Exception {
        AuditService audit = new AuditService(RuleBook.standard());
        List<HostFacts> hosts = List.of(Hosts.ready("2019").build(), Hosts.ready("2008R2").build(),
                Hosts.windows("2008R2").x64().coverAll().updates("KB5000001").build(),
                Hosts.windows("2012").x64().coverAll().updatesNotCollected().build(), Hosts.blank().build());
        for (HostFacts facts : hosts) {
            HostReport original = audit.evaluate(facts);
            assertRoundTrip(original);
        }
        assertRoundTrip(AuditService.failed("srv1", "WinRM srv1:5986", "no answer within 60 s"));
    }

    private static void assertRoundTrip(HostReport original) throws Exception {
        Map<String, Object> tree = ReportDocument.host(original);
        String text = JSON.writeValueAsString(tree);
        HostReport back = HostReportJson.read(JSON.readTree(text));
        assertThat(JSON.writeValueAsString(ReportDocument.host(back))).isEqualTo(text);
    }
}
