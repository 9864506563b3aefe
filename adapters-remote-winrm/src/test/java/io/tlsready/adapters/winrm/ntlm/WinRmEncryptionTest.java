package io.tlsready.adapters.winrm.ntlm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsready.adapters.winrm.encryption.EncryptedBodyException;
import io.tlsready.adapters.winrm.encryption.WinRmEncryption;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WinRmEncryptionTest {

    private static final byte[] KEY = Hex.repeat(0x55, 16);
    private static final int FLAGS = 0xe28a8233;
    private static final byte[] SOAP = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"/>"
            .getBytes(StandardCharsets.UTF_8);
    private static final String HEADER = "--Encrypted Boundary\r\n"
            + "\tContent-Type: application/HTTP-SPNEGO-session-encrypted\r\n"
            + "\tOriginalContent: type=application/soap+xml;charset=UTF-8;Length=%d\r\n"
            + "--Encrypted Boundary\r\n"
            + "\tContent-Type: application/octet-stream\r\n";

    private static WinRmEncryption client() {
        return new WinRmEncryption(NtlmSession.client(KEY, FLAGS));
    }

    private static WinRmEncryption server() {
        return new WinRmEncryption(NtlmSession.server(KEY, FLAGS));
    }

    @Test
    void content_type_is_exact() {
        assertThat(WinRmEncryption.CONTENT_TYPE).isEqualTo("multipart/encrypted;"
                + "protocol=\"application/HTTP-SPNEGO-session-encrypted\";boundary=\"Encrypted Boundary\"");
    }

    @Test
    void wrap_lays_out_the_ms_wsmv_framing_with_the_ms_nlmp_4_2_4_4_signature_and_data() {
        byte[] plaintext = "Plaintext".getBytes(StandardCharsets.UTF_16LE);

        byte[] body = client().wrap(plaintext);

        byte[] expected = concat(String.format(HEADER, 18).getBytes(StandardCharsets.US_ASCII),
                Hex.bytes("10000000"), Hex.bytes("010000007fb38ec5c55d497600000000"),
                Hex.bytes("54e50165bf1936dc996020c1811b0f06fb5f"),
                "--Encrypted Boundary--\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(Hex.of(body)).isEqualTo(Hex.of(expected));
    }

    @Test
    void round_trip_both_directions() {
        WinRmEncryption client = client();
        WinRmEncryption server = server();
        for (int i = 0; i < 20; i++) {
            byte[] request = (new String(SOAP, StandardCharsets.UTF_8) + i).getBytes(StandardCharsets.UTF_8);
            assertThat(server.unwrap(client.wrap(request))).isEqualTo(request);
            byte[] reply = ("reply" + i).getBytes(StandardCharsets.UTF_8);
            assertThat(client.unwrap(server.wrap(reply))).isEqualTo(reply);
        }
    }

    @Test
    void accepts_the_closing_boundary_without_dashes() {
        byte[] body = client().wrap(SOAP);
        byte[] alternative = replaceTail(body, "--Encrypted Boundary--\r\n", "--Encrypted Boundary\r\n");

        assertThat(server().unwrap(alternative)).isEqualTo(SOAP);
    }

    @Test
    void reports_a_utf16_charset() {
        byte[] utf16 = "<a/>".getBytes(StandardCharsets.UTF_16);
        byte[] body = client().wrap(utf16);
        byte[] relabelled = replaceAscii(body, "charset=UTF-8", "charset=UTF-16");

        WinRmEncryption.Payload payload = server().open(relabelled);

        assertThat(payload.charset()).isEqualTo(StandardCharsets.UTF_16);
        assertThat(payload.text()).isEqualTo("<a/>");
    }

    @Test
    void a_length_that_differs_from_the_data_is_rejected() {
        byte[] body = client().wrap(SOAP);
        byte[] wrongLength = replaceAscii(body, "Length=" + SOAP.length, "Length=" + (SOAP.length + 1));

        assertThatThrownBy(() -> server().unwrap(wrongLength)).isInstanceOf(EncryptedBodyException.class)
                .hasMessageContaining("Length=");
    }

    @Test
    void a_tampered_body_fails_the_signature() {
        byte[] body = client().wrap(SOAP);
        body[body.length - 30] ^= 0x20;

        assertThatThrownBy(() -> server().unwrap(body)).isInstanceOf(EncryptedBodyException.class)
                .hasMessage("message signature mismatch");
    }

    @Test
    void malformed_bodies_are_rejected() {
        byte[] good = client().wrap(SOAP);
        assertRejected(new byte[0], "does not start");
        assertRejected("hello".getBytes(StandardCharsets.US_ASCII), "does not start");
        assertRejected(Arrays.copyOf(good, 40), "second --Encrypted Boundary");
        assertRejected(Arrays.copyOf(good, good.length - 3), "closing");
        assertRejected(replaceAscii(good, "\tOriginalContent", "\tOriginalConXent"), "unexpected metadata");
        assertRejected(replaceAscii(good, ";Length=" + SOAP.length, ";Lngth=" + SOAP.length), "no Length");
        assertRejected(replaceAscii(good, "Length=" + SOAP.length, "Length=-1"), "not a number");
        assertRejected(replaceAscii(good, "Length=" + SOAP.length, "Length=99999999999"), "not a number");
        assertRejected(replaceAscii(good, "charset=UTF-8", "charset=KOI8"), "charset");
        assertRejected(replaceAscii(good, "application/octet-stream", "application/octet-strean"), "octet-stream");
        assertRejected(replaceAscii(good, "HTTP-SPNEGO-session-encrypted\r\n\tOrig", "HTTP-SPNEGO-session-encrypteX\r\n\tOrig"),
                "unexpected metadata");
        byte[] badSignatureLength = good.clone();
        int at = String.format(HEADER, SOAP.length).length();
        badSignatureLength[at] = 17;
        assertRejected(badSignatureLength, "signature length");
        byte[] truncated = Arrays.copyOf(good, String.format(HEADER, SOAP.length).length() + 10);
        assertRejected(truncated, "");
    }

    private static void assertRejected(byte[] body, String message) {
        assertThatThrownBy(() -> server().unwrap(body)).isInstanceOf(EncryptedBodyException.class)
                .hasMessageContaining(message);
    }

    static byte[] replaceAscii(byte[] body, String from, String to) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        assertThat(text).contains(from);
        return text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to))
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] replaceTail(byte[] body, String from, String to) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        assertThat(text).endsWith(from);
        return (text.substring(0, text.length() - from.length()) + to).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
