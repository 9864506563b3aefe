package io.tlsready.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.google.inject.Guice;
import io.tlsready.adapters.winrm.WinRmModule;
import io.tlsready.domain.facts.KeyRef;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.port.RegistryEditor;
import io.tlsready.domain.port.RemoteEditors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * pywinrm (Debian python3-winrm), a WinRM client we did not write, as a python3 process reads through StdRegProv
 * the values our WinRM editor wrote to a simulated host (NTLM with message encryption, and Basic over HTTPS), and
 * writes one that our editor then reads. Skipped visibly when pywinrm is missing; a failure under CI=true.
 */
@Timeout(120)
class PywinrmReadsWritesIT {

    private static final String KEY = "SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols"
            + "\\TLS 1.2\\Client";
    private static final String CIPHERS = "SOFTWARE\\Policies\\Microsoft\\Cryptography\\Configuration\\SSL\\00010002";
    private static String python;

    @BeforeAll
    static void findPywinrm() throws InterruptedException {
        for (String candidate : List.of("/usr/bin/python3", "python3")) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", "import winrm, requests_ntlm")
                        .redirectErrorStream(true).start();
                if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    python = candidate;
                    return;
                }
                p.destroyForcibly();
            } catch (IOException e) {
                // try the next one
            }
        }
    }

    private static void requirePywinrm() {
        if (python == null) {
            String why = "python3 with pywinrm (Debian python3-winrm) is not installed";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why + " (CI=true: .ci/run must install it)");
            }
            Assumptions.abort(why + "; apt-get install python3-winrm");
        }
    }

    @Test
    void pywinrm_reads_over_ntlm_what_the_editor_wrote(@TempDir Path tmp) throws Exception {
        check(HostSpec.Auth.NTLM, "ntlm", tmp);
    }

    @Test
    void pywinrm_reads_over_basic_https_what_the_editor_wrote(@TempDir Path tmp) throws Exception {
        check(HostSpec.Auth.BASIC_HTTPS, "basic", tmp);
    }

    private static void check(HostSpec.Auth auth, String transport, Path tmp) throws Exception {
        requirePywinrm();
        HostSpec spec = HostSpec.of("PYHOST", "127.0.0.1", 0, auth, TestFleets.USER, TestFleets.PASSWORD,
                TestFleets.facts("2008r2-ready"));
        RemoteEditors editors = Guice.createInjector(new WinRmModule()).getInstance(RemoteEditors.class);
        try (SimulatedFleet fleet = SimulatedFleet.start(List.of(spec))) {
            Path ca = tmp.resolve("sim-ca.pem");
            Files.writeString(ca, fleet.certificate().map(SelfSignedCertificate::pem).orElse(""));
            try (RegistryEditor editor = editors.open(RegistryWritesTest.target(fleet, "PYHOST", ca))) {
                editor.createKey(KeyRef.of("HKLM\\" + KEY));
                editor.write(ValueRef.of("HKLM\\" + KEY, "Enabled"), new RegValue.Dword(1));
                editor.write(ValueRef.of("HKLM\\" + KEY, "DisabledByDefault"), new RegValue.Dword(0));
                editor.createKey(KeyRef.of("HKLM\\" + CIPHERS));
                editor.write(ValueRef.of("HKLM\\" + CIPHERS, "Functions"), RegValue.Str.of("TLS_A,TLS_<B>&"));
                editor.write(ValueRef.of("HKLM\\" + CIPHERS, "EccCurves"),
                        new RegValue.MultiStr(List.of("NistP384", "NistP256")));
            }
            Map<String, String> out = runScript(tmp, List.of(fleet.endpoints().get(0).uri(), transport,
                    TestFleets.USER, auth.tls() ? ca.toString() : "-",
                    "GetDWORDValue", KEY, "Enabled", ";", "GetDWORDValue", KEY, "DisabledByDefault", ";",
                    "GetStringValue", CIPHERS, "Functions", ";", "GetMultiStringValue", CIPHERS, "EccCurves", ";",
                    "SetDWORDValue", KEY, "FromPython", "4294967295"));
            assertThat(out).containsEntry("R0_RETURN", "0").containsEntry("R0_VALUE", "1")
                    .containsEntry("R1_RETURN", "0").containsEntry("R1_VALUE", "0")
                    .containsEntry("R2_RETURN", "0").containsEntry("R2_VALUE", "TLS_A,TLS_<B>&")
                    .containsEntry("R3_RETURN", "0").containsEntry("R3_VALUE", "NistP384|NistP256")
                    .containsEntry("R4_RETURN", "0");
            try (RegistryEditor editor = editors.open(RegistryWritesTest.target(fleet, "PYHOST", ca))) {
                assertThat(editor.read(ValueRef.of("HKLM\\" + KEY, "FromPython")))
                        .contains(new RegValue.Dword(0xFFFF_FFFFL));
            }
            assertThat(fleet.counters("PYHOST").authFailures()).isZero();
        } finally {
            WinRmModule.closeableEditors(editors).close();
        }
    }

    private static Map<String, String> runScript(Path tmp, List<String> args) throws IOException,
            InterruptedException {
        Path script = tmp.resolve("pywinrm_registry.py");
        try (InputStream in = PywinrmReadsWritesIT.class.getResourceAsStream("/pywinrm_registry.py")) {
            Files.copy(in, script);
        }
        Path openssl = tmp.resolve("openssl-legacy-md4.cnf");
        try (InputStream in = PywinrmReadsWritesIT.class.getResourceAsStream("/openssl-legacy-md4.cnf")) {
            Files.copy(in, openssl);
        }
        List<String> command = new ArrayList<>(List.of(python, script.toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("TLSREADY_PASSWORD", new String(TestFleets.PASSWORD));
        pb.environment().put("NO_PROXY", "*");
        // ntlm-auth needs MD4, which OpenSSL 3 keeps in its legacy provider.
        pb.environment().put("OPENSSL_CONF", openssl.toString());
        for (String v : List.of("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "HTTP_PROXY", "HTTPS_PROXY", "http_proxy",
                "https_proxy")) {
            pb.environment().remove(v);
        }
        Process p = pb.start();
        String output;
        try (InputStream in = p.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("pywinrm finished").isTrue();
        assertThat(p.exitValue()).as("pywinrm exit status; output:%n%s", output).isZero();
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : output.split("\\R")) {
            int eq = line.indexOf('=');
            if (eq > 0 && line.substring(0, eq).matches("[A-Z0-9_]+")) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return values;
    }
}
