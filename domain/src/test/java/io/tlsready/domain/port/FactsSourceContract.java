package io.tlsready.domain.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tlsready.domain.facts.Architecture;
import io.tlsready.domain.facts.Fact;
import io.tlsready.domain.facts.FactsRequest;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.facts.InstalledUpdates;
import io.tlsready.domain.facts.KeyRef;
import io.tlsready.domain.facts.ProductType;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.SystemInfo;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.facts.WindowsVersion;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * What every {@link FactsSource} must do, whatever the evidence behind it: tell PRESENT, ABSENT and
 * NOT_COLLECTED apart exactly as the host state says, keep both registry views apart, answer
 * {@code CurrentControlSet} paths, and never invent an OS identity or update list. Each adapter's test
 * extends this and turns a {@link HostState} into its own kind of evidence.
 */
public abstract class FactsSourceContract {

    public static final String TLS12_CLIENT =
            "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client";
    public static final String TLS12_SERVER =
            "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Server";
    public static final String NETFX4 = "HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319";
    public static final String WINHTTP = "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp";
    public static final String CURRENT_VERSION = "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion";

    /** Every value the contract asks about; a source built from a {@link HostState} must answer all of them. */
    public static final List<ValueRef> PROBES = List.of(
            ValueRef.of(TLS12_CLIENT, "Enabled"),
            ValueRef.of(TLS12_CLIENT, "DisabledByDefault"),
            ValueRef.of(TLS12_CLIENT + "\\Deeper", "Enabled"),
            ValueRef.of(TLS12_SERVER, "Enabled"),
            ValueRef.of(NETFX4, "SchUseStrongCrypto"),
            ValueRef.wow32(NETFX4, "SchUseStrongCrypto"),
            ValueRef.of(NETFX4, "SystemDefaultTlsVersions"),
            ValueRef.wow32(NETFX4, "SystemDefaultTlsVersions"),
            ValueRef.of(WINHTTP, "DefaultSecureProtocols"),
            ValueRef.wow32(WINHTTP, "DefaultSecureProtocols"),
            ValueRef.of(CURRENT_VERSION, "ProductName"),
            ValueRef.of(CURRENT_VERSION, ""),
            ValueRef.of(CURRENT_VERSION, "PathName"),
            ValueRef.of(CURRENT_VERSION, "Names"),
            ValueRef.of(CURRENT_VERSION, "InstallTime"),
            ValueRef.of(CURRENT_VERSION, "DigitalProductId"));

    public static final String ROOT_CERTIFICATES = "HKLM\\SOFTWARE\\Microsoft\\SystemCertificates\\ROOT\\Certificates";
    public static final String ENTERPRISE_CERTIFICATES =
            "HKLM\\SOFTWARE\\Microsoft\\EnterpriseCertificates\\Root\\Certificates";
    /** DigiCert Global Root G2 and Baltimore CyberTrust Root (rule book §1f-6). */
    public static final String G2 = "DF3C24F9BFD666761B268073FE06D1CC8D4F82A4";
    public static final String BALTIMORE = "D4DE20D05E66FC53FE1A50882C78DB2852CAE474";

    /** Every key whose existence the contract asks about. */
    public static final List<KeyRef> KEY_PROBES = List.of(
            KeyRef.of(ROOT_CERTIFICATES + "\\" + G2),
            KeyRef.of(ROOT_CERTIFICATES + "\\" + BALTIMORE),
            KeyRef.of(ENTERPRISE_CERTIFICATES + "\\" + G2));

    private static final FactsRequest ALL = new FactsRequest(Set.copyOf(PROBES), true, true, Set.copyOf(KEY_PROBES));

    /** Evidence for exactly this host state, as the adapter under test reads it. */
    protected abstract FactsSource sourceFor(HostState state);

    /** Whether the adapter's evidence can carry an OS identity and an update list at all. */
    protected boolean carriesSystemInfoAndUpdates() {
        return true;
    }

    @Test
    void a_covered_key_without_the_value_is_absent_and_an_uncovered_key_is_not_collected() {
        HostState state = HostState.builder()
                .value(ValueRef.of(TLS12_CLIENT, "Enabled"), new RegValue.Dword(1))
                .build();

        HostFacts facts = sourceFor(state).collect(ALL);

        assertThat(facts.value(ValueRef.of(TLS12_CLIENT, "Enabled")))
                .isInstanceOfSatisfying(Fact.Present.class, p -> assertThat(p.value()).isEqualTo(new RegValue.Dword(1)));
        assertThat(facts.value(ValueRef.of(TLS12_CLIENT, "DisabledByDefault")).state()).isEqualTo("ABSENT");
        assertThat(facts.value(ValueRef.of(TLS12_CLIENT + "\\Deeper", "Enabled")).state()).isEqualTo("ABSENT");
        assertThat(facts.value(ValueRef.of(TLS12_SERVER, "Enabled")))
                .isInstanceOfSatisfying(Fact.NotCollected.class, n -> assertThat(n.why()).isNotBlank());
        assertMatches(state, facts);
    }

