package io.tlsready.adapters.winrm.wsman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Registry data is whatever a host holds, and the host writes the reply: every string must come out of our reader
 * exactly as the host meant it, including characters XML 1.0 cannot carry (sent as references or raw), markup
 * look-alikes and our own private-use escape character, and none of it may change the structure that is read.
 */
class HostileReplyTextTest {

    private static final int LIMIT = WsmanOptions.defaults().replyLimit();

    static final List<String> HOSTILE = List.of(
            "WIN\r\nINJECTED",
            "\u001b[2J\u001b[H\u001b]0;owned\u0007READY",
            "bidi \u202eYDAER\u202c \u2066iso\u2069",
            "] ]] ]]> [",
            "\"double\" 'single' `back`",
            "<s:Body>&amp;&lt;</s:Body>",
            "&#x1B; written as text",
            "non-characters \uFFFE \uFFFF",
            "NUL\u0000inside",
            "CR\ronly LF\nonly CRLF\r\n TAB\t",
            "line sep\u2028para sep\u2029 NEL\u0085",
            "private use \uE000 \uE000\uE101 \uE1FE forged codes",
            "emoji \uD83D\uDE00 and zero\u200Bwidth",
            "");

    @Test
    void every_hostile_string_written_by_a_host_is_read_back_exactly() {
        for (String s : HOSTILE) {
            assertThat(roundTrip(s)).as("%s", s.chars().mapToObj(c -> String.format("%04x", c)).toList())
                    .isEqualTo(s);
        }
    }

    @Test
    void characters_xml_cannot_carry_are_read_whether_referenced_or_raw() {
        String raw = reply("<p:sValue>a\u001bb\uFFFEc\u0007</p:sValue>");
        assertThat(sValue(raw)).isEqualTo("a\u001bb\uFFFEc\u0007");
        String decimal = reply("<p:sValue>&#27;&#65534;&#7;</p:sValue>");
        assertThat(sValue(decimal)).isEqualTo("\u001b\uFFFE\u0007");
        String hex = reply("<p:sValue>&#x1b;&#xFFFF;&#x0;</p:sValue>");
        assertThat(sValue(hex)).isEqualTo("\u001b\uFFFF\u0000");
    }

    @Test
    void attributes_carry_them_too() {
        String machine = "HOST\u001b]0;x\u0007\r\n\tEND \"'<&\uFFFE";
        String fault = WsmanResponses.fault("uuid:1", "Receiver", "w:InternalError", "boom ", 5L, machine);
        Envelope env = WsmanXml.parse(utf8(fault), LIMIT);
        assertThat(find(env.body(), "WSManFault").attribute("Machine")).contains(machine);
    }

    private static XmlElement find(XmlElement e, String name) {
        if (e.name().equals(name)) {
            return e;
        }
        for (XmlElement c : e.children()) {
            XmlElement found = find(c, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    @Test
    void cdata_keeps_reference_look_alikes_as_text() {
        String cdata = reply("<p:sValue><![CDATA[&#x1B; \uE000 <b>]]></p:sValue>");
        assertThat(sValue(cdata)).isEqualTo("&#x1B; \uE000 <b>");
    }

    @Test
    void references_that_are_no_characters_and_entities_are_still_refused() {
        assertThatThrownBy(() -> WsmanXml.parseReply(utf8(reply("<p:sValue>&#xFFFFFFFF;</p:sValue>")), LIMIT))
                .isInstanceOf(WsmanTransportException.class).hasMessageContaining("malformed XML");
        assertThatThrownBy(() -> WsmanXml.parseReply(utf8(reply("<p:sValue>&#x1B;&xxe;</p:sValue>")), LIMIT))
                .isInstanceOf(WsmanTransportException.class);
        assertThatThrownBy(() -> WsmanXml.parseReply(utf8("<!DOCTYPE s [<!ENTITY a '&#x1B;'>]>"
                + reply("<p:sValue>&a;</p:sValue>")), LIMIT)).hasMessageContaining("DOCTYPE");
    }

    @Test
    void seeded_random_strings_survive_the_round_trip() {
        Random random = new Random(7);
        String special = "<>&;#x'\"]\uE000\uE100\uFFFE\uFFFF\u202e";
        List<String> failures = new ArrayList<>();
        for (int n = 0; n < 3000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(24);
            for (int i = 0; i < len; i++) {
                int pick = random.nextInt(10);
                char c = pick < 3 ? (char) random.nextInt(0x20)
                        : pick < 5 ? special.charAt(random.nextInt(special.length()))
                        : (char) random.nextInt(0xD800);
                sb.append(c);
            }
            String s = sb.toString();
            if (!roundTrip(s).equals(s)) {
                failures.add(s);
            }
        }
        assertThat(failures).isEmpty();
    }

    private static String roundTrip(String s) {
        String xml = WsmanResponses.stdRegProv("uuid:1", RegMethod.GET_STRING, 0, List.of(Map.entry("sValue", s)));
        return sValue(xml);
    }

    private static String sValue(String xml) {
        Envelope env = WsmanXml.parseReply(utf8(xml), LIMIT);
        return InvokeResult.from(env.payload().orElseThrow()).first("sValue").orElse("");
    }

    private static String reply(String outParam) {
        return WsmanResponses.stdRegProv("uuid:1", RegMethod.GET_STRING, 0, List.of(Map.entry("sValue", "@")))
                .replace("<p:sValue>@</p:sValue>", outParam);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
