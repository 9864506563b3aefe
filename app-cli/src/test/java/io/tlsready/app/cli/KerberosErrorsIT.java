package io.tlsready.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlsready.adapters.winrm.WinRmModule;
import io.tlsready.adapters.winrm.wsman.WsmanOptions;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.sim.EvidenceFacts;
import io.tlsready.sim.HostSpec;
import io.tlsready.sim.KerberosTestRealm;
import io.tlsready.sim.SimulatedFleet;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kerberos failures against a real MIT KDC on loopback, through the real CLI: each gives one line naming the cause
 * an admin can act on, the host is UNKNOWN and the exit code is 3 (the remote-failure mapping), and the password is
 * never shown. Wrong password and unknown user fail at the KDC, before any request reaches the host; a realm
 * without HTTP/localhost fails at the TGS exchange; a KDC whose clock runs an hour ahead (libfaketime) refuses the
 * pre-authentication timestamp as clock skew.
 */
@Timeout(120)
class KerberosErrorsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static HostFacts facts;

    @TempDir
    Path tmp;

    @BeforeAll
    static void evidence() throws Exception {
        try (Stream<Path> dirs = Files.list(Cli.examples())) {
            Path set = dirs.filter(Files::isDirectory).filter(d -> d.getFileName().toString().contains("ready"))
                    .sorted().findFirst().orElseThrow();
            try (Stream<Path> files = Files.list(set)) {
                facts = EvidenceFacts.load(files.filter(Files::isRegularFile).sorted().toList());
            }
        }
    }

    @Test
    void wrong_password() {
        KerberosTestRealm realm = KerberosRealms.shared();
        Failure f = audit(realm, realm.principal(), "not-the-password", null, false);
        assertThat(f.error()).isEqualTo("Kerberos: the KDC rejected the password for " + realm.principal()
                + " (pre-authentication failed: wrong password)");
        assertThat(f.requestsToHost()).as("the KDC said no: the host never saw a request").isZero();
    }

    @Test
    void unknown_client_principal() {
        KerberosTestRealm realm = KerberosRealms.shared();
        String nobody = "nobody@" + KerberosTestRealm.REALM;
        Failure f = audit(realm, nobody, new String(realm.password()), null, false);
        assertThat(f.error()).isEqualTo("Kerberos: the KDC does not know " + nobody + " (client principal not"
                + " found; check the user name and the realm after @, in upper case)");
        assertThat(f.requestsToHost()).isZero();
    }

    @Test
    void no_ticket_in_the_cache_and_no_password() {
        KerberosTestRealm realm = KerberosRealms.shared();
        Path missing = tmp.resolve("no-such-ccache");
        Failure f = audit(realm, "", null, missing, true);
        assertThat(f.error()).startsWith("Kerberos: no ticket in " + missing + " (run kinit");
        assertThat(f.requestsToHost()).isZero();
    }

    @Test
    void missing_service_principal() {
        KerberosRealms.shared();
        try (KerberosTestRealm realm = KerberosTestRealm.start(KerberosTestRealm.Settings.defaults()
                .withoutServicePrincipal())) {
            Failure f = audit(realm, realm.principal(), new String(realm.password()), null, false);
            assertThat(f.error()).isEqualTo("Kerberos: the KDC has no service principal HTTP/localhost (register"
                    + " it: setspn -S HTTP/localhost <computer>; use the host's DNS name, not an IP address or"
                    + " alias)");
            assertThat(f.requestsToHost()).isZero();
        }
    }

    @Test
    void clock_skew_between_this_machine_and_the_kdc() {
        KerberosRealms.shared();
        KerberosTestRealm.clockOffsetUnavailable().ifPresent(KerberosRealms::skip);
        try (KerberosTestRealm realm = KerberosTestRealm.start(KerberosTestRealm.Settings.defaults()
                .withKdcClockOffset(Duration.ofHours(1)))) {
            Failure f = audit(realm, realm.principal(), new String(realm.password()), null, false);
            assertThat(f.error()).startsWith("Kerberos: clock skew too great: this machine's clock and the KDC's"
                    + " differ by more than the allowed 5 minutes");
            assertThat(f.requestsToHost()).isZero();
        }
    }

    private record Failure(String error, long requestsToHost) {
    }

    /** Audits a Kerberos simulated host (http, encrypted) and returns the host's one error line. */
    private Failure audit(KerberosTestRealm realm, String user, String password, Path ccache, boolean https) {
        HostSpec spec = HostSpec.kerberos("kdc-errors", "127.0.0.1", 0, https, realm.keytab(), facts);
        try (SimulatedFleet fleet = SimulatedFleet.start(List.of(spec))) {
            Map<String, String> env = new HashMap<>(realm.clientEnvironment(ccache));
            if (password != null) {
                env.put(Passwords.VARIABLE, password);
            }
            List<String> args = new java.util.ArrayList<>(List.of("audit", "--host",
                    KerberosTestRealm.SERVICE_HOST + ":" + fleet.endpoints().get(0).port(), "--transport",
                    https ? "https" : "http", "--auth", "kerberos", "--format", "json", "--timeout", "20",
                    "--retries", "1"));
            if (!user.isEmpty()) {
                args.addAll(List.of("--user", user));
            }
            if (https) {
                args.addAll(List.of("--pin-sha256", fleet.certificate().orElseThrow().sha256()));
            }
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true),
                    RemoteCli.env(env), new WinRmModule(WsmanOptions.defaults(), env::get));
            assertThat(code).as("exit code (remote failure); stderr: %s; out: %s", err, out).isEqualTo(3);
            if (password != null) {
                assertThat(out.toString() + err).doesNotContain(password);
            }
            JsonNode host = JSON.readTree(out.toString()).path("hosts").get(0);
            assertThat(host.path("verdict").asText()).isEqualTo("UNKNOWN");
            String error = host.path("error").asText();
            assertThat(error).as("one line, no exception names").doesNotContain("\n").doesNotContain("Exception");
            String label = KerberosTestRealm.SERVICE_HOST + ":" + fleet.endpoints().get(0).port() + ": ";
            assertThat(error).startsWith(label);
            return new Failure(error.substring(label.length()), fleet.counters("kdc-errors").httpRequests());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
