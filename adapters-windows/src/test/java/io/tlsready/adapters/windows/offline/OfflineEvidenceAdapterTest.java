package io.tlsready.adapters.windows.offline;

import static io.tlsready.adapters.windows.offline.reg.RegTestFiles.v5;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import io.tlsready.adapters.windows.offline.reg.RegTestFiles;
import io.tlsready.adapters.windows.snapshot.JsonSnapshot;
import io.tlsready.domain.facts.EvidenceWarning;
import io.tlsready.domain.facts.Fact;
import io.tlsready.domain.facts.FactsRequest;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.facts.InstalledUpdates;
import io.tlsready.domain.facts.Provenance;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.port.EvidenceException;
import io.tlsready.domain.port.FactsSource;
import io.tlsready.domain.port.OfflineEvidence;
import io.tlsready.testing.Corpus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineEvidenceAdapterTest {

    private static final String CLIENT_KEY =
            "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client";
    private static final ValueRef ENABLED = ValueRef.of(CLIENT_KEY, "Enabled");
    private static final ValueRef DBD = ValueRef.of(CLIENT_KEY, "DisabledByDefault");
    private static final ValueRef STRONG = ValueRef.of("HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319",
            "SchUseStrongCrypto");
    private static final FactsRequest REQUEST = new FactsRequest(Set.of(ENABLED, DBD, STRONG), true, true);

    @TempDir
    Path dir;

    private final OfflineEvidence evidence = new OfflineEvidenceAdapter();

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private Path reg(String name, String... lines) throws IOException {
        return write(name, RegTestFiles.utf16(v5(lines)));
    }

    @Test
    void reg_files_merge_with_provenance_warnings_and_honest_gaps() throws IOException {
        Path a = reg("srv01-schannel.reg", "[" + CLIENT_KEY + "]", "\"Enabled\"=dword:00000001", "junk line");
        Path b = write("netfx.txt", ("REGEDIT4\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319]\n"
                + "\"SchUseStrongCrypto\"=dword:1\n").getBytes(StandardCharsets.US_ASCII));

        FactsSource source = evidence.open(List.of(a, b));
        HostFacts facts = source.collect(REQUEST);

        assertThat(facts.host()).isEqualTo("srv01-schannel");
        assertThat(source.describe()).isEqualTo("offline evidence: srv01-schannel.reg, netfx.txt");
        assertThat(facts.value(ENABLED)).isEqualTo(Fact.present(new RegValue.Dword(1), "srv01-schannel.reg:4 (export)"));
        assertThat(facts.value(DBD).state()).isEqualTo("ABSENT");
        assertThat(facts.value(STRONG)).isEqualTo(Fact.present(new RegValue.Dword(1), "netfx.txt:3 (export)"));
        assertThat(facts.value(ValueRef.wow32(STRONG.key(), STRONG.name())).state()).isEqualTo("NOT_COLLECTED");
        assertThat(facts.updates()).isEqualTo(Fact.notCollected("no systeminfo/wmic qfe/Get-HotFix evidence"));
        assertThat(facts.systemInfo().isCollected()).isFalse();
        assertThat(facts.provenance()).containsExactly(
                new Provenance("reg-export", a.toString(), "UTF-16LE, export of " + CLIENT_KEY.replace(
                        "HKEY_LOCAL_MACHINE", "HKLM") + ", 1 warning"),
                new Provenance("reg-export", b.toString(),
                        "ASCII, export of HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319, 0 warnings"));
        assertThat(facts.warnings()).extracting(EvidenceWarning::location).containsExactly("srv01-schannel.reg:5");
    }

    @Test
    void unknown_missing_headerless_and_oversized_files_are_refused_by_name() throws IOException {
        Path bin = write("image.bin", new byte[] {0, 1, 2, 3, (byte) 0xFF});
        Path headerless = write("fix.reg", ("[" + CLIENT_KEY + "]\n\"Enabled\"=dword:1\n").getBytes(StandardCharsets.US_ASCII));
        Path big = dir.resolve("huge.reg");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(EvidenceFiles.MAX_BYTES + 1);
        }

        assertThatThrownBy(() -> evidence.open(List.of(bin))).isInstanceOf(EvidenceException.class)
                .hasMessage(bin + ": not a .reg export, systeminfo, wmic qfe, Get-HotFix or tlsready snapshot");
        assertThatThrownBy(() -> evidence.open(List.of(headerless)))
                .hasMessageStartingWith(headerless + ": not a registry script: first line is \"[HKEY_LOCAL_MACHINE");
        assertThatThrownBy(() -> evidence.open(List.of(dir.resolve("nope.reg"))))
                .hasMessage(dir.resolve("nope.reg") + ": no such file");
        assertThatThrownBy(() -> evidence.open(List.of(dir))).hasMessage(dir + ": is a directory, not an evidence file");
        assertThatThrownBy(() -> evidence.open(List.of(big))).hasMessageContaining("too large for text evidence");
        assertThatThrownBy(() -> evidence.open(List.of())).isInstanceOf(EvidenceException.class);
    }

    @Test
    void contradicting_reg_files_fail_at_open_naming_both() throws IOException {
        Path a = reg("a.reg", "[" + CLIENT_KEY + "]", "\"Enabled\"=dword:00000001");
        Path b = reg("b.reg", "[" + CLIENT_KEY + "]", "\"Enabled\"=dword:00000000");

        assertThatThrownBy(() -> evidence.open(List.of(a, b))).isInstanceOf(EvidenceException.class)
                .hasMessageStartingWith("a.reg:4: contradicts b.reg:4: ");
    }

    @Test
    void a_snapshot_fills_what_the_reg_files_did_not_collect() throws IOException {
        Path reg = reg("schannel.reg", "[" + CLIENT_KEY + "]", "\"Enabled\"=dword:00000001");
        Path snap = snapshot("snap.json", Map.of(STRONG, Fact.present(new RegValue.Dword(1), "live"),
                ENABLED, Fact.present(new RegValue.Dword(1), "live")), Fact.present(InstalledUpdates.of(List.of("KB3140245")), "wmi"));

        HostFacts facts = evidence.open(List.of(reg, snap)).collect(REQUEST);

        assertThat(facts.host()).isEqualTo("SNAPHOST");
        assertThat(facts.value(ENABLED)).isEqualTo(Fact.present(new RegValue.Dword(1), "schannel.reg:4 (export)"));
        assertThat(facts.value(STRONG).asOptional()).contains(new RegValue.Dword(1));
        assertThat(facts.updates().asOptional()).hasValueSatisfying(u -> assertThat(u.kbs()).containsExactly("KB3140245"));
        assertThat(facts.provenance()).extracting(Provenance::kind).containsExactly("reg-export", "snapshot");
    }

    @Test
    void a_snapshot_absent_value_contradicts_a_reg_value() throws IOException {
        Path reg = reg("schannel.reg", "[" + CLIENT_KEY + "]", "\"Enabled\"=dword:00000001");
        Path snap = snapshot("snap.json", Map.of(ENABLED, Fact.absent("live")), Fact.notCollected("n/a"));

        assertThatThrownBy(() -> evidence.open(List.of(reg, snap))).isInstanceOf(EvidenceException.class)
                .hasMessageStartingWith(snap + ": contradicts schannel.reg:4 (export): ")
                .hasMessageContaining("is absent here but 0x00000001 (1) there");
    }

    @Test
    void systeminfo_and_qfe_from_the_corpus_give_os_identity_host_and_updates() {
        Path kb = Corpus.dir("kb");
        Path si = kb.resolve("7_sp1_x64_enterprise_en-us_20190305_systeminfo.txt");
        Path qfe = kb.resolve("7_sp1_x64_enterprise_en-us_20190305_qfe.txt");

        HostFacts facts = evidence.open(List.of(si, qfe)).collect(REQUEST);

        assertThat(facts.systemInfo().asOptional()).hasValueSatisfying(info -> {
            assertThat(info.version().toString()).startsWith("6.1.7601");
            assertThat(info.hostName()).isPresent().hasValue(facts.host());
        });
        assertThat(facts.updates().isPresent()).isTrue();
        assertThat(facts.value(ENABLED).state()).isEqualTo("NOT_COLLECTED");
        assertThat(facts.provenance()).hasSize(2);
    }

    @Test
    void systeminfo_of_two_different_hosts_is_a_contradiction() {
        Path kb = Corpus.dir("kb");
        Path win7 = kb.resolve("7_sp1_x64_enterprise_en-us_20190305_systeminfo.txt");
        Path win10 = kb.resolve("10_1809_x64_education_en-us_20190306_systeminfo.txt");

        assertThatThrownBy(() -> evidence.open(List.of(win7, win10))).isInstanceOf(EvidenceException.class)
                .hasMessageStartingWith(win10 + ": contradicts " + win7 + ": OS version ");
    }

    @Test
    void the_guice_module_binds_the_port_under_a_strict_injector() {
        Injector injector = Guice.createInjector(Stage.PRODUCTION, binder -> {
            binder.requireExplicitBindings();
            binder.requireAtInjectOnConstructors();
            binder.disableCircularProxies();
        }, new OfflineEvidenceModule());

        assertThat(injector.getInstance(OfflineEvidence.class)).isInstanceOf(OfflineEvidenceAdapter.class);
    }

    /** Issue 8: a value an export covers and lacks, present in another file, is a contradiction naming both. */
    @Test
    void a_snapshot_value_that_an_export_says_is_absent_is_a_contradiction() throws IOException {
        Path reg = reg("schannel.reg", "[" + CLIENT_KEY + "]", "\"Enabled\"=dword:00000001");
        Path snap = snapshot("snap.json", Map.of(DBD, Fact.present(new RegValue.Dword(0), "live")),
                Fact.notCollected("n/a"));

        assertThatThrownBy(() -> evidence.open(List.of(reg, snap))).isInstanceOf(EvidenceException.class)
                .hasMessageStartingWith(snap + ": contradicts schannel.reg:3 has the key without this value: ")
                .hasMessageContaining("is 0x00000000 (0) here but absent there");
    }

    @Test
    void a_capture_yields_to_a_snapshot_for_what_it_does_not_list_and_says_what_it_was_taken_as() throws IOException {
        Path capture = reg("tweak.reg", "[" + CLIENT_KEY + "]", "\"Enabled\"=dword:00000001", "",
                "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Vendor]", "\"x\"=dword:1");
        Path snap = snapshot("snap.json", Map.of(DBD, Fact.present(new RegValue.Dword(0), "live")),
                Fact.notCollected("n/a"));

        HostFacts facts = evidence.open(List.of(capture, snap)).collect(REQUEST);

        assertThat(facts.value(ENABLED))
                .isEqualTo(Fact.present(new RegValue.Dword(1), "tweak.reg:4 (capture: lists only its own values)"));
        assertThat(facts.value(DBD)).isEqualTo(Fact.present(new RegValue.Dword(0), "live"));
        assertThat(facts.provenance().get(0).detail()).startsWith("UTF-16LE, capture: lists only its own values"
                + " ([HKEY_LOCAL_MACHINE\\SOFTWARE\\Vendor] (line 6) is not below its first section [HKEY_LOCAL_MACHINE")
                .endsWith("]), 0 warnings");
    }

    private Path snapshot(String name, Map<ValueRef, Fact<RegValue>> values, Fact<InstalledUpdates> updates)
            throws IOException {
        HostFacts facts = new HostFacts("SNAPHOST", "live-registry", values, Fact.notCollected("n/a"), updates,
                List.of(), List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonSnapshot.write(facts, out);
        return write(name, out.toByteArray());
    }
}