    /** AZURE_ROOT_CAS (issue 8 item 4): a certificate's key exists, a covered store lacks one, a store not exported. */
    @Test
    void a_key_exists_is_absent_or_not_collected_as_the_evidence_says() {
        HostState state = HostState.builder()
                .covered(ROOT_CERTIFICATES)
                .value(ValueRef.of(ROOT_CERTIFICATES + "\\" + G2.toLowerCase(Locale.ROOT), "Blob"),
                        new RegValue.Raw(3, new byte[] {0x30, (byte) 0x82, 1, 2}))
                .build();

        HostFacts facts = sourceFor(state).collect(ALL);

        for (KeyRef ref : KEY_PROBES) {
            assertThat(facts.key(ref).state()).as(ref.toString()).isEqualTo(state.expectedKeyState(ref));
        }
        assertThat(facts.key(KEY_PROBES.get(0)).state()).isEqualTo("PRESENT");
        assertThat(facts.key(KEY_PROBES.get(1)).state()).isEqualTo("ABSENT");
        assertThat(facts.key(KEY_PROBES.get(2)))
                .isInstanceOfSatisfying(Fact.NotCollected.class, n -> assertThat(n.why()).isNotBlank());
    }

    @Test
    void names_are_case_insensitive() {
        HostState state = HostState.builder()
                .value(ValueRef.of(TLS12_CLIENT.toUpperCase(Locale.ROOT), "ENABLED"), new RegValue.Dword(1))
                .build();

        HostFacts facts = sourceFor(state).collect(ALL);

        assertThat(facts.value(ValueRef.of(TLS12_CLIENT, "Enabled")).asOptional()).contains(new RegValue.Dword(1));
    }

    @Test
    void dword_ffffffff_stays_unsigned() {
        HostState state = HostState.builder()
                .value(ValueRef.of(TLS12_CLIENT, "Enabled"), new RegValue.Dword(0xFFFF_FFFFL))
                .build();

        Fact<RegValue> enabled = sourceFor(state).collect(ALL).value(ValueRef.of(TLS12_CLIENT, "Enabled"));

        assertThat(enabled.asOptional()).containsInstanceOf(RegValue.Dword.class);
        assertThat(((RegValue.Dword) enabled.asOptional().orElseThrow()).value()).isEqualTo(4_294_967_295L);
    }

    @Test
    void the_two_registry_views_are_kept_apart() {
        HostState state = HostState.builder()
                .value(ValueRef.of(NETFX4, "SchUseStrongCrypto"), new RegValue.Dword(1))
                .value(ValueRef.wow32(NETFX4, "SchUseStrongCrypto"), new RegValue.Dword(0))
                .value(ValueRef.wow32(NETFX4, "SystemDefaultTlsVersions"), new RegValue.Dword(1))
                .value(ValueRef.of(WINHTTP, "DefaultSecureProtocols"), new RegValue.Dword(0xA00))
                .build();

        HostFacts facts = sourceFor(state).collect(ALL);

        assertThat(facts.value(ValueRef.of(NETFX4, "SchUseStrongCrypto")).asOptional()).contains(new RegValue.Dword(1));
        assertThat(facts.value(ValueRef.wow32(NETFX4, "SchUseStrongCrypto")).asOptional()).contains(new RegValue.Dword(0));
        assertThat(facts.value(ValueRef.of(NETFX4, "SystemDefaultTlsVersions")).state()).isEqualTo("ABSENT");
        assertThat(facts.value(ValueRef.wow32(NETFX4, "SystemDefaultTlsVersions")).asOptional())
                .contains(new RegValue.Dword(1));
        assertThat(facts.value(ValueRef.wow32(WINHTTP, "DefaultSecureProtocols")).state()).isEqualTo("NOT_COLLECTED");
        assertMatches(state, facts);
    }

    @Test
    void current_control_set_paths_are_answered() {
        HostState state = HostState.builder()
                .value(ValueRef.of(TLS12_CLIENT, "DisabledByDefault"), new RegValue.Dword(0))
                .covered(TLS12_SERVER)
                .build();

        HostFacts facts = sourceFor(state).collect(ALL);

        assertThat(facts.value(ValueRef.of(TLS12_CLIENT, "DisabledByDefault")).asOptional())
                .contains(new RegValue.Dword(0));
        assertThat(facts.value(ValueRef.of(TLS12_CLIENT, "Enabled")).state()).isEqualTo("ABSENT");
        assertThat(facts.value(ValueRef.of(TLS12_SERVER, "Enabled")).state()).isEqualTo("ABSENT");
        assertMatches(state, facts);
    }

