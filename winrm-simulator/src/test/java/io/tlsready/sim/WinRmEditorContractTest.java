package io.tlsready.sim;

import com.google.inject.Guice;
import io.tlsready.adapters.winrm.WinRmModule;
import io.tlsready.domain.port.RegistryEditor;
import io.tlsready.domain.port.RegistryEditorContract;
import io.tlsready.domain.port.RemoteEditors;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry-editor contract run against the WinRM editor (bound by WinRmModule) talking to a simulated host on
 * loopback: NTLM with message encryption over http, and Basic over https.
 */
class WinRmEditorContractTest {

    @TempDir
    static Path temp;
    private static SimulatedFleet fleet;
    private static RemoteEditors editors;

    @BeforeAll
    static void start() throws Exception {
        var facts = TestFleets.facts("2019-incomplete");
        fleet = SimulatedFleet.start(List.of(
                HostSpec.of("ntlm", "127.0.0.1", 0, HostSpec.Auth.NTLM, TestFleets.USER, TestFleets.PASSWORD, facts),
                HostSpec.of("https", "127.0.0.1", 0, HostSpec.Auth.BASIC_HTTPS, TestFleets.USER,
                        TestFleets.PASSWORD, facts)));
        Files.writeString(temp.resolve("ca.pem"), fleet.certificate().orElseThrow().pem(), StandardCharsets.US_ASCII);
        editors = Guice.createInjector(new WinRmModule()).getInstance(RemoteEditors.class);
    }

    @AfterAll
    static void stop() throws Exception {
        WinRmModule.closeableEditors(editors).close();
        fleet.close();
    }

    /** NTLM with WinRM message encryption over http. */
    @Nested
    class NtlmOverHttp extends RegistryEditorContract {
        @Override
        protected RegistryEditor editor() {
            return editors.open(RegistryWritesTest.target(fleet, "ntlm", temp.resolve("ca.pem")));
        }
    }

    /** Basic inside TLS, the simulator's certificate the only trusted CA. */
    @Nested
    class BasicOverHttps extends RegistryEditorContract {
        @Override
        protected RegistryEditor editor() {
            return editors.open(RegistryWritesTest.target(fleet, "https", temp.resolve("ca.pem")));
        }
    }
}
