package io.tlsready.adapters.winrm.wsman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and broken replies: refused with a clear message, nothing resolved, nothing read from disk. */
class WsmanXmlHardeningTest {

    private static final int LIMIT = WsmanOptions.defaults().replyLimit();
    private static final String OK = WsmanResponses.stdRegProv("uuid:1", RegMethod.GET_DWORD, 0,
            List.of(Map.entry("uValue", "4294967295")));

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static WsmanTransportException refused(String xml) {
        try {
            WsmanXml.parseReply(utf8(xml), LIMIT);
        } catch (WsmanTransportException e) {
            return e;
        }
        throw new AssertionError("accepted: " + xml);
    }

    @Test
    void external_entity_is_refused_and_the_file_is_never_read(@TempDir Path tmp) throws IOException {
        Path secret = tmp.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE s:Envelope [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + OK.replace("4294967295", "&x;");

        WsmanTransportException e = refused(xxe);

        assertThat(e.kind()).isEqualTo(WsmanTransportException.Kind.PROTOCOL);
        assertThat(e.getMessage()).contains("DOCTYPE").doesNotContain("TOP-SECRET-CONTENT");
        assertThat(secret).content().isEqualTo("TOP-SECRET-CONTENT");
    }

    @Test
    void external_dtd_and_parameter_entities_are_refused(@TempDir Path tmp) throws IOException {
        Path dtd = tmp.resolve("evil.dtd");
        Files.writeString(dtd, "<!ENTITY x 'EVIL-DTD-TEXT'>");
        WsmanTransportException e = refused("<!DOCTYPE s:Envelope SYSTEM \"" + dtd.toUri() + "\">" + OK);
        assertThat(e.getMessage()).contains("DOCTYPE").doesNotContain("EVIL");
        WsmanTransportException p = refused("<!DOCTYPE d [<!ENTITY % p SYSTEM \"" + dtd.toUri() + "\"> %p;]>" + OK);
        assertThat(p.getMessage()).contains("DOCTYPE");
    }

    @Test
    @Timeout(5)
    void billion_laughs_is_refused_quickly() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                dtd.append("&lol").append(i - 1).append(';');
            }
            dtd.append("\">");
        }
        dtd.append("]>");
        WsmanTransportException e = refused(dtd + OK.replace("4294967295", "&lol9;"));
        assertThat(e.getMessage()).contains("DOCTYPE");
    }

    @Test
    void doctype_anywhere_and_in_utf16_is_refused() {
        assertThat(refused(OK.replace("<s:Body>", "<s:Body><!DOCTYPE x>")).getMessage()).contains("DOCTYPE");
        byte[] utf16 = ("<!DOCTYPE x [<!ENTITY a 'b'>]>" + OK).getBytes(StandardCharsets.UTF_16LE);
        assertThatThrownBy(() -> WsmanXml.parseReply(utf16, LIMIT)).isInstanceOf(WsmanTransportException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void undeclared_entities_are_refused() {
        WsmanTransportException e = refused(OK.replace("4294967295", "&undeclared;"));
        assertThat(e.kind()).isEqualTo(WsmanTransportException.Kind.PROTOCOL);
        assertThat(e.getMessage()).containsAnyOf("entity", "malformed");
    }

    @Test
    void predefined_and_character_references_still_work() {
        Envelope env = WsmanXml.parseReply(utf8(OK.replace("4294967295", "&#52;29496729&#x35;")), LIMIT);
        assertThat(InvokeResult.from(env.payload().orElseThrow()).first("uValue")).contains("4294967295");
    }

    @Test
    void oversized_reply_is_refused_before_parsing() {
        String padded = OK.replace("<s:Body>", "<s:Body><!--" + "x".repeat(LIMIT) + "-->");
        WsmanTransportException e = refused(padded);
        assertThat(e.kind()).isEqualTo(WsmanTransportException.Kind.OVERSIZED);
        assertThat(e.getMessage()).contains("exceeds the limit of " + LIMIT);
        assertThat(LIMIT).isEqualTo(153_600 + WsmanXml.SIZE_MARGIN);
    }

    @Test
    void truncated_and_non_soap_replies_get_clear_errors() {
        WsmanTransportException t = refused(OK.substring(0, OK.length() / 2));
        assertThat(t.kind()).isEqualTo(WsmanTransportException.Kind.PROTOCOL);
        assertThat(t.getMessage()).startsWith("malformed XML");
        assertThat(refused("<html><body>IIS</body></html>").getMessage()).contains("not a SOAP envelope");
        assertThat(refused("").getMessage()).contains("empty reply");
        assertThat(refused("<s:Envelope xmlns:s='" + WsmanNs.SOAP12 + "'><s:Header/></s:Envelope>").getMessage())
                .contains("without a Body");
        assertThat(refused(OK + "<extra/>").getMessage()).contains("malformed XML");
        assertThat(refused("\u0000\u0001garbage").getMessage()).contains("malformed XML");
        assertThatThrownBy(() -> WsmanXml.parseReply(new byte[] {'<', 'a', (byte) 0xC3, '>'}, LIMIT))
                .isInstanceOf(WsmanTransportException.class).hasMessageContaining("not valid UTF-8");
    }

    @Test
    void utf16_replies_with_a_bom_are_read() {
        byte[] bom = {(byte) 0xFF, (byte) 0xFE};
        byte[] text = OK.getBytes(StandardCharsets.UTF_16LE);
        byte[] all = new byte[text.length + 2];
        System.arraycopy(bom, 0, all, 0, 2);
        System.arraycopy(text, 0, all, 2, text.length);
        assertThat(WsmanXml.parseReply(all, LIMIT * 2).relatesTo()).contains("uuid:1");
    }

    @Test
    void absurd_nesting_is_refused() {
        String deep = "<a>".repeat(200) + "</a>".repeat(200);
        String xml = OK.replace("<s:Body>", "<s:Body>" + deep);
        assertThat(refused(xml).getMessage()).contains("nested deeper");
    }

    @Test
    void prefixes_do_not_matter() {
        String odd = OK.replace("<s:", "<SOAP-ENV:").replace("</s:", "</SOAP-ENV:").replace("xmlns:s=", "xmlns:SOAP-ENV=")
                .replace("<a:", "<wsa:").replace("</a:", "</wsa:").replace("xmlns:a=", "xmlns:wsa=");
        Envelope env = WsmanXml.parseReply(utf8(odd), LIMIT);
        assertThat(env.relatesTo()).contains("uuid:1");
        String defaultNs = "<Envelope xmlns='" + WsmanNs.SOAP12 + "'><Header><Action xmlns='" + WsmanNs.WSA
                + "'>x</Action></Header><Body><Thing/></Body></Envelope>";
        assertThat(WsmanXml.parseReply(utf8(defaultNs), LIMIT).action()).contains("x");
    }

    @Test
    @Timeout(5)
    void seeded_fuzz_never_escapes_the_two_exception_types() {
        Random rnd = new Random(0x7153_5EEDL);
        List<byte[]> seeds = List.of(utf8(OK), utf8(WsmanResponses.timedOut("uuid:2", "m")),
                utf8(WsmanResponses.enumerateResponse("uuid:3", List.of(WsmanResponses.fragment(
                        List.of(Map.entry("HotFixID", "KB1234567")))), null)));
        int parsed = 0;
        long deadline = System.nanoTime() + 3_000_000_000L;
        for (int i = 0; i < 20_000 && System.nanoTime() < deadline; i++) {
            byte[] input = seeds.get(rnd.nextInt(seeds.size())).clone();
            int edits = 1 + rnd.nextInt(8);
            for (int k = 0; k < edits; k++) {
                int pos = rnd.nextInt(input.length);
                switch (rnd.nextInt(4)) {
                    case 0 -> input[pos] = (byte) rnd.nextInt(256);
                    case 1 -> input[pos] = (byte) "<>&;:/\"'=!?[]x".charAt(rnd.nextInt(14));
                    case 2 -> input = java.util.Arrays.copyOf(input, Math.max(1, pos));
                    default -> {
                        byte[] longer = new byte[input.length + 9];
                        System.arraycopy(input, 0, longer, 0, pos);
                        System.arraycopy(utf8("<!ENTITY>"), 0, longer, pos, 9);
                        System.arraycopy(input, pos, longer, pos + 9, input.length - pos);
                        input = longer;
                    }
                }
            }
            try {
                Envelope env = WsmanXml.parseReply(input, LIMIT);
                env.payload().ifPresent(p -> {
                    if (p.name().endsWith("_OUTPUT")) {
                        InvokeResult.from(p);
                    } else if (p.name().endsWith("Response")) {
                        EnumerationPage.from(p);
                    }
                });
                parsed++;
            } catch (WsmanTransportException | WsmanFault expected) {
                assertThat(expected.getMessage()).isNotBlank().doesNotContain("\n");
            }
        }
        assertThat(parsed).isPositive();
    }
}
