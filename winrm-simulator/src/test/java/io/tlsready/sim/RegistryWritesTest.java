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
import io.tlsready.domain.port.RegistryEditException;
import io.tlsready.domain.port.RegistryEditor;
import io.tlsready.domain.port.RemoteEditors;
import io.tlsready.domain.port.RemoteTarget;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WinRM registry editor (bound by WinRmModule) against the simulator on loopback: NTLM with message encryption
 * over http and Basic over https, every value type written and read back through StdRegProv, the 32-bit view, the
 * write faults mapped to their causes, and what the simulator's registry holds afterwards.
 */
class RegistryWritesTest {

    private static final String TEST_KEY = "HKLM\\SOFTWARE\\tlsready-test";
    private static final String DENIED = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL";

    @TempDir
    static Path temp;
    private static SimulatedFleet fleet;
    private static RemoteEditors editors;
    private static AutoCloseable closeEditors;
    private static HostFacts facts;

    @BeforeAll
    static void start() throws Exception {
        facts = TestFleets.facts("2008r2-ready");
        List<HostSpec> specs = new ArrayList<>();
        specs.add(ntlm("ntlm", facts));
        specs.add(HostSpec.of("https", "127.0.0.1", 0, HostSpec.Auth.BASIC_HTTPS, TestFleets.USER,
                TestFleets.PASSWORD, facts));
        specs.add(ntlm("denied", facts).withWriteFault(WriteFault.writeDenied(DENIED.toLowerCase())));
        specs.add(ntlm("drop", facts).withWriteFault(WriteFault.dropAfter(2)));
        specs.add(ntlm("wow", facts));
        specs.add(ntlm("bare", TestFleets.facts("2008r2-not-ready")));
        fleet = SimulatedFleet.start(specs);
        Files.writeString(temp.resolve("ca.pem"), fleet.certificate().orElseThrow().pem(), StandardCharsets.US_ASCII);
        editors = Guice.createInjector(new WinRmModule()).getInstance(RemoteEditors.class);
        closeEditors = WinRmModule.closeableEditors(editors);
    }

    @AfterAll
    static void stop() throws Exception {
        closeEditors.close();
        fleet.close();
    }

    private static HostSpec ntlm(String name, HostFacts f) {
        return HostSpec.of(name, "127.0.0.1", 0, HostSpec.Auth.NTLM, TestFleets.USER, TestFleets.PASSWORD, f);
    }

    static RemoteTarget target(SimulatedFleet on, String host, Path ca) {
        SimulatedFleet.Endpoint e = on.endpoint(host);
        boolean https = e.auth().tls();
        return new RemoteTarget(e.address(), e.port(), https ? RemoteTarget.Transport.HTTPS
                : RemoteTarget.Transport.HTTP, https ? RemoteTarget.Auth.BASIC : RemoteTarget.Auth.NTLM,
                TestFleets.USER, TestFleets.PASSWORD::clone, https ? Optional.of(ca) : Optional.empty(),
                Optional.empty(), false, Duration.ofSeconds(20));
    }

    private static RegistryEditor open(String host) {
        return editors.open(target(fleet, host, temp.resolve("ca.pem")));
    }

    private static Map<String, RegValue> everyType() {
        return Map.of(
                "Dword", new RegValue.Dword(0xFFFF_FFFFL),
                "Qword", new RegValue.Qword(-2L),
                "Text", RegValue.Str.of("a <b> & \"c\" ünï"),
                "Empty", RegValue.Str.of(""),
                "Expand", new RegValue.Str("%SystemRoot%\\x", true),
                "Multi", new RegValue.MultiStr(List.of("TLS_ECDHE", "", "x y")),
                "NoItems", new RegValue.MultiStr(List.of()),
                "Bytes", new RegValue.Raw(3, new byte[] {0, 1, (byte) 0xFF}));
    }

    private static void writesEveryTypeAndReadsItBack(String host) {
        KeyRef key = KeyRef.of(TEST_KEY + "\\" + host + "\\Sub");
        try (RegistryEditor editor = open(host)) {
            assertThat(editor.keyExists(key)).isFalse();
            assertThat(editor.read(ValueRef.of(key.key(), "Dword"))).isEmpty();
            editor.createKey(key);
            editor.createKey(key);
            assertThat(editor.keyExists(key)).isTrue();
            assertThat(editor.keyExists(KeyRef.of(TEST_KEY + "\\" + host))).isTrue();
            everyType().forEach((name, value) -> editor.write(ValueRef.of(key.key(), name), value));
            everyType().forEach((name, value) -> assertThat(editor.read(ValueRef.of(key.key(), name.toUpperCase())))
                    .as(name).contains(value));
            assertThat(editor.contents(key).values()).containsExactlyInAnyOrderElementsOf(everyType().keySet());
            assertThat(editor.contents(KeyRef.of(TEST_KEY + "\\" + host)).subkeys()).containsExactly("Sub");

            editor.write(ValueRef.of(key.key(), "Dword"), new RegValue.Dword(1));
            assertThat(editor.read(ValueRef.of(key.key(), "Dword"))).contains(new RegValue.Dword(1));
            everyType().keySet().forEach(name -> editor.deleteValue(ValueRef.of(key.key(), name)));
            editor.deleteValue(ValueRef.of(key.key(), "Dword"));
            assertThat(editor.contents(key).isEmpty()).isTrue();
            editor.deleteKey(key);
            editor.deleteKey(key);
            assertThat(editor.keyExists(key)).isFalse();
        }
    }

