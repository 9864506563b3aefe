package io.tlsready.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.tlsready.adapters.winrm.wsman.RegMethod;
import io.tlsready.adapters.winrm.wsman.WqlFacts;
import io.tlsready.adapters.winrm.wsman.WsmanMessages;
import io.tlsready.adapters.winrm.wsman.WsmanOptions;
import io.tlsready.domain.facts.HostFacts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The simulator's replies have the shape of the real Windows replies recorded in the corpus (shared/corpus/winrm):
 * compared structurally as sets of element paths written {@code {namespace}local/…} plus attribute names, never
 * byte for byte (ids, text and the WMI body differ by nature).
 */
class SimulatorRecordedResponsesTest {

    private static Path corpus;
    private static WmiResponder host;
    private static WsmanMessages messages;

    @BeforeAll
    static void setUp() {
        String prop = System.getProperty("tlsready.corpus");
        Path base = prop != null && !prop.isBlank() ? Path.of(prop) : Path.of("..", "..", "shared", "corpus");
        corpus = base.resolve("winrm");
        if (!Files.isDirectory(corpus)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("WinRM corpus missing at " + corpus.toAbsolutePath() + " (CI=true: required)");
            }
            Assumptions.abort("WinRM corpus missing at " + corpus.toAbsolutePath() + "; set -Dtlsready.corpus");
        }
        HostFacts facts = TestFleets.facts("2008r2-ready");
        host = new WmiResponder("SIMHOST", facts);
        messages = new WsmanMessages("http://127.0.0.1:5985/wsman", WsmanOptions.defaults());
    }

    @Test
    void the_envelope_and_header_are_those_of_windows_replies() throws Exception {
        Set<String> recorded = header(file("masterzen__operationTimeoutResponse.xml"));
        for (String reply : List.of(
                answer(messages.stdRegProv(RegMethod.GET_DWORD,
                        "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client",
                        "Enabled")),
                answer(messages.wqlEnumerate(WqlFacts.OS_QUERY)))) {
            assertThat(header(reply)).isEqualTo(recorded);
        }
    }

    @Test
    void timed_out_has_the_recorded_fault_structure() throws Exception {
        String real = file("masterzen__operationTimeoutResponse.xml");
        String sim = host.injected(FaultKind.TIMED_OUT, messages.wqlEnumerate(WqlFacts.OS_QUERY)
                .getBytes(StandardCharsets.UTF_8)).xml();
        assertThat(paths(sim)).isEqualTo(paths(real));
        assertThat(paths(file("pywinrm__test_exceptions_2.xml"))).containsAll(body(paths(sim)));
    }

    @Test
    void every_simulated_fault_has_the_structure_windows_faults_share() throws Exception {
        Set<String> common = null;
        for (String f : List.of("masterzen__operationTimeoutResponse.xml", "pywinrm__test_exceptions_2.xml",
                "pywinrm__test_exceptions_3.xml", "winrb__soap_fault_v2.xml")) {
            Set<String> p = faultSkeleton(paths(file(f)));
            if (common == null) {
                common = p;
            } else {
                common.retainAll(p);
            }
        }
        assertThat(common).isNotEmpty();
        byte[] req = messages.wqlEnumerate("SELECT * FROM Win32_NoSuchClass").getBytes(StandardCharsets.UTF_8);
        List<String> faults = new ArrayList<>();
        faults.add(host.answer(req).xml());
        faults.add(host.injected(FaultKind.SERVER_FAULT, req).xml());
        faults.add(host.injected(FaultKind.TIMED_OUT, req).xml());
        for (String sim : faults) {
            assertThat(faultSkeleton(paths(sim))).containsAll(common);
        }
    }

    @Test
    void enumeration_replies_use_the_namespaces_ms_wsmv_shows() throws Exception {
        Set<String> p = paths(answer(messages.wqlEnumerate(WqlFacts.QFE_QUERY)));
        String n = "{http://schemas.xmlsoap.org/ws/2004/09/enumeration}";
        String w = "{http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd}";
        assertThat(p).anyMatch(s -> s.endsWith("/" + n + "EnumerateResponse/" + n + "EnumerationContext"))
                .anyMatch(s -> s.endsWith("/" + n + "EnumerateResponse/" + w + "Items/" + w + "XmlFragment"))
                .anyMatch(s -> s.endsWith("/" + n + "EnumerateResponse/" + w + "EndOfSequence"));
    }

    private static String answer(String request) {
        WmiResponder.Answer a = host.answer(request.getBytes(StandardCharsets.UTF_8));
        assertThat(a.status()).as(a.xml()).isEqualTo(200);
        return a.xml();
    }

    private static String file(String name) throws IOException {
        return Files.readString(corpus.resolve(name), StandardCharsets.UTF_8);
    }

    /** Header children (path and attribute names) only. */
    private static Set<String> header(String xml) throws Exception {
        Set<String> out = new TreeSet<>();
        for (String p : paths(xml)) {
            if (p.contains("}Header")) {
                out.add(p);
            }
        }
        return out;
    }

    private static Set<String> body(Set<String> paths) {
        Set<String> out = new TreeSet<>();
        paths.stream().filter(p -> p.contains("}Body")).forEach(out::add);
        return out;
    }

    /** Fault paths without the detail's children (WSManFault vs MSFT_WmiError differ by kind). */
    private static Set<String> faultSkeleton(Set<String> paths) {
        Set<String> out = new TreeSet<>();
        for (String p : paths) {
            int detail = p.indexOf("}Detail/");
            if (p.contains("}Fault")) {
                out.add(detail < 0 ? p : p.substring(0, detail + "}Detail".length()));
            }
        }
        return out;
    }

    /** Every element as its path of {ns}local names, and every attribute as path@{ns}name. */
    static Set<String> paths(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder b = f.newDocumentBuilder();
        Element root = b.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        Set<String> out = new TreeSet<>();
        walk(root, "", out);
        return out;
    }

    private static void walk(Element e, String parent, Set<String> out) {
        String path = parent + "/{" + (e.getNamespaceURI() == null ? "" : e.getNamespaceURI()) + "}" + e.getLocalName();
        out.add(path);
        for (int i = 0; i < e.getAttributes().getLength(); i++) {
            Node a = e.getAttributes().item(i);
            if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
                out.add(path + "@{" + (a.getNamespaceURI() == null ? "" : a.getNamespaceURI()) + "}"
                        + a.getLocalName());
            }
        }
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element) {
                walk((Element) c, path, out);
            }
        }
    }
}
