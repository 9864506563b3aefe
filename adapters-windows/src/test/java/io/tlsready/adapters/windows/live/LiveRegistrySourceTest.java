package io.tlsready.adapters.windows.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.adapters.windows.snapshot.JsonSnapshot;
import io.tlsready.domain.facts.Architecture;
import io.tlsready.domain.facts.EvidenceWarning;
import io.tlsready.domain.facts.Fact;
import io.tlsready.domain.facts.FactsRequest;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.facts.InstalledUpdates;
import io.tlsready.domain.facts.ProductType;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.RegistryView;
import io.tlsready.domain.facts.SystemInfo;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.facts.WindowsVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The mapping from native answers to facts, with the native calls faked: runs on every OS. */
class LiveRegistrySourceTest {

    static final String NETFX = "HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319";
    static final String TLS12 = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols"
            + "\\TLS 1.2\\Client";

    /** A fake registry: answers by (subKey|name|view); records every call. */
    static final class FakeRegistry implements RegistryAccess {
        final Map<String, Read> answers = new HashMap<>();
        final List<String> calls = new ArrayList<>();

        FakeRegistry answer(String subKey, String name, RegistryView view, Read read) {
            answers.put(subKey + "|" + name + "|" + view, read);
            return this;
        }

        @Override
        public Read read(String subKey, String name, RegistryView view) {
            String k = subKey + "|" + name + "|" + view;
            calls.add(k);
            return answers.getOrDefault(k, new KeyMissing());
        }
    }

    static final class FakeWmi implements WmiAccess {
        Map<String, Object> os = new HashMap<>();
        List<String> ids = List.of("KB3140245", "kb4019276", "File 1");
        RuntimeException failure;

        @Override
        public Map<String, Object> operatingSystem() {
            if (failure != null) {
                throw failure;
            }
            return os;
        }

        @Override
        public List<String> hotFixIds() {
            if (failure != null) {
                throw failure;
            }
            return ids;
        }
    }

    static byte[] dword(long v) {
        return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
    }

    final FakeRegistry registry = new FakeRegistry();
    final FakeWmi wmi = new FakeWmi();

    HostFacts collect(Optional<Architecture> arch, Set<ValueRef> refs, boolean system, boolean updates) {
        return new LiveRegistrySource("SRV01", registry, wmi, arch).collect(new FactsRequest(refs, system, updates));
    }

    @Test
    void each_view_is_asked_for_explicitly_and_mapped() {
        String sub = "SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319";
        registry.answer(sub, "SchUseStrongCrypto", RegistryView.NATIVE, new RegistryAccess.Found(4, dword(1)))
                .answer(sub, "SchUseStrongCrypto", RegistryView.WOW64_32,
                        new RegistryAccess.Found(4, dword(0xFFFF_FFFFL)))
                .answer(sub, "SystemDefaultTlsVersions", RegistryView.NATIVE, new RegistryAccess.ValueMissing());
        ValueRef n = ValueRef.of(NETFX, "SchUseStrongCrypto");
        ValueRef w = ValueRef.wow32(NETFX, "SchUseStrongCrypto");
        ValueRef missingValue = ValueRef.of(NETFX, "SystemDefaultTlsVersions");
        ValueRef missingKey = ValueRef.of(TLS12, "Enabled");
        HostFacts facts = collect(Optional.of(Architecture.X64), Set.of(n, w, missingValue, missingKey), false, false);

        assertThat(facts.value(n)).isEqualTo(Fact.present(new RegValue.Dword(1), "live registry, 64-bit view"));
        assertThat(facts.value(w)).isEqualTo(Fact.present(new RegValue.Dword(0xFFFF_FFFFL),
                "live registry, 32-bit view"));
        assertThat(facts.value(missingValue)).isEqualTo(Fact.absent("live registry, 64-bit view: value not found"));
        assertThat(facts.value(missingKey)).isEqualTo(Fact.absent("live registry, 64-bit view: key not found"));
        assertThat(registry.calls).contains(sub + "|SchUseStrongCrypto|WOW64_32",
                "SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client|Enabled|NATIVE");
        assertThat(facts.host()).isEqualTo("SRV01");
        assertThat(facts.provenance()).first().satisfies(p -> assertThat(p.kind()).isEqualTo("live-registry"));
        assertThat(facts.systemInfo()).isEqualTo(Fact.notCollected("not requested from this machine (SRV01)"));
    }

