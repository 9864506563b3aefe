package io.tlsready.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsready.adapters.winrm.wsman.WqlFacts;
import io.tlsready.adapters.winrm.wsman.WsmanMessages;
import io.tlsready.adapters.winrm.wsman.WsmanOptions;
import io.tlsready.adapters.winrm.wsman.WsmanRequest;
import io.tlsready.domain.facts.HostFacts;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each injected fault, observed with a raw client (and the authentication rules of both listeners). */
@Timeout(60)
class FaultInjectionTest {

    private static final Duration STALL = Duration.ofMillis(1500);
    private static SimulatedFleet fleet;

    @BeforeAll
    static void start() {
        HostFacts facts = TestFleets.facts("2008r2-ready");
        List<HostSpec> specs = new ArrayList<>();
        specs.add(spec("healthy", facts));
        specs.add(spec("slow", facts).withLatency(Duration.ofMillis(300)));
        for (FaultKind k : FaultKind.values()) {
            specs.add(spec(k.label(), facts).withFault(k));
        }
        specs.add(HostSpec.of("https", "127.0.0.1", 0, HostSpec.Auth.BASIC_HTTPS, TestFleets.USER,
                TestFleets.PASSWORD, facts));
        fleet = SimulatedFleet.start(specs, SimulatedFleet.Options.defaults().withStallLimit(STALL));
    }

    @AfterAll
    static void stop() {
        fleet.close();
    }

    private static HostSpec spec(String name, HostFacts facts) {
        return HostSpec.of(name, "127.0.0.1", 0, HostSpec.Auth.NTLM, TestFleets.USER, TestFleets.PASSWORD, facts);
    }

    private static SimClient client(String host) {
        return new SimClient(fleet.endpoint(host), TestFleets.USER, TestFleets.PASSWORD,
                fleet.certificate().map(SelfSignedCertificate::certificate).orElse(null));
    }

    private static byte[] osQuery(String host) {
        return new WsmanMessages(fleet.endpoint(host).uri(), WsmanOptions.defaults()).wqlEnumerate(WqlFacts.OS_QUERY)
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void a_healthy_host_answers_sealed_after_the_ntlm_handshake() throws IOException {
        try (SimClient c = client("healthy")) {
            SimClient.HttpReply r = c.send(osQuery("healthy"));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).contains("EnumerateResponse").contains("<Version>6.1.7601</Version>");
        }
        assertThat(fleet.counters("healthy").wsmanRequests()).isEqualTo(1);
    }

    @Test
    void latency_delays_every_answer() throws IOException {
        try (SimClient c = client("slow")) {
            long t0 = System.nanoTime();
            c.send(osQuery("slow"));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            // three HTTP requests: two NTLM legs and the envelope
            assertThat(ms).isGreaterThanOrEqualTo(900);
        }
    }

