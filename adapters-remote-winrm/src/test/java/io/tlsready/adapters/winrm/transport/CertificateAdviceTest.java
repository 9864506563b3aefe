package io.tlsready.adapters.winrm.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.adapters.winrm.wsman.WsmanOptions;
import io.tlsready.adapters.winrm.wsman.WsmanTransport;
import io.tlsready.adapters.winrm.wsman.WsmanTransportException;
import io.tlsready.adapters.winrm.wsman.WsmanTransportException.Kind;
import io.tlsready.domain.port.RemoteTarget;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7, item 3: what a refused certificate tells the admin, with real certificates (a keytool-made private CA and
 * self-signed ones) served on loopback and our real HTTPS client. The rule under test: advice never leads to
 * trusting the wrong server. A certificate for other names is never answered with a pin or a fingerprint; pinning
 * is offered only for a self-signed certificate that holds the host's name, and following each piece of advice
 * (pin, CA file) is shown to work. The advice is worded neutrally here: the trust settings are hints, which each
 * app words as its own (the CLI as {@code --pin-sha256}, {@code --ca-cert}); see the CLI's CliHintsTest.
 */
class CertificateAdviceTest {

    private static final String SOAP = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body/>"
            + "</s:Envelope>";
    private static final DateTimeFormatter UTC_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);
    /** A subject CN no admin should ever see raw: ESC/OSC title sequence, BEL, CR/LF, a bidi override, "]". */
    private static final String HOSTILE_DNAME = "CN=evil\\1B\\5D0\\3Bowned\\07\\0D\\0Afake\u202Eexample";

    @TempDir
    static Path dir;
    static WinRmTransports transports;
    static TestCa ca;
    static TestCerts selfSignedLoopback;
    static TestCerts selfSignedElsewhere;
    static TestCerts selfSignedHostileCn;
    static TestCerts caLoopback;
    static TestCerts caElsewhere;
    static TestCerts caExpired;
    static TestCerts caNotYetValid;

    @BeforeAll
    static void certificates() throws Exception {
        transports = new WinRmTransports(1);
        ca = TestCa.create(dir, "CN=tlsready Test CA, O=tlsready tests");
        selfSignedLoopback = TestCerts.generate(dir, "ss-loopback", "ip:127.0.0.1,dns:localhost");
        selfSignedElsewhere = TestCerts.generate(dir, "ss-elsewhere", "dns:elsewhere.example,dns:alt.example");
        selfSignedHostileCn = TestCerts.generate(dir, "ss-hostile", HOSTILE_DNAME, null, null);
        caLoopback = ca.issue("ca-loopback", "winrm01", "ip:127.0.0.1", null);
        caElsewhere = ca.issue("ca-elsewhere", "winrm02", "dns:winrm02.corp.example,ip:10.9.8.7", null);
        caExpired = ca.issue("ca-expired", "winrm03", "ip:127.0.0.1", "-60d");
        caNotYetValid = ca.issue("ca-future", "winrm04", "ip:127.0.0.1", "+10d");
    }

    @AfterAll
    static void stop() {
        transports.close();
    }

    @Test
    void self_signed_certificate_holding_the_host_name_gets_pin_advice_that_works() throws Exception {
        String message = refusal(selfSignedLoopback, Optional.empty(), Optional.empty());
        String sha256 = selfSignedLoopback.sha256();
        assertThat(message).startsWith("certificate for host 127.0.0.1 is self-signed (CN=ss-loopback")
                .contains("compare SHA-256 " + sha256 + " with the certificate on the host")
                .endsWith("then trust it with a pin on SHA-256 " + sha256 + " (or a CA certificate file holding it)");
        assertThat(exchange(selfSignedLoopback, Optional.empty(), Optional.of(sha256))).isEqualTo(200);
    }

    @Test
    void self_signed_certificate_for_other_names_lists_them_and_never_offers_a_pin() throws Exception {
        String message = refusal(selfSignedElsewhere, Optional.empty(), Optional.empty());
        assertThat(message).startsWith("certificate for host 127.0.0.1 does not match that name: it is for "
                + "elsewhere.example, alt.example (self-signed, and not trusted here)")
                .contains("connect by one of its names, or fix DNS or the inventory if 127.0.0.1 reaches the wrong "
                        + "server")
                .endsWith("; if it is the right server under another name, add its CA with a CA certificate file");
        assertNoPinning(message, selfSignedElsewhere);
    }

    @Test
    void ca_issued_certificate_for_other_names_lists_san_dns_and_ip_entries_and_never_offers_a_pin()
            throws Exception {
        // The CA is trusted: the only problem is the name, so there is no --ca-cert advice either.
        String trusted = refusal(caElsewhere, Optional.of(ca.pem()), Optional.empty());
        assertThat(trusted).isEqualTo("certificate for host 127.0.0.1 does not match that name: it is for "
                + "winrm02.corp.example, 10.9.8.7 (issued by CN=tlsready Test CA,O=tlsready tests); connect by one "
                + "of its names, or fix DNS or the inventory if 127.0.0.1 reaches the wrong server");
        assertNoPinning(trusted, caElsewhere);

        String untrusted = refusal(caElsewhere, Optional.empty(), Optional.empty());
        assertThat(untrusted).contains("is for winrm02.corp.example, 10.9.8.7 (issued by CN=tlsready Test CA,"
                + "O=tlsready tests, and not trusted here)").contains("add its CA with a CA certificate file");
        assertNoPinning(untrusted, caElsewhere);
    }

    @Test
    void certificate_from_an_unknown_ca_suggests_ca_cert_and_that_works() throws Exception {
        String message = refusal(caLoopback, Optional.empty(), Optional.empty());
        assertThat(message).isEqualTo("certificate for host 127.0.0.1 is issued by CN=tlsready Test CA,"
                + "O=tlsready tests, which is not a trusted CA here: add that CA's certificate with a CA certificate file"
                + " (PEM), e.g. your private PKI's root");
        assertNoPinning(message, caLoopback);
        assertThat(exchange(caLoopback, Optional.of(ca.pem()), Optional.empty())).isEqualTo(200);
    }

    @Test
    void expired_certificate_says_so_with_its_dates() throws Exception {
        X509Certificate cert = caExpired.certificate();
        String message = refusal(caExpired, Optional.of(ca.pem()), Optional.empty());
        assertThat(message).isEqualTo("certificate for host 127.0.0.1 expired on "
                + UTC_MINUTES.format(cert.getNotAfter().toInstant()) + " (valid "
                + UTC_MINUTES.format(cert.getNotBefore().toInstant()) + " to "
                + UTC_MINUTES.format(cert.getNotAfter().toInstant()) + "; issued by CN=tlsready Test CA,O=tlsready "
                + "tests): renew the WinRM HTTPS listener's certificate on the host");
        assertNoPinning(message, caExpired);
    }

    @Test
    void certificate_not_yet_valid_says_so_with_its_dates() throws Exception {
        X509Certificate cert = caNotYetValid.certificate();
        String message = refusal(caNotYetValid, Optional.of(ca.pem()), Optional.empty());
        assertThat(message).startsWith("certificate for host 127.0.0.1 is not valid before "
                + UTC_MINUTES.format(cert.getNotBefore().toInstant()))
                .endsWith("check the clocks of this machine and of the host");
        assertNoPinning(message, caNotYetValid);
    }

    @Test
    void hostile_names_in_a_certificate_are_shown_visibly_on_one_line() throws Exception {
        String message = refusal(selfSignedHostileCn, Optional.empty(), Optional.empty());
        assertThat(message).contains("it is for CN evil\\x1b]0;owned\\x07\\r\\nfake\\u202eexample (self-signed");
        assertThat(message.chars()).noneMatch(c -> c < 0x20 || c == 0x7f || c == 0x202e);
        assertNoPinning(message, selfSignedHostileCn);
    }

    @Test
    void certificate_names_are_read_as_https_clients_read_them() throws Exception {
        assertThat(CertificateNames.matches(caElsewhere.certificate(), "WINRM02.corp.example.")).isTrue();
        assertThat(CertificateNames.matches(caElsewhere.certificate(), "10.9.8.7")).isTrue();
        assertThat(CertificateNames.matches(caElsewhere.certificate(), "winrm02")).isFalse();
        assertThat(CertificateNames.matches(caElsewhere.certificate(), "winrm02.corp.example.evil")).isFalse();
        // An IP address never matches a CN, and a DNS name is matched against the CN only without SAN DNS entries.
        assertThat(CertificateNames.matches(caLoopback.certificate(), "winrm01")).isTrue();
        assertThat(CertificateNames.matches(caElsewhere.certificate(), "winrm02")).isFalse();
        assertThat(CertificateNames.dnsMatches("*.corp.example", "a.corp.example")).isTrue();
        assertThat(CertificateNames.dnsMatches("*.corp.example", "a.b.corp.example")).isFalse();
        assertThat(CertificateNames.dnsMatches("*.corp.example", "corp.example")).isFalse();
        assertThat(CertificateNames.dnsMatches("w*.corp.example", "winrm.corp.example")).isTrue();
        assertThat(CertificateNames.dnsMatches("w*.corp.example", "mail.corp.example")).isFalse();
    }

    private static void assertNoPinning(String message, TestCerts cert) throws Exception {
        assertThat(message).doesNotContain("pin").doesNotContain("--").doesNotContain(cert.sha256())
                .doesNotContain(cert.sha256().toUpperCase(Locale.ROOT));
        assertThat(message.lines()).hasSize(1);
    }

    private static RemoteTarget target(int port, Optional<Path> caCert, Optional<String> pin) {
        return new RemoteTarget("127.0.0.1", port, RemoteTarget.Transport.HTTPS, RemoteTarget.Auth.BASIC, "alice",
                "pw"::toCharArray, caCert, pin, false, Duration.ofSeconds(20));
    }

    /** The one-line refusal of a handshake with a server presenting {@code cert}; nothing reaches the server. */
    private static String refusal(TestCerts cert, Optional<Path> caCert, Optional<String> pin) throws Exception {
        try (StubHttpServer server = soapServer(cert)) {
            try (WsmanTransport t = transports.open(target(server.port(), caCert, pin), WsmanOptions.defaults())) {
                t.exchange(SOAP.getBytes(StandardCharsets.UTF_8));
            } catch (WsmanTransportException e) {
                assertThat(e.kind()).isEqualTo(Kind.TLS);
                assertThat(server.requests()).isEmpty();
                return e.getMessage();
            }
        }
        throw new AssertionError("the handshake was expected to fail");
    }

    private static int exchange(TestCerts cert, Optional<Path> caCert, Optional<String> pin) throws Exception {
        try (StubHttpServer server = soapServer(cert);
                WsmanTransport t = transports.open(target(server.port(), caCert, pin), WsmanOptions.defaults())) {
            return t.exchange(SOAP.getBytes(StandardCharsets.UTF_8)).status();
        }
    }

    private static StubHttpServer soapServer(TestCerts cert) throws Exception {
        return new StubHttpServer(cert.serverContext(), r -> StubHttpServer.Response.of(200)
                .body("application/soap+xml;charset=UTF-8", SOAP.getBytes(StandardCharsets.UTF_8)));
    }
}