    @Test
    void every_value_type_survives() {
        HostState state = HostState.builder()
                .value(ValueRef.of(CURRENT_VERSION, "ProductName"), RegValue.Str.of("Windows Server 2012 R2 \"Std\" C:\\x"))
                .value(ValueRef.of(CURRENT_VERSION, ""), RegValue.Str.of("default"))
                .value(ValueRef.of(CURRENT_VERSION, "PathName"), new RegValue.Str("%SystemRoot%\\system32", true))
                .value(ValueRef.of(CURRENT_VERSION, "Names"), new RegValue.MultiStr(List.of("a", "b c", "Ünï")))
                .value(ValueRef.of(CURRENT_VERSION, "InstallTime"), new RegValue.Qword(0x01D2_3456_789A_BCDEL))
                .value(ValueRef.of(CURRENT_VERSION, "DigitalProductId"),
                        new RegValue.Raw(3, new byte[] {0, 1, (byte) 0xFE, (byte) 0xFF}))
                .build();

        assertMatches(state, sourceFor(state).collect(ALL));
    }

    @Test
    void answers_exactly_the_requested_values() {
        HostState state = HostState.builder()
                .value(ValueRef.of(TLS12_CLIENT, "Enabled"), new RegValue.Dword(1))
                .build();
        ValueRef asked = ValueRef.of(TLS12_CLIENT, "DisabledByDefault");

        HostFacts facts = sourceFor(state).collect(new FactsRequest(Set.of(asked), false, false));

        assertThat(facts.values()).containsOnlyKeys(asked);
        assertThat(facts.value(asked).state()).isEqualTo("ABSENT");
        assertThat(facts.systemInfo().isCollected()).isFalse();
        assertThat(facts.updates().isCollected()).isFalse();
    }

    @Test
    void empty_evidence_collects_nothing() {
        HostFacts facts = sourceFor(HostState.builder().build()).collect(ALL);

        for (ValueRef ref : PROBES) {
            assertThat(facts.value(ref)).as(ref.toString())
                    .isInstanceOfSatisfying(Fact.NotCollected.class, n -> assertThat(n.why()).isNotBlank());
        }
    }

    @Test
    void updates_and_system_info_are_not_collected_when_not_given() {
        HostState state = HostState.builder()
                .value(ValueRef.of(TLS12_CLIENT, "Enabled"), new RegValue.Dword(1))
                .build();

        HostFacts facts = sourceFor(state).collect(ALL);

        assertThat(facts.updates())
                .isInstanceOfSatisfying(Fact.NotCollected.class, n -> assertThat(n.why()).isNotBlank());
        assertThat(facts.systemInfo())
                .isInstanceOfSatisfying(Fact.NotCollected.class, n -> assertThat(n.why()).isNotBlank());
    }

    @Test
    void updates_and_system_info_are_present_when_given() {
        assumeTrue(carriesSystemInfoAndUpdates(), "this evidence kind carries no OS identity or update list");
        SystemInfo info = new SystemInfo(Optional.of("HOST1"), "Microsoft Windows Server 2008 R2 Standard",
                new WindowsVersion(6, 1, 7601), 1, Optional.of(ProductType.SERVER), Optional.of(Architecture.X64));
        HostState state = HostState.builder()
                .systemInfo(info)
                .updates(InstalledUpdates.of(List.of("KB3140245", "KB4019276")))
                .build();

        HostFacts facts = sourceFor(state).collect(ALL);

        assertThat(facts.systemInfo().asOptional()).hasValueSatisfying(si -> {
            assertThat(si.version()).isEqualTo(new WindowsVersion(6, 1, 7601));
            assertThat(si.servicePack()).isEqualTo(1);
            assertThat(si.architecture()).contains(Architecture.X64);
        });
        assertThat(facts.updates().asOptional()).hasValueSatisfying(u ->
                assertThat(u.kbs()).contains("KB3140245", "KB4019276"));
    }

    /** Every probe in the state its {@link HostState} prescribes, with the same data when present. */
    protected static void assertMatches(HostState state, HostFacts facts) {
        SoftAssertions softly = new SoftAssertions();
        for (ValueRef ref : PROBES) {
            Fact<RegValue> fact = facts.value(ref);
            softly.assertThat(fact.state()).as(ref + " state").isEqualTo(state.expectedState(ref));
            if (state.present().containsKey(ref)) {
                softly.assertThat(fact.asOptional()).as(ref + " value").contains(state.present().get(ref));
            }
        }
        softly.assertAll();
    }
}
