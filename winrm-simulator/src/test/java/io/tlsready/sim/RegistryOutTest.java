package io.tlsready.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import io.tlsready.adapters.winrm.WinRmModule;
import io.tlsready.domain.facts.Fact;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.facts.KeyRef;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.port.RegistryEditor;
import io.tlsready.domain.port.RemoteEditors;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --registry-out}: what the simulator writes when it stops is the registry it served (read back as evidence it
 * gives the same values), byte for byte the same from run to run, holds the writes made over WinRM, and keeps
 * hostile names from starting lines of their own.
 */
@Timeout(120)
class RegistryOutTest {

    private static final String SET = "2008r2-ready";

    private static HostSpec host(String name, HostFacts facts) {
        return HostSpec.of(name, "127.0.0.1", 0, HostSpec.Auth.NTLM, TestFleets.USER, TestFleets.PASSWORD, facts);
    }

    private static byte[] pristine(Path out) throws Exception {
        SimulatedFleet fleet = SimulatedFleet.start(List.of(host("h", TestFleets.facts(SET))),
                SimulatedFleet.Options.defaults().withRegistryOut(out));
        fleet.close();
        return Files.readAllBytes(out);
    }

    @Test
    void a_pristine_run_writes_the_registry_it_was_given_the_same_bytes_every_time(@TempDir Path tmp)
            throws Exception {
        byte[] first = pristine(tmp.resolve("one.reg"));
        byte[] second = pristine(tmp.resolve("two.reg"));
        assertThat(second).isEqualTo(first);
        assertThat(first[0]).isEqualTo((byte) 0xFF);
        assertThat(first[1]).isEqualTo((byte) 0xFE);
        String text = new String(first, 2, first.length - 2, StandardCharsets.UTF_16LE);
        assertThat(text).startsWith("Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\");

        HostFacts given = TestFleets.facts(SET);
        HostFacts again = EvidenceFacts.load(List.of(tmp.resolve("one.reg")));
        int present = 0;
        for (Map.Entry<ValueRef, Fact<RegValue>> e : given.values().entrySet()) {
            Fact<RegValue> back = again.values().get(e.getKey());
            if (e.getValue() instanceof Fact.Present<RegValue> p) {
                present++;
                assertThat(back).as(e.getKey().toString()).isInstanceOf(Fact.Present.class);
                assertThat(back.asOptional()).as(e.getKey().toString()).contains(p.value());
            } else {
                assertThat(back == null || !back.isPresent()).as(e.getKey().toString()).isTrue();
            }
        }
        assertThat(present).isGreaterThan(5);
    }

    @Test
    void after_writes_over_winrm_the_file_holds_them_and_keys_stay_sorted(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("after.reg");
        Files.writeString(tmp.resolve("ca.pem"), "");
        SimulatedFleet fleet = SimulatedFleet.start(List.of(host("h", TestFleets.facts(SET))),
                SimulatedFleet.Options.defaults().withRegistryOut(out));
        RemoteEditors editors = Guice.createInjector(new WinRmModule()).getInstance(RemoteEditors.class);
        String tls = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Server";
        try (RegistryEditor editor = editors.open(RegistryWritesTest.target(fleet, "h", tmp.resolve("ca.pem")))) {
            editor.createKey(KeyRef.of(tls));
            editor.write(ValueRef.of(tls, "Enabled"), new RegValue.Dword(1));
            editor.write(ValueRef.of(tls, "DisabledByDefault"), new RegValue.Dword(0));
            editor.createKey(KeyRef.of("HKLM\\SOFTWARE\\A-first"));
            editor.write(ValueRef.of("HKLM\\SOFTWARE\\A-first", "q"), new RegValue.Qword(1));
            editor.write(ValueRef.of("HKLM\\SOFTWARE\\A-first", "m"), new RegValue.MultiStr(List.of("x")));
            editor.write(ValueRef.of("HKLM\\SOFTWARE\\A-first", "say \"hi\" \\ ]"), RegValue.Str.of("v\\\""));
            editor.write(ValueRef.of("HKLM\\SOFTWARE\\A-first", "evil\r\n[HKEY_LOCAL_MACHINE\\X]"),
                    RegValue.Str.of("line\r\n\"Injected\"=dword:1"));
        } finally {
            WinRmModule.closeableEditors(editors).close();
            fleet.close();
        }
        String text = new String(Files.readAllBytes(out), StandardCharsets.UTF_16LE).substring(1);
        assertThat(text).contains("[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders"
                + "\\SCHANNEL\\Protocols\\TLS 1.2\\Server]\r\n\"DisabledByDefault\"=dword:00000000\r\n"
                + "\"Enabled\"=dword:00000001\r\n");
        assertThat(text).contains("[HKEY_LOCAL_MACHINE\\SOFTWARE\\A-first]\r\n");
        assertThat(text).contains("\"q\"=hex(b):01,00,00,00,00,00,00,00\r\n");
        assertThat(text).contains("\"m\"=hex(7):78,00,00,00,00,00\r\n");
        assertThat(text).contains("\"say \\\"hi\\\" \\\\ ]\"=\"v\\\\\\\"\"\r\n");
        assertThat(text).contains("; tlsready-sim: left out value ");
        assertThat(text.lines()).noneMatch(l -> l.startsWith("[HKEY_LOCAL_MACHINE\\X]") || l.startsWith("\"Injected\""));
        assertThat(text.indexOf("[HKEY_LOCAL_MACHINE\\SOFTWARE\\A-first]"))
                .isLessThan(text.indexOf("[HKEY_LOCAL_MACHINE\\SYSTEM"));

        HostFacts back = EvidenceFacts.load(List.of(out));
        assertThat(back.values().get(ValueRef.of(tls, "Enabled")).asOptional()).contains(new RegValue.Dword(1));
    }

    @Test
    void a_fleet_writes_one_file_per_host_named_by_its_address(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("fleet.reg");
        List<String> args = new ArrayList<>(List.of("--evidence"));
        TestFleets.files(TestFleets.examples().resolve(SET)).forEach(p -> args.add(p.toString()));
        args.addAll(List.of("--user", "admin", "--hosts", "3", "--base", "127.0.8.1", "--listen", "127.0.0.1:0",
                "--inject", "drop-after:2:34%", "--inject", "write-denied:HKEY_LOCAL_MACHINE\\SYSTEM:0.34",
                "--registry-out", out.toString(), "--duration", "0"));
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = new SimulatorMain(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), Map.of("TLSREADY_PASSWORD", "pw"))
                .run(args.toArray(String[]::new), null);
        assertThat(code).as(stderr.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("inject drop-after:2")
                .contains("inject write-denied:HKLM\\SYSTEM").contains("fleet-ADDRESS.reg")
                .contains("0 registry writes");
        for (String address : List.of("127.0.8.1", "127.0.8.2", "127.0.8.3")) {
            assertThat(tmp.resolve("fleet-" + address + ".reg")).isRegularFile();
        }
        assertThat(Files.readAllBytes(tmp.resolve("fleet-127.0.8.1.reg")))
                .isEqualTo(Files.readAllBytes(tmp.resolve("fleet-127.0.8.3.reg")));
        assertThat(SimulatedFleet.registryFile(Path.of("dir", "out"), "127.0.0.9", true))
                .isEqualTo(Path.of("dir", "out-127.0.0.9"));
        assertThat(SimulatedFleet.registryFile(Path.of("one.reg"), "127.0.0.9", false)).isEqualTo(Path.of("one.reg"));
    }

    @Test
    void write_faults_parse_with_and_without_a_fraction() {
        SimulatorOptions o = SimulatorOptions.parse(new String[] {"--evidence", "a.reg", "--user", "u",
            "--inject", "write-denied:HKLM\\SOFTWARE\\Policies", "--inject", "drop-after:3:5%",
            "--registry-out", "x.reg"});
        assertThat(o.injectWrites).containsEntry(WriteFault.writeDenied("HKLM\\SOFTWARE\\Policies"), 1.0)
                .containsEntry(WriteFault.dropAfter(3), 0.05);
        assertThat(o.registryOut).isEqualTo(Path.of("x.reg"));
        assertThatThrownBy(() -> SimulatorOptions.parse(new String[] {"--evidence", "a", "--user", "u", "--inject",
            "drop-after:many"})).isInstanceOf(SimulatorOptions.UsageException.class).hasMessageContaining("drop-after");
        assertThatThrownBy(() -> SimulatorOptions.parse(new String[] {"--evidence", "a", "--user", "u", "--inject",
            "write-denied:"})).isInstanceOf(SimulatorOptions.UsageException.class).hasMessageContaining("key");
        assertThat(SimulatorOptions.usage()).contains("--registry-out FILE").contains("write-denied:KEY")
                .contains("drop-after:N");
    }
}
