package io.tlsready.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.report.AuditReport;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.report.StatusCounts;
import io.tlsready.domain.report.Verdict;
import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.RuleId;
import io.tlsready.domain.rules.Status;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The JUnit report as its consumers take it: valid against the schema Jenkins' xUnit plugin checks JUnit files with
 * (junit-10.xsd, provenance in the file), and read by Maven Surefire's own report parser with the very counts the
 * report states, in the mapping docs/ci-formats.md documents (FAIL failure, UNKNOWN error, WARN skipped, the rest
 * passing). XML is read with DTDs and external entities off.
 */
class JunitConsumersTest {

    private static String render(AuditReport report) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportFormat.JUNIT.renderer().render(report, new ReportRenderer.Options(false, false), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Every status on one host (each rule in turn), plus a mixed fleet with hosts that could not be audited. */
    private static List<AuditReport> reports() {
        List<Finding> findings = new ArrayList<>();
        Status[] statuses = Status.values();
        RuleId[] rules = RuleId.values();
        for (int i = 0; i < rules.length; i++) {
            findings.add(new Finding(rules[i], statuses[i % statuses.length], rules[i].name(),
                    "detail <&\"'> of " + rules[i], List.of(), Optional.empty(), List.of()));
        }
        HostReport all = new HostReport("every-status", "test", AuditService.failed("x", "t", "x").os(),
                Verdict.of(findings), findings, List.of(), List.of(), Optional.empty());
        return List.of(new AuditReport(List.of(all), "t", "now"), Fleets.mixed("srv", 30));
    }

    private static void validate(String xml) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        javax.xml.validation.Validator v = factory.newSchema(
                new StreamSource(JunitConsumersTest.class.getResource("/schemas/jenkins-junit-10.xsd").toString()))
                .newValidator();
        v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        v.validate(new StreamSource(new StringReader(xml)));
    }

    private static Document dom(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void the_report_is_valid_against_the_jenkins_junit_schema() throws Exception {
        for (AuditReport report : reports()) {
            validate(render(report));
        }
    }

    @Test
    void the_schema_check_is_not_vacuous_a_testcase_without_a_name_fails_it() throws Exception {
        String broken = render(reports().get(0)).replaceFirst("<testcase classname=\"([^\"]*)\" name=\"[^\"]*\"",
                "<testcase classname=\"$1\"");
        assertThatThrownBy(() -> validate(broken)).isInstanceOf(SAXException.class).hasMessageContaining("name");
    }

    @Test
    void surefires_report_parser_reads_the_counts_the_report_states_and_the_mapping_gives() throws Exception {
        for (AuditReport report : reports()) {
            String xml = render(report);
            List<ReportTestSuite> suites = new TestSuiteXmlParser(new NullConsoleLogger()).parse(new InputStreamReader(
                    new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
            assertThat(suites).hasSize(report.hosts().size());
            NodeList stated = dom(xml).getElementsByTagName("testsuite");
            for (int i = 0; i < suites.size(); i++) {
                HostReport h = report.hosts().get(i);
                ReportTestSuite parsed = suites.get(i);
                Element suite = (Element) stated.item(i);
                StatusCounts counts = StatusCounts.of(h.findings());
                int unreachable = h.error().isPresent() ? 1 : 0;
                assertThat(parsed.getNumberOfTests()).as(h.host()).isEqualTo(h.findings().size() + unreachable)
                        .isEqualTo(Integer.parseInt(suite.getAttribute("tests")));
                assertThat(parsed.getNumberOfFailures()).as(h.host()).isEqualTo(counts.count(Status.FAIL))
                        .isEqualTo(Integer.parseInt(suite.getAttribute("failures")));
                assertThat(parsed.getNumberOfErrors()).as(h.host()).isEqualTo(counts.count(Status.UNKNOWN) + unreachable)
                        .isEqualTo(Integer.parseInt(suite.getAttribute("errors")));
                assertThat(parsed.getNumberOfSkipped()).as(h.host()).isEqualTo(counts.count(Status.WARN))
                        .isEqualTo(Integer.parseInt(suite.getAttribute("skipped")));
            }
            Element root = dom(xml).getDocumentElement();
            assertThat(Integer.parseInt(root.getAttribute("tests")))
                    .isEqualTo(suites.stream().mapToInt(ReportTestSuite::getNumberOfTests).sum());
            assertThat(Integer.parseInt(root.getAttribute("failures")))
                    .isEqualTo(suites.stream().mapToInt(ReportTestSuite::getNumberOfFailures).sum());
            assertThat(Integer.parseInt(root.getAttribute("errors")))
                    .isEqualTo(suites.stream().mapToInt(ReportTestSuite::getNumberOfErrors).sum());
        }
    }

    @Test
    void warn_is_a_skipped_testcase_whose_message_says_warn_and_info_passes_with_its_text_in_system_out()
            throws Exception {
        Document doc = dom(render(reports().get(0)));
        NodeList cases = doc.getElementsByTagName("testcase");
        int warns = 0;
        int infos = 0;
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            Element child = (Element) c.getElementsByTagName("*").item(0);
            Status status = reports().get(0).hosts().get(0).findings().get(i).status();
            String expected = switch (status) {
                case FAIL -> "failure";
                case UNKNOWN -> "error";
                case WARN -> "skipped";
                default -> "system-out";
            };
            assertThat(child.getTagName()).as(c.getAttribute("name")).isEqualTo(expected);
            if (status == Status.WARN) {
                warns++;
                assertThat(child.getAttribute("message")).startsWith("WARN: detail <&\"'> of ");
            }
            if (status == Status.INFO) {
                infos++;
                assertThat(child.getTextContent()).startsWith("INFO: ");
            }
        }
        assertThat(warns).isPositive();
        assertThat(infos).isPositive();
    }
}
