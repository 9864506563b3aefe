package io.tlsready.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsready.adapters.winrm.encryption.WinRmEncryption;
import io.tlsready.adapters.winrm.kerberos.KerberosInitiator;
import io.tlsready.adapters.winrm.kerberos.KerberosLogin;
import io.tlsready.adapters.winrm.transport.WinRmTransports;
import io.tlsready.adapters.winrm.wsman.WsmanOptions;
import io.tlsready.adapters.winrm.wsman.WsmanTransport;
import io.tlsready.adapters.winrm.wsman.WsmanTransportException;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.port.RemoteTarget;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.security.auth.Subject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator's Kerberos listener as a peer would see it on the wire, and our client refusing a host that
 * authenticates but then answers in clear over http. The real test KDC issues every ticket.
 */
@Timeout(60)
class KerberosSimulatorIT {

    private static final String SOAP = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body/>"
            + "</s:Envelope>";
    private static KerberosTestRealm realm;
    private static HostFacts facts;

    @BeforeAll
    static void realm() {
        realm = KerberosRealmSupport.sharedRealm();
        facts = TestFleets.facts("2008r2-ready");
    }

    private static Subject login() {
        return KerberosLogin.login(realm.principal(), realm.password(), new KerberosLogin.Settings(
                Optional.of(realm.krb5Conf()), Optional.empty(), Optional.empty()));
    }

