package io.tlsready.app.rest.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsready.app.rest.TestingStorage;
import io.tlsready.app.rest.TlsReadyServer;
import io.tlsready.app.rest.guard.TestCertificates.KeyFormat;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS from PEM files: a real key pair made here, a real client that trusts only that certificate. */
class TlsTest {

    @TempDir
    Path dir;

    @Test
    void an_rsa_pair_in_pkcs8_serves_https_with_tls_1_2_or_newer() throws Exception {
        TestCertificates pki = TestCertificates.rsa();
        Path cert = pki.writeCertificate(dir);
        Path key = pki.writeKey(dir, KeyFormat.PKCS8);

        try (TlsReadyServer server = TlsReadyServer.builder().port(0).storage(new TestingStorage()).tls(cert, key)
                .build()) {
            URI uri = server.start();
            HttpResponse<String> r = client(pki.trustingClient()).send(
                    HttpRequest.newBuilder(uri.resolve("/healthz")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(uri.getScheme()).isEqualTo("https");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.sslSession()).hasValueSatisfying(
                    s -> assertThat(s.getProtocol()).isIn("TLSv1.2", "TLSv1.3"));
        }
    }

    @Test
    void an_ec_pair_in_sec1_and_an_rsa_pair_in_pkcs1_serve_too() throws Exception {
        for (TestCertificates pki : new TestCertificates[] {TestCertificates.ec(), TestCertificates.rsa()}) {
            Path cert = pki.writeCertificate(dir);
            Path key = pki.writeKey(dir, KeyFormat.TRADITIONAL);
            assertThat(Files.readString(key)).containsPattern("BEGIN (EC|RSA) PRIVATE KEY");

            try (TlsReadyServer server = TlsReadyServer.builder().port(0).storage(new TestingStorage())
                    .tls(cert, key).build()) {
                URI uri = server.start();
                HttpResponse<String> r = client(pki.trustingClient()).send(
                        HttpRequest.newBuilder(uri.resolve("/healthz")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(200);
            }
        }
    }

    @Test
    void the_dashboards_session_cookie_is_secure_over_tls() throws Exception {
        TestCertificates pki = TestCertificates.ec();
        Path cert = pki.writeCertificate(dir);
        Path key = pki.writeKey(dir, KeyFormat.PKCS8);
        TestingStorage storage = new TestingStorage();
        try (TlsReadyServer server = TlsReadyServer.builder().port(0).storage(storage).tls(cert, key).build()) {
            URI uri = server.start();
            String token = storage.issue("tls-dashboard", io.tlsready.domain.access.Role.READER);
            HttpResponse<String> r = client(pki.trustingClient()).send(HttpRequest.newBuilder(uri.resolve("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("token=" + token)).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(r.statusCode()).isEqualTo(303);
            assertThat(r.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("tlsready_session=")
                    .contains("; HttpOnly").contains("; SameSite=Strict").contains("; Secure");
        }
    }

    @Test
    void a_non_loopback_address_is_allowed_with_tls() {
        TestCertificates pki = TestCertificates.ec();
        try (TlsReadyServer server = TlsReadyServer.builder().host("0.0.0.0").port(0).storage(new TestingStorage())
                .tls(pki.writeCertificate(dir), pki.writeKey(dir, KeyFormat.PKCS8)).build()) {
            assertThat(server.isRunning()).isFalse();
        }
    }

    @Test
    void a_missing_file_is_one_line_naming_it() {
        Path missing = dir.resolve("nope.pem");

        assertThatThrownBy(() -> ServerTls.load(missing, missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("TLS certificate file " + missing + " does not exist");
    }

    @Test
    void a_file_that_is_not_pem_is_one_line_naming_it() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.pem"), "hello\nworld\n", StandardCharsets.US_ASCII);
        Path der = Files.write(dir.resolve("cert.der"), TestCertificates.ec().certificate.getEncoded().clone());

        assertThatThrownBy(() -> ServerTls.load(junk, junk))
                .hasMessageStartingWith("TLS certificate file " + junk + " is not PEM").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> ServerTls.load(der, der))
                .hasMessageStartingWith("TLS certificate file " + der + " is not PEM").hasMessageNotContaining("\n");
    }

    @Test
    void a_certificate_given_as_key_or_a_key_as_certificate_says_what_is_missing() {
        TestCertificates pki = TestCertificates.rsa();
        Path cert = pki.writeCertificate(dir);
        Path key = pki.writeKey(dir, KeyFormat.PKCS8);

        assertThatThrownBy(() -> ServerTls.load(cert, cert)).hasMessage("TLS key " + cert
                + " holds no unencrypted PEM private key (PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)");
        assertThatThrownBy(() -> ServerTls.load(key, key)).hasMessageContaining("holds no PEM certificate");
    }

    @Test
    void a_key_that_does_not_match_the_certificate_is_refused_at_build() throws IOException {
        TestCertificates one = TestCertificates.rsa();
        TestCertificates other = TestCertificates.rsa();
        Path cert = one.writeCertificate(dir);
        Path otherDir = Files.createDirectory(dir.resolve("other"));
        Path key = other.writeKey(otherDir, KeyFormat.PKCS8);
        Path ecKey = TestCertificates.ec().writeKey(otherDir, KeyFormat.TRADITIONAL);

        assertThatThrownBy(() -> TlsReadyServer.builder().storage(new TestingStorage()).tls(cert, key).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("TLS key " + key + " does not match the certificate in " + cert);
        assertThatThrownBy(() -> ServerTls.load(cert, ecKey)).hasMessageContaining("does not match");
    }

    private static HttpClient client(SSLContext ssl) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .sslContext(ssl).build();
    }
}