    @Test
    void access_denied_and_other_errors_are_not_collected_with_the_reason() {
        String sub = "SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319";
        registry.answer(sub, "A", RegistryView.NATIVE, new RegistryAccess.Failed(5, "Access is denied.\r\n"))
                .answer(sub, "B", RegistryView.NATIVE, new RegistryAccess.Failed(1018, "The key is marked for deletion.\r\n"));
        HostFacts facts = collect(Optional.of(Architecture.X64),
                Set.of(ValueRef.of(NETFX, "A"), ValueRef.of(NETFX, "B")), false, false);
        assertThat(facts.value(ValueRef.of(NETFX, "A"))).isEqualTo(Fact.notCollected("live registry, 64-bit view: "
                + "access denied to " + NETFX + " (run as an administrator, or export the key with reg.exe)"));
        assertThat(facts.value(ValueRef.of(NETFX, "B"))).isEqualTo(Fact.notCollected("live registry, 64-bit view: "
                + "Windows error 1018 reading " + NETFX + "\\B: The key is marked for deletion."));
    }

    @Test
    void x86_windows_has_no_thirty_two_bit_view_so_it_is_not_read_at_all() {
        ValueRef w = ValueRef.wow32(NETFX, "SchUseStrongCrypto");
        HostFacts facts = collect(Optional.of(Architecture.X86), Set.of(w), false, false);
        assertThat(facts.value(w)).isEqualTo(Fact.notCollected("x86 Windows has no 32-bit registry view (WOW6432Node)"));
        HostFacts unknown = collect(Optional.empty(), Set.of(w), false, false);
        assertThat(unknown.value(w).isCollected()).isFalse();
        assertThat(registry.calls).isEmpty();
    }

    @Test
    void wmi_gives_system_info_and_the_update_list() {
        wmi.os.put("Caption", "Microsoft Windows Server 2008 R2 Standard ");
        wmi.os.put("Version", "6.1.7601");
        wmi.os.put("ProductType", 3);
        wmi.os.put("ServicePackMajorVersion", 1);
        wmi.os.put("OSArchitecture", "64-bit");
        wmi.os.put("CSName", "SRV01");
        HostFacts facts = collect(Optional.of(Architecture.X64), Set.of(), true, true);
        assertThat(facts.systemInfo()).isEqualTo(Fact.present(new SystemInfo(Optional.of("SRV01"),
                "Microsoft Windows Server 2008 R2 Standard", new WindowsVersion(6, 1, 7601), 1,
                Optional.of(ProductType.SERVER), Optional.of(Architecture.X64)), "WMI Win32_OperatingSystem"));
        assertThat(facts.updates()).isEqualTo(Fact.present(InstalledUpdates.of(List.of("KB3140245", "KB4019276")),
                "WMI Win32_QuickFixEngineering"));
        assertThat(facts.warnings()).containsExactly(new EvidenceWarning("WMI Win32_QuickFixEngineering",
                "ignored 1 HotFixID(s) without a KB number, e.g. \"File 1\""));
    }

    @Test
    void native_architecture_wins_over_a_localised_wmi_string() {
        wmi.os.put("Version", "10.0.20348");
        wmi.os.put("OSArchitecture", "32 bits");
        HostFacts facts = collect(Optional.of(Architecture.X64), Set.of(), true, false);
        assertThat(facts.systemInfo().asOptional().flatMap(SystemInfo::architecture)).contains(Architecture.X64);
        assertThat(facts.warnings()).hasSize(1);
        HostFacts noNative = collect(Optional.empty(), Set.of(), true, false);
        assertThat(noNative.systemInfo().asOptional().flatMap(SystemInfo::architecture)).contains(Architecture.X86);
    }

    @Test
    void wmi_failure_is_not_collected_not_an_empty_list() {
        wmi.failure = new WmiAccess.WmiException("Win32_QuickFixEngineering timed out after 60 s", null);
        HostFacts facts = collect(Optional.of(Architecture.X64), Set.of(), true, true);
        assertThat(facts.updates()).isEqualTo(Fact.notCollected(
                "WMI Win32_QuickFixEngineering failed: Win32_QuickFixEngineering timed out after 60 s"));
        assertThat(facts.systemInfo().isCollected()).isFalse();
    }

    @Test
    void live_facts_survive_a_snapshot_round_trip() throws Exception {
        registry.answer("SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319", "X", RegistryView.NATIVE,
                new RegistryAccess.Found(7, "a\0b\0\0".getBytes(java.nio.charset.StandardCharsets.UTF_16LE)));
        wmi.os.put("Version", "10.0.20348");
        HostFacts facts = collect(Optional.of(Architecture.X64),
                Set.of(ValueRef.of(NETFX, "X"), ValueRef.wow32(NETFX, "X")), true, true);
        assertThat(JsonSnapshot.parse(snapshotBytes(facts), "x")).isEqualTo(facts);
    }

    private static byte[] snapshotBytes(HostFacts facts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonSnapshot.write(facts, out);
        return out.toByteArray();
    }
}
