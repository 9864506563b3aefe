package io.tlsready.adapters.winrm.wsman;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.testing.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each recorded fault maps to the right kind, codes and a one-line message that says what it means. */
class WsmanFaultTest {

    private static WsmanFault fault(String file) throws IOException {
        Path dir = Corpus.dir("winrm");
        List<WsmanCorpusTest.Recorded> replies = WsmanCorpusTest.replies(dir.resolve(file));
        return fault(replies.get(0).body());
    }

    private static WsmanFault fault(byte[] body) {
        Object parsed = WsmanCorpusTest.clientParse(body);
        assertThat(parsed).isInstanceOf(WsmanFault.class);
        return (WsmanFault) parsed;
    }

    private static WsmanFault fault(String xml, boolean isXml) {
        return fault(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void pywinrm_timed_out() throws IOException {
        WsmanFault f = fault("pywinrm__test_exceptions_2.xml");
        assertThat(f.kind()).isEqualTo(WsmanFault.Kind.TIMED_OUT);
        assertThat(f.kind().transientFailure()).isTrue();
        assertThat(f.detail().subcode()).isEqualTo("TimedOut");
        assertThat(f.detail().subcodeNs()).isEqualTo(WsmanNs.WSMAN);
        assertThat(f.detail().code()).isEqualTo("Receiver");
        assertThat(f.detail().wsmanCode()).hasValue(2150858793L);
        assertThat(f.detail().machine()).isEqualTo("server2022.domain.test");
        assertThat(f.getMessage()).startsWith("WinRM operation timed out on the host (OperationTimeout)")
                .contains("2150858793").doesNotContain("\n");
    }

    @Test
    void pywinrm_schema_validation() throws IOException {
        WsmanFault f = fault("pywinrm__test_exceptions_3.xml");
        assertThat(f.kind()).isEqualTo(WsmanFault.Kind.BAD_REQUEST);
        assertThat(f.detail().subcode()).isEqualTo("SchemaValidationError");
        assertThat(f.detail().wsmanCode()).hasValue(2150858817L);
        assertThat(f.getMessage()).contains("malformed (SchemaValidationError)").contains("Detail message.");
    }

    @Test
    void pywinrm_msft_wmi_error() throws IOException {
        WsmanFault f = fault("pywinrm__test_exceptions_4.xml");
        assertThat(f.detail().wsmanCode()).isEmpty();
        assertThat(f.detail().wmiErrorCode()).hasValue(2150859174L);
        assertThat(f.detail().subcode()).isEqualTo("InternalError");
        assertThat(f.detail().detailMessage()).isEqualTo("WMI Message.");
        assertThat(f.code()).hasValue(0x803381A6L);
        // 0x803381A6 = ERROR_WSMAN_QUOTA_MAX_OPERATIONS (wsmerror.h), whatever the subcode says.
        assertThat(f.kind()).isEqualTo(WsmanFault.Kind.QUOTA_LIMIT);
        assertThat(f.getMessage()).contains("concurrent operations").contains("WMI error 2150859174");
    }

    @Test
    void pywinrm_must_understand_and_unknown() throws IOException {
        WsmanFault mu = fault("pywinrm__test_exceptions_0.xml");
        assertThat(mu.kind()).isEqualTo(WsmanFault.Kind.BAD_REQUEST);
        assertThat(mu.detail().code()).isEqualTo("MustUnderstand");
        assertThat(mu.detail().reason()).isEqualTo("Test reason.");
        WsmanFault unknown = fault("pywinrm__test_exceptions_1.xml");
        assertThat(unknown.kind()).isEqualTo(WsmanFault.Kind.UNKNOWN);
        assertThat(unknown.getMessage()).isNotBlank();
    }

    @Test
    void winrb_soap_faults_v1_v2_are_class_not_in_namespace() throws IOException {
        for (String file : List.of("winrb__soap_fault_v1.xml", "winrb__soap_fault_v2.xml")) {
            WsmanFault f = fault(file);
            assertThat(f.kind()).as(file).isEqualTo(WsmanFault.Kind.INVALID_FILTER);
            assertThat(f.detail().subcode()).isEqualTo("CannotProcessFilter");
            assertThat(f.detail().subcodeNs()).isEqualTo(WsmanNs.WSEN);
            assertThat(f.detail().wsmanCode()).hasValue(2150858778L);
            assertThat(f.detail().detailMessage()).isEqualTo("The specified class does not exist in the given namespace.");
            assertThat(f.getMessage()).contains("WMI query rejected")
                    .contains("The specified class does not exist in the given namespace.").doesNotContain("\n");
        }
        assertThat(fault("winrb__soap_fault_v2.xml").detail().machine()).isEqualTo("localhost");
    }

    @Test
    void winrb_omi_faults_with_other_prefixes_and_padded_text() throws IOException {
        for (String file : List.of("winrb__soap_fault_omi.xml", "winrb__get_omi_config_response.xml")) {
            WsmanFault f = fault(file);
            assertThat(f.kind()).as(file).isEqualTo(WsmanFault.Kind.INTERNAL_ERROR);
            assertThat(f.detail().code()).isEqualTo("Receiver");
            assertThat(f.detail().subcode()).isEqualTo("InternalError");
            assertThat(f.detail().subcodeNs()).isEqualTo(WsmanNs.WSMAN);
            assertThat(f.detail().reason()).isEqualTo("get-instance: instance name parameter is missing");
            assertThat(f.getMessage()).contains("get-instance: instance name parameter is missing");
        }
    }

    @Test
    void winrb_wmi_error_v2_is_a_shell_quota() throws IOException {
        WsmanFault f = fault("winrb__wmi_error_v2.xml");
        assertThat(f.kind()).isEqualTo(WsmanFault.Kind.QUOTA_LIMIT);
        assertThat(f.detail().subcode()).isEqualTo("QuotaLimit");
        assertThat(f.detail().wmiErrorCode()).hasValue(2150859173L);
        assertThat(f.getMessage()).contains("MaxShellsPerUser");
    }

    @Test
    void masterzen_faults() throws IOException {
        assertThat(fault("masterzen__operationTimeoutResponse.xml").kind()).isEqualTo(WsmanFault.Kind.TIMED_OUT);
        WsmanFault tooLong = fault("masterzen__executeCommandResponseWithError.xml");
        assertThat(tooLong.kind()).isEqualTo(WsmanFault.Kind.INTERNAL_ERROR);
        assertThat(tooLong.detail().wsmanCode()).hasValue(2147942606L);
        assertThat(tooLong.getMessage()).contains("The filename or extension is too long.");
    }

    @Test
    void pypsrp_faults() throws IOException {
        Path dir = Corpus.dir("winrm");
        WsmanFault badId = fault(WsmanCorpusTest.replies(dir.resolve("pypsrp__test_winrs_bad_cmd_id.yml")).get(2).body());
        assertThat(badId.detail().subcode()).isEqualTo("InvalidSelectors");
        assertThat(badId.kind()).isEqualTo(WsmanFault.Kind.BAD_REQUEST);
        WsmanFault timeout = fault(WsmanCorpusTest.replies(dir.resolve("pypsrp__test_winrs_operation_timeout.yml"))
                .get(3).body());
        assertThat(timeout.kind()).isEqualTo(WsmanFault.Kind.TIMED_OUT);
        WsmanFault param = fault(WsmanCorpusTest.replies(dir.resolve("pypsrp__test_winrs_fail_poll_process.yml"))
                .get(1).body());
        assertThat(param.detail().wsmanCode()).hasValue(87);
        assertThat(param.kind()).isEqualTo(WsmanFault.Kind.BAD_REQUEST);
    }

    @Test
    void server_side_fault_builders_map_back() {
        WsmanFault denied = fault(WsmanResponses.accessDenied("uuid:1", "h"), true);
        assertThat(denied.kind()).isEqualTo(WsmanFault.Kind.ACCESS_DENIED);
        assertThat(denied.getMessage()).startsWith("access denied: the account is not allowed to use WMI over WinRM")
                .contains("Remote Management Users").contains("root\\default");
        assertThat(fault(WsmanResponses.timedOut("uuid:1", "h"), true).kind()).isEqualTo(WsmanFault.Kind.TIMED_OUT);
        WsmanFault missing = fault(WsmanResponses.resourceNotFound("uuid:1", "h"), true).during("StdRegProv.EnumValues");
        assertThat(missing.kind()).isEqualTo(WsmanFault.Kind.NOT_FOUND);
        assertThat(missing.getMessage()).contains("WMI class or namespace not found").contains("StdRegProv.EnumValues");
        assertThat(fault(WsmanResponses.cannotProcessFilter("uuid:1", "h"), true).kind())
                .isEqualTo(WsmanFault.Kind.INVALID_FILTER);
        WsmanFault ns = fault(WsmanResponses.fault("u", "Sender", "w:InternalError", "x", 2147749902L, "h"), true);
        assertThat(ns.kind()).isEqualTo(WsmanFault.Kind.NOT_FOUND);
        assertThat(ns.getMessage()).contains("namespace not found");
        WsmanFault destination = fault(WsmanResponses.fault("u", "Sender", "a:DestinationUnreachable", "no", null, "h"),
                true);
        assertThat(destination.kind()).isEqualTo(WsmanFault.Kind.NOT_FOUND);
        WsmanFault network = fault(WsmanResponses.fault("u", "Receiver", "w:InternalError", "x", 2150859046L, "h"), true);
        assertThat(network.kind()).isEqualTo(WsmanFault.Kind.TIMED_OUT);
        assertThat(network.getMessage()).contains("network");
        WsmanFault signed = fault(WsmanResponses.fault("u", "Receiver", null, "x", null, "h")
                .replace("<s:Detail>", "<s:Detail>"), true);
        assertThat(signed.kind()).isEqualTo(WsmanFault.Kind.UNKNOWN);
    }

    @Test
    void soap11_faults_are_read_too() {
        String xml = "<e:Envelope xmlns:e='http://schemas.xmlsoap.org/soap/envelope/'><e:Body><e:Fault>"
                + "<faultcode>e:Server</faultcode><faultstring>boom</faultstring></e:Fault></e:Body></e:Envelope>";
        WsmanFault f = fault(xml, true);
        assertThat(f.detail().code()).isEqualTo("Server");
        assertThat(f.getMessage()).contains("boom");
    }
}