    @Test
    void the_command_line_takes_the_spn_from_the_keytab_and_needs_no_password() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("--evidence"));
        TestFleets.files(TestFleets.examples().resolve("2008r2-ready")).forEach(f -> args.add(f.toString()));
        args.addAll(List.of("--auth", "kerberos", "--keytab", realm.keytab().toString(), "--listen", "127.0.0.1:0",
                "--duration", "0"));
        int code = new SimulatorMain(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).run(args.toArray(String[]::new), null);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("auth kerberos (HTTP, message encryption)")
                .contains("service principals (from " + realm.keytab() + "): HTTP/localhost@"
                        + KerberosTestRealm.REALM);
    }

    @Test
    void the_command_line_refuses_kerberos_without_a_usable_keytab(@TempDir Path tmp) throws IOException {
        assertThatThrownBy(() -> SimulatorOptions.parse(new String[] {"--evidence", "a.reg", "--auth", "kerberos"}))
                .hasMessage("--auth kerberos needs --keytab FILE (the service keys of HTTP/<host>)");
        Path notAKeytab = Files.writeString(tmp.resolve("not.keytab"), "hello");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("--evidence"));
        TestFleets.files(TestFleets.examples().resolve("2008r2-ready")).forEach(f -> args.add(f.toString()));
        args.addAll(List.of("--auth", "kerberos-https", "--keytab", notAKeytab.toString(), "--listen",
                "127.0.0.1:0", "--duration", "0"));
        int code = new SimulatorMain(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).run(args.toArray(String[]::new), null);
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("tlsready-sim: " + notAKeytab + ": not a keytab (expected the 0x0502 header)");
    }

    @Test
    void over_http_it_offers_kerberos_returns_the_ap_rep_and_refuses_plaintext_bodies() throws Exception {
        HostSpec spec = HostSpec.kerberos("KHOST", "127.0.0.1", 0, false, realm.keytab(), facts);
        try (SimulatedFleet fleet = SimulatedFleet.start(List.of(spec));
                Socket socket = new Socket("127.0.0.1", fleet.endpoints().get(0).port());
                KerberosInitiator initiator = KerberosInitiator.forHost(login(), "localhost", true)) {
            Reply anonymous = post(socket, Map.of("Content-Type", "application/soap+xml;charset=UTF-8"),
                    SOAP.getBytes(StandardCharsets.UTF_8));
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.headers().get("www-authenticate")).containsExactly("Negotiate", "Kerberos");

            Reply auth = post(socket, Map.of("Authorization", "Kerberos "
                    + Base64.getEncoder().encodeToString(initiator.firstToken())), new byte[0]);
            assertThat(auth.status()).isEqualTo(200);
            String apRep = auth.headers().get("www-authenticate").get(0);
            assertThat(apRep).startsWith("Kerberos ");
            initiator.complete(Base64.getDecoder().decode(apRep.substring("Kerberos ".length())));
            assertThat(initiator.established()).isTrue();

            Reply plain = post(socket, Map.of("Content-Type", "application/soap+xml;charset=UTF-8"),
                    SOAP.getBytes(StandardCharsets.UTF_8));
            assertThat(plain.status()).as("AllowUnencrypted=false").isEqualTo(400);

            WinRmEncryption encryption = WinRmEncryption.using(initiator.sealer());
            Reply sealed = post(socket, Map.of("Content-Type", encryption.contentType()),
                    encryption.wrap(SOAP.getBytes(StandardCharsets.UTF_8)));
            assertThat(sealed.headers().get("content-type")).containsExactly(WinRmEncryption.KERBEROS_CONTENT_TYPE);
            assertThat(new String(encryption.unwrap(sealed.body()), StandardCharsets.UTF_8)).contains("Envelope");
            assertThat(fleet.counters("KHOST").connections()).isEqualTo(1);
            assertThat(fleet.counters("KHOST").authFailures()).isZero();
        }
    }

    @Test
    void our_client_refuses_a_host_that_authenticates_then_answers_in_clear_over_http() throws Exception {
        KerberosAcceptor acceptor = KerberosAcceptor.fromKeytab(realm.keytab());
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread host = new Thread(() -> clearAfterAuthentication(server, acceptor), "clear-host");
            host.setDaemon(true);
            host.start();
            KerberosLogin.Settings settings = new KerberosLogin.Settings(Optional.of(realm.krb5Conf()),
                    Optional.empty(), Optional.empty());
            RemoteTarget target = new RemoteTarget("localhost", server.getLocalPort(), RemoteTarget.Transport.HTTP,
                    RemoteTarget.Auth.KERBEROS, realm.principal(), realm::password, Optional.empty(),
                    Optional.empty(), false, Duration.ofSeconds(20));
            try (WinRmTransports transports = new WinRmTransports(1, settings);
                    WsmanTransport transport = transports.open(target, WsmanOptions.defaults())) {
                assertThatThrownBy(() -> transport.exchange(SOAP.getBytes(StandardCharsets.UTF_8)))
                        .isInstanceOf(WsmanTransportException.class)
                        .hasMessage("localhost:" + server.getLocalPort() + ": the host answered without WinRM message"
                                + " encryption over plain HTTP (Content-Type application/soap+xml;charset=UTF-8);"
                                + " refused");
            }
        }
    }

    /** A host that does Kerberos right, then answers the sealed request with plaintext SOAP. */
    private static void clearAfterAuthentication(ServerSocket server, KerberosAcceptor acceptor) {
        try (Socket s = server.accept()) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            Optional<HttpWire.Request> request;
            while ((request = HttpWire.read(in)).isPresent()) {
                Optional<String> authorization = request.get().header("Authorization");
                if (authorization.isPresent()) {
                    byte[] token = Base64.getDecoder().decode(authorization.get().split(" ", 2)[1]);
                    KerberosAcceptor.Accepted accepted = acceptor.accept(token).orElseThrow();
                    HttpWire.write(out, 200, List.of(Map.entry("WWW-Authenticate", "Negotiate "
                            + Base64.getEncoder().encodeToString(accepted.reply()))), new byte[0], false);
                } else {
                    HttpWire.write(out, 200, List.of(Map.entry("Content-Type", "application/soap+xml;charset=UTF-8")),
                            SOAP.getBytes(StandardCharsets.UTF_8), false);
                }
            }
        } catch (IOException e) {
            // the client hung up
        }
    }

    private record Reply(int status, Map<String, List<String>> headers, byte[] body) {
    }

    private static Reply post(Socket socket, Map<String, String> headers, byte[] body) throws IOException {
        StringBuilder head = new StringBuilder("POST /wsman HTTP/1.1\r\nHost: localhost\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        List<String> lines = new ArrayList<>();
        int last = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed inside the response head");
            }
            if (b == '\n' && last == '\r') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                line.reset();
                if (text.isEmpty()) {
                    break;
                }
                lines.add(text);
            } else if (b != '\r') {
                line.write(b);
            }
            last = b;
        }
        Map<String, List<String>> fields = new TreeMap<>();
        for (String h : lines.subList(1, lines.size())) {
            int colon = h.indexOf(':');
            fields.computeIfAbsent(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(h.substring(colon + 1).strip());
        }
        int length = Integer.parseInt(fields.getOrDefault("content-length", List.of("0")).get(0));
        return new Reply(Integer.parseInt(lines.get(0).split(" ")[1]), fields, in.readNBytes(length));
    }
}
