package io.tlsready.adapters.winrm.wsman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WsmanMessagesTest {

    private static final UUID ID = UUID.fromString("11111111-2222-3333-4444-555555555555");
    private final WsmanMessages messages = new WsmanMessages("https://h:5986/wsman",
            WsmanOptions.defaults().withOperationTimeout(Duration.ofMillis(20_500)), () -> ID);

    private static WsmanRequest parse(String xml) {
        return WsmanRequest.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void common_headers_follow_ms_wsmv() {
        WsmanRequest r = parse(messages.stdRegProv(RegMethod.GET_DWORD, "HKLM\\SYSTEM\\X", "Enabled"));
        Envelope env = r.envelope();

        assertThat(env.soapNamespace()).isEqualTo(WsmanNs.SOAP12);
        assertThat(r.to()).isEqualTo("https://h:5986/wsman");
        assertThat(r.messageId()).isEqualTo("uuid:11111111-2222-3333-4444-555555555555");
        XmlElement h = env.header();
        assertThat(h.child("To").orElseThrow().namespace()).isEqualTo(WsmanNs.WSA);
        assertThat(h.child("ReplyTo").orElseThrow().child("Address").orElseThrow().trimmedText())
                .isEqualTo(WsmanNs.ANONYMOUS);
        XmlElement max = h.child("MaxEnvelopeSize").orElseThrow();
        assertThat(max.namespace()).isEqualTo(WsmanNs.WSMAN);
        assertThat(max.trimmedText()).isEqualTo("153600");
        assertThat(max.attribute("mustUnderstand")).contains("true");
        assertThat(r.operationTimeout()).contains("PT20.500S");
        assertThat(h.child("Locale").orElseThrow().attribute("lang")).contains("en-US");
        assertThat(h.child("Locale").orElseThrow().attribute("mustUnderstand")).contains("false");
        assertThat(h.child("DataLocale").orElseThrow().namespace()).isEqualTo(WsmanNs.WSMV);
        assertThat(h.child("ResourceURI").orElseThrow().attribute("mustUnderstand")).contains("true");
        assertThat(h.child("Action").orElseThrow().attribute("mustUnderstand")).contains("true");
        assertThat(h.child("SelectorSet")).isEmpty();
        assertThat(h.child("OptionSet")).isEmpty();
    }

    @Test
    void std_reg_prov_invoke_shape() {
        WsmanRequest r = parse(messages.stdRegProv(RegMethod.GET_DWORD,
                "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client",
                "Enabled"));

        assertThat(r.resourceUri()).isEqualTo("http://schemas.microsoft.com/wbem/wsman/1/wmi/root/default/StdRegProv");
        assertThat(r.action())
                .isEqualTo("http://schemas.microsoft.com/wbem/wsman/1/wmi/root/default/StdRegProv/GetDWORDValue");
        XmlElement input = r.envelope().payload().orElseThrow();
        assertThat(input.name()).isEqualTo("GetDWORDValue_INPUT");
        assertThat(input.namespace()).isEqualTo(WsmanMessages.STD_REG_PROV);
        assertThat(input.children()).extracting(XmlElement::name).containsExactly("hDefKey", "sSubKeyName", "sValueName");
        assertThat(input.children()).allSatisfy(c -> assertThat(c.namespace()).isEqualTo(WsmanMessages.STD_REG_PROV));
        assertThat(r.invokeParams()).containsEntry("hDefKey", "2147483650")
                .containsEntry("sSubKeyName",
                        "SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client")
                .containsEntry("sValueName", "Enabled");
    }

    @Test
    void every_reg_method_has_its_action_and_input() {
        for (RegMethod m : RegMethod.values()) {
            WsmanRequest r = parse(messages.stdRegProv(m, "HKLM\\SOFTWARE\\WOW6432Node\\Microsoft", "v"));
            assertThat(r.action()).endsWith("/StdRegProv/" + m.wmiName());
            assertThat(r.invokeMethod()).contains(m.wmiName());
            assertThat(r.invokeParams()).containsEntry("sSubKeyName", "SOFTWARE\\WOW6432Node\\Microsoft");
            assertThat(r.invokeParams().containsKey("sValueName")).isEqualTo(m.takesValueName());
        }
    }

    @Test
    void a_setter_carries_its_data_after_the_value_name_and_an_array_as_repeated_elements() {
        WsmanRequest r = parse(messages.stdRegProv(RegMethod.SET_MULTI_STRING, "HKLM\\SOFTWARE\\K", "Curves",
                List.of(Map.entry("sValue", "NistP384"), Map.entry("sValue", "a<&>b"), Map.entry("sValue", ""))));
        assertThat(r.action()).endsWith("/StdRegProv/SetMultiStringValue");
        assertThat(r.envelope().payload().orElseThrow().children()).extracting(XmlElement::name)
                .containsExactly("hDefKey", "sSubKeyName", "sValueName", "sValue", "sValue", "sValue");
        assertThat(r.invokeParamValues("svalue")).containsExactly("NistP384", "a<&>b", "");
        assertThat(RegMethod.SET_MULTI_STRING.writes()).isTrue();
        assertThat(RegMethod.ENUM_VALUES.writes()).isFalse();

        WsmanRequest create = parse(messages.stdRegProv(RegMethod.CREATE_KEY, "HKLM\\SOFTWARE\\New", null));
        assertThat(create.envelope().payload().orElseThrow().children()).extracting(XmlElement::name)
                .containsExactly("hDefKey", "sSubKeyName");
    }

    @Test
    void names_are_escaped() {
        String nasty = "a<b&c\"d'e>]]>\r\n\tz";
        String xml = messages.stdRegProv(RegMethod.GET_STRING, "HKLM\\SOFTWARE\\K<&\"ey", nasty);
        assertThat(xml).doesNotContain("a<b").doesNotContain("K<&");

        WsmanRequest r = parse(xml);
        assertThat(r.invokeParams()).containsEntry("sValueName", nasty).containsEntry("sSubKeyName", "SOFTWARE\\K<&\"ey");
    }

    @Test
    void characters_xml_cannot_carry_are_refused() {
        assertThatThrownBy(() -> messages.stdRegProv(RegMethod.GET_STRING, "HKLM\\SOFTWARE\\K", "a\u0001b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+0001");
        assertThatThrownBy(() -> messages.invoke(WsmanMessages.STD_REG_PROV, "Bad Name", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> messages.stdRegProv(RegMethod.ENUM_VALUES, "HKXX\\SOFTWARE", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wql_enumerate_shape() {
        WsmanRequest r = parse(messages.wqlEnumerate("SELECT HotFixID FROM Win32_QuickFixEngineering WHERE a<'b'"));

        assertThat(r.action()).isEqualTo("http://schemas.xmlsoap.org/ws/2004/09/enumeration/Enumerate");
        assertThat(r.resourceUri()).isEqualTo("http://schemas.microsoft.com/wbem/wsman/1/wmi/root/cimv2/*");
        XmlElement enumerate = r.envelope().payload().orElseThrow();
        assertThat(enumerate.namespace()).isEqualTo(WsmanNs.WSEN);
        assertThat(enumerate.child("OptimizeEnumeration").orElseThrow().namespace()).isEqualTo(WsmanNs.WSMAN);
        assertThat(enumerate.child("MaxElements").orElseThrow().namespace()).isEqualTo(WsmanNs.WSMAN);
        assertThat(r.maxElements()).hasValue(32_000);
        XmlElement filter = r.filter().orElseThrow();
        assertThat(filter.namespace()).isEqualTo(WsmanNs.WSMAN);
        assertThat(filter.attribute("Dialect")).contains("http://schemas.microsoft.com/wbem/wsman/1/WQL");
        assertThat(filter.trimmedText()).isEqualTo("SELECT HotFixID FROM Win32_QuickFixEngineering WHERE a<'b'");
    }

    @Test
    void pull_and_release_shapes() {
        WsmanRequest pull = parse(messages.pull(WsmanMessages.CIMV2_WQL, "uuid:ctx&1"));
        assertThat(pull.action()).isEqualTo(WsmanNs.ACTION_PULL);
        assertThat(pull.enumerationContext()).contains("uuid:ctx&1");
        assertThat(pull.envelope().payload().orElseThrow().child("MaxElements").orElseThrow().namespace())
                .isEqualTo(WsmanNs.WSEN);
        WsmanRequest release = parse(messages.release(WsmanMessages.CIMV2_WQL, "uuid:ctx"));
        assertThat(release.action()).isEqualTo(WsmanNs.ACTION_RELEASE);
        assertThat(release.enumerationContext()).contains("uuid:ctx");
    }

    @Test
    void options_are_checked() {
        assertThatThrownBy(() -> WsmanOptions.defaults().withMaxEnvelopeSize(4096))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("8192");
        assertThat(WsmanOptions.defaults().operationTimeoutText()).isEqualTo("PT20.000S");
        WsmanRequest r = parse(new WsmanMessages("x", WsmanOptions.defaults().withMaxEnvelopeSize(512_000))
                .wqlEnumerate("SELECT * FROM Win32_OperatingSystem"));
        assertThat(r.maxEnvelopeSize()).hasValue(512_000);
    }

    @Test
    void message_ids_are_fresh_uuids() {
        WsmanMessages real = new WsmanMessages("x", WsmanOptions.defaults());
        String a = parse(real.wqlEnumerate("SELECT * FROM A")).messageId();
        String b = parse(real.wqlEnumerate("SELECT * FROM A")).messageId();
        assertThat(a).matches("uuid:[0-9A-F-]{36}").isNotEqualTo(b);
    }

    @Test
    void responses_built_for_servers_parse_back() {
        String xml = WsmanResponses.stdRegProv("uuid:1", RegMethod.GET_MULTI_STRING, 0,
                List.of(Map.entry("sValue", "a<&>"), Map.entry("sValue", "")));
        Envelope env = WsmanXml.parseReply(xml.getBytes(StandardCharsets.UTF_8), 200_000);
        assertThat(env.relatesTo()).contains("uuid:1");
        assertThat(env.action()).contains(WsmanMessages.STD_REG_PROV + "/GetMultiStringValueResponse");
        InvokeResult r = InvokeResult.from(env.payload().orElseThrow());
        assertThat(r.method()).isEqualTo("GetMultiStringValue");
        assertThat(r.returnValue()).isZero();
        assertThat(r.all("svalue")).containsExactly("a<&>", "");
    }
}