    @Test
    void unauthorized_answers_401_even_to_the_ntlm_negotiate() throws IOException {
        try (SimClient c = client("401")) {
            SimClient.HttpReply r = c.post(Map.of("Authorization", "Negotiate TlRMTVNTUAABAAAAB4IIogAAAAAAAAAAAAAAAAAAAAAKAGFKAAAADw=="), new byte[0]);
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.header("WWW-Authenticate")).isEqualTo("Negotiate");
        }
    }

    @Test
    void server_fault_is_a_500_internal_error_envelope() throws IOException {
        try (SimClient c = client("500")) {
            SimClient.HttpReply r = c.send(osQuery("500"));
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.text()).contains("<s:Value>w:InternalError</s:Value>");
        }
    }

    @Test
    void timed_out_is_the_windows_timed_out_fault() throws IOException {
        try (SimClient c = client("timedout")) {
            SimClient.HttpReply r = c.send(osQuery("timedout"));
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.text()).contains("w:TimedOut").contains("Code=\"2150858793\"");
        }
    }

    @Test
    void doctype_answers_with_an_external_entity_as_an_attacker_would() throws IOException {
        try (SimClient c = client("doctype")) {
            SimClient.HttpReply r = c.send(osQuery("doctype"));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).startsWith("<?xml").contains("<!ENTITY xxe SYSTEM \"file:///etc/passwd\">")
                    .contains("<n:EnumerationContext>&xxe;</n:EnumerationContext>");
        }
    }

    @Test
    void reset_closes_with_a_tcp_rst() throws IOException {
        try (Socket s = raw("reset")) {
            s.getOutputStream().write(plainPost());
            InputStream in = s.getInputStream();
            assertThatThrownBy(() -> {
                while (in.read() >= 0) {
                    // drain until the reset
                }
            }).isInstanceOf(SocketException.class).hasMessageContaining("reset");
        }
    }

    @Test
    void stall_reads_the_request_and_never_answers_until_the_limit() throws IOException {
        try (Socket s = raw("stall")) {
            s.getOutputStream().write(plainPost());
            s.setSoTimeout(500);
            assertThatThrownBy(() -> s.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            s.setSoTimeout(10_000);
            long t0 = System.nanoTime();
            assertThat(s.getInputStream().read()).as("closed without a byte after the stall limit").isEqualTo(-1);
            assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(STALL.toMillis() + 2_000);
        }
    }

    @Test
    void oversized_replies_exceed_any_max_envelope_size() throws IOException {
        try (SimClient c = client("oversized")) {
            SimClient.HttpReply r = c.send(osQuery("oversized"));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body().length).isGreaterThan(WmiResponder.OVERSIZED_BYTES);
        }
    }

    @Test
    void malformed_replies_are_not_xml() throws IOException {
        try (SimClient c = client("malformed")) {
            SimClient.HttpReply r = c.send(osQuery("malformed"));
            assertThat(r.status()).isEqualTo(200);
            assertThatThrownBy(() -> WsmanRequest.parse(r.body())).isInstanceOf(RuntimeException.class);
        }
    }

    @Test
    void refused_hosts_have_nothing_listening() {
        SimulatedFleet.Endpoint e = fleet.endpoint("refused");
        assertThat(e.listening()).isFalse();
        assertThatThrownBy(() -> raw("refused").close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void wrong_password_is_401_and_counted() throws IOException {
        long before = fleet.counters("healthy").authFailures();
        try (SimClient c = new SimClient(fleet.endpoint("healthy"), TestFleets.USER, "wrong".toCharArray(), null)) {
            assertThat(c.handshake().status()).isEqualTo(401);
        }
        assertThat(fleet.counters("healthy").authFailures()).isEqualTo(before + 1);
        try (SimClient c = new SimClient(fleet.endpoint("https"), TestFleets.USER, "wrong".toCharArray(),
                fleet.certificate().orElseThrow().certificate())) {
            assertThat(c.send(osQuery("https")).status()).isEqualTo(401);
        }
    }

    @Test
    void plaintext_soap_on_the_ntlm_listener_is_refused() throws IOException {
        try (SimClient c = client("healthy")) {
            assertThat(c.post(Map.of("Content-Type", "application/soap+xml;charset=UTF-8"), osQuery("healthy"))
                    .status()).as("unauthenticated").isEqualTo(401);
            assertThat(c.handshake().status()).isEqualTo(200);
            assertThat(c.post(Map.of("Content-Type", "application/soap+xml;charset=UTF-8"), osQuery("healthy"))
                    .status()).as("authenticated but unencrypted").isEqualTo(400);
        }
    }

    @Test
    void basic_over_https_answers_plain_soap_inside_tls() throws IOException {
        try (SimClient c = client("https")) {
            SimClient.HttpReply r = c.send(osQuery("https"));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Type")).startsWith("application/soap+xml");
            assertThat(r.text()).contains("Windows Server 2008 R2");
        }
        assertThat(fleet.certificate().orElseThrow().sha256()).matches("[0-9a-f]{64}");
        assertThat(fleet.certificate().orElseThrow().pem()).startsWith("-----BEGIN CERTIFICATE-----");
    }

    private static Socket raw(String host) throws IOException {
        SimulatedFleet.Endpoint e = fleet.endpoint(host);
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(e.address(), e.port()), 2_000);
        } catch (IOException ex) {
            s.close();
            throw ex;
        }
        return s;
    }

    private static byte[] plainPost() {
        return "POST /wsman HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    }
}