    @Test
    void ntlm_over_http_writes_every_value_type_and_reads_it_back() {
        writesEveryTypeAndReadsItBack("ntlm");
        assertThat(fleet.counters("ntlm").registryWrites()).isGreaterThan(10);
    }

    @Test
    void basic_over_https_writes_every_value_type_and_reads_it_back() {
        writesEveryTypeAndReadsItBack("https");
    }

    @Test
    void the_default_value_is_written_read_and_listed() {
        KeyRef key = KeyRef.of(TEST_KEY + "\\default");
        try (RegistryEditor editor = open("ntlm")) {
            editor.createKey(key);
            assertThat(editor.read(ValueRef.of(key.key(), ""))).isEmpty();
            editor.write(ValueRef.of(key.key(), ""), RegValue.Str.of("d"));
            assertThat(editor.read(ValueRef.of(key.key(), ""))).contains(RegValue.Str.of("d"));
            assertThat(editor.contents(key).values()).containsExactly("");
        }
    }

    @Test
    void a_write_to_the_32_bit_view_lands_under_wow6432node_where_the_audit_reads_it() {
        ValueRef ref = ValueRef.wow32("HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319", "SchUseStrongCrypto");
        try (RegistryEditor editor = open("wow")) {
            editor.createKey(new KeyRef(ref.key(), ref.view()));
            editor.write(ref, new RegValue.Dword(1));
            assertThat(editor.read(ref)).contains(new RegValue.Dword(1));
        }
        String reg = new String(fleet.registryExport("wow"), StandardCharsets.UTF_16LE);
        assertThat(reg).contains("[HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\.NETFramework\\v4.0.30319]"
                + "\r\n" + "\"SchUseStrongCrypto\"=dword:00000001");
    }

    @Test
    void a_write_under_a_denied_key_is_access_denied_naming_the_key_and_reads_still_work() {
        ValueRef ref = ValueRef.of(DENIED + "\\Protocols\\TLS 1.2\\Client", "Enabled");
        try (RegistryEditor editor = open("denied")) {
            Optional<RegValue> before = editor.read(ref);
            assertThatThrownBy(() -> editor.write(ref, new RegValue.Dword(1)))
                    .isInstanceOfSatisfying(RegistryEditException.class, e -> {
                        assertThat(e.reason()).isEqualTo(RegistryEditException.Cause.ACCESS_DENIED);
                        assertThat(e.key()).isEqualTo(ref.key());
                        assertThat(e.host()).isEqualTo("127.0.0.1:" + fleet.endpoint("denied").port());
                        assertThat(e.getMessage()).contains(ref.key()).contains("access denied writing value"
                                + " \"Enabled\"").doesNotContain("\n").doesNotContain(new String(TestFleets.PASSWORD));
                    });
            assertThatThrownBy(() -> editor.createKey(KeyRef.of(DENIED + "\\New")))
                    .isInstanceOfSatisfying(RegistryEditException.class, e -> assertThat(e.reason())
                            .isEqualTo(RegistryEditException.Cause.ACCESS_DENIED));
            assertThat(editor.read(ref)).isEqualTo(before);
            editor.createKey(KeyRef.of(TEST_KEY + "\\allowed"));
        }
    }

    @Test
    void a_setter_on_a_missing_key_is_key_missing() {
        try (RegistryEditor editor = open("ntlm")) {
            assertThatThrownBy(() -> editor.write(ValueRef.of(TEST_KEY + "\\nowhere\\deeper", "X"),
                    new RegValue.Dword(1))).isInstanceOfSatisfying(RegistryEditException.class,
                            e -> assertThat(e.reason()).isEqualTo(RegistryEditException.Cause.KEY_MISSING));
            assertThatThrownBy(() -> editor.contents(KeyRef.of(TEST_KEY + "\\nowhere")))
                    .isInstanceOfSatisfying(RegistryEditException.class,
                            e -> assertThat(e.reason()).isEqualTo(RegistryEditException.Cause.KEY_MISSING));
        }
    }

    @Test
    void schannel_exists_on_a_host_whose_evidence_sets_no_schannel_value_as_it_does_on_every_windows() {
        String schannel = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL";
        try (RegistryEditor editor = open("bare")) {
            assertThat(editor.keyExists(KeyRef.of(schannel))).isTrue();
            assertThat(editor.keyExists(KeyRef.of(schannel + "\\Protocols\\TLS 1.2\\Client"))).isFalse();
        }
    }

    @Test
    void a_key_with_subkeys_is_not_deleted() {
        try (RegistryEditor editor = open("ntlm")) {
            editor.createKey(KeyRef.of(TEST_KEY + "\\parent\\child"));
            assertThatThrownBy(() -> editor.deleteKey(KeyRef.of(TEST_KEY + "\\parent")))
                    .isInstanceOf(RegistryEditException.class);
            assertThat(editor.keyExists(KeyRef.of(TEST_KEY + "\\parent\\child"))).isTrue();
        }
    }

    @Test
    void a_connection_dropped_after_n_writes_is_a_connection_failure_and_the_editor_reconnects() {
        KeyRef key = KeyRef.of(TEST_KEY + "\\drop");
        ValueRef a = ValueRef.of(key.key(), "A");
        try (RegistryEditor editor = open("drop")) {
            editor.createKey(key);
            editor.write(a, new RegValue.Dword(1));
            assertThatThrownBy(() -> editor.write(ValueRef.of(key.key(), "B"), new RegValue.Dword(2)))
                    .isInstanceOfSatisfying(RegistryEditException.class, e -> {
                        assertThat(e.reason()).isEqualTo(RegistryEditException.Cause.CONNECTION);
                        assertThat(e.key()).isEqualTo(key.key());
                    });
            assertThat(editor.read(ValueRef.of(key.key(), "B"))).isEmpty();
            editor.deleteValue(a);
            assertThat(editor.read(a)).isEmpty();
        }
        assertThat(fleet.counters("drop").injectedFaults()).isEqualTo(1);
    }

    @Test
    void a_host_that_refuses_connections_is_a_connection_failure() throws Exception {
        try (SimulatedFleet refused = SimulatedFleet.start(List.of(ntlm("gone", facts)
                .withFault(FaultKind.REFUSED)));
                RegistryEditor editor = editors.open(target(refused, "gone", temp.resolve("ca.pem")))) {
            assertThatThrownBy(() -> editor.keyExists(KeyRef.of(TEST_KEY)))
                    .isInstanceOfSatisfying(RegistryEditException.class, e -> assertThat(e.reason())
                            .isEqualTo(RegistryEditException.Cause.CONNECTION));
        }
    }

    @Test
    void a_wrong_password_keeps_its_one_line_authentication_message() {
        SimulatedFleet.Endpoint e = fleet.endpoint("ntlm");
        RemoteTarget wrong = new RemoteTarget(e.address(), e.port(), RemoteTarget.Transport.HTTP,
                RemoteTarget.Auth.NTLM, TestFleets.USER, "not-the-password"::toCharArray, Optional.empty(),
                Optional.empty(), false, Duration.ofSeconds(20));
        try (RegistryEditor editor = editors.open(wrong)) {
            assertThatThrownBy(() -> editor.keyExists(KeyRef.of(TEST_KEY)))
                    .isInstanceOfSatisfying(RegistryEditException.class, x -> {
                        assertThat(x.reason()).isEqualTo(RegistryEditException.Cause.OTHER);
                        assertThat(x.getMessage()).contains("401").doesNotContain("not-the-password")
                                .doesNotContain("\n");
                    });
        }
    }

    @Test
    void basic_over_plain_http_is_refused_before_anything_is_sent() {
        SimulatedFleet.Endpoint e = fleet.endpoint("ntlm");
        RemoteTarget basic = new RemoteTarget(e.address(), e.port(), RemoteTarget.Transport.HTTP,
                RemoteTarget.Auth.BASIC, TestFleets.USER, TestFleets.PASSWORD::clone, Optional.empty(),
                Optional.empty(), false, Duration.ofSeconds(20));
        long before = fleet.counters("ntlm").httpRequests();
        try (RegistryEditor editor = editors.open(basic)) {
            assertThatThrownBy(() -> editor.write(ValueRef.of(TEST_KEY, "X"), new RegValue.Dword(1)))
                    .isInstanceOf(RegistryEditException.class);
        }
        assertThat(fleet.counters("ntlm").httpRequests()).isEqualTo(before);
    }

    /** Keeps the facts import honest: the evidence has values the editor reads as the audit does. */
    @Test
    void the_editor_reads_the_evidence_values_the_audit_reads() {
        try (RegistryEditor editor = open("ntlm")) {
            int compared = 0;
            for (Map.Entry<ValueRef, Fact<RegValue>> e : facts.values().entrySet()) {
                if (e.getValue() instanceof Fact.Present<RegValue> p) {
                    assertThat(editor.read(e.getKey())).as(e.getKey().toString()).contains(p.value());
                    compared++;
                }
            }
            assertThat(compared).isGreaterThan(5);
        }
    }
}
