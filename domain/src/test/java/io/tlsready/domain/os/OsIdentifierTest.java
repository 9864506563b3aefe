package io.tlsready.domain.os;

import static io.tlsready.domain.testing.Hosts.CV;
import static io.tlsready.domain.testing.Hosts.PRODUCT_OPTIONS;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.facts.Architecture;
import io.tlsready.domain.facts.ProductType;
import io.tlsready.domain.facts.RegistryView;
import io.tlsready.domain.facts.WindowsVersion;
import io.tlsready.domain.testing.Hosts;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rule book §1a, gotchas G1–G9. */
class OsIdentifierTest {

    private static OsIdentity identify(Hosts h) {
        return OsIdentifier.identify(h.build());
    }

    private static Hosts modern(String build, String productType) {
        return Hosts.blank().string(CV, "CurrentVersion", "6.3").dword(CV, "CurrentMajorVersionNumber", 10)
                .dword(CV, "CurrentMinorVersionNumber", 0).string(CV, "CurrentBuild", build)
                .string(PRODUCT_OPTIONS, "ProductType", productType);
    }

    private static Hosts legacy(String currentVersion, String build, String productType) {
        Hosts h = Hosts.blank().string(CV, "CurrentVersion", currentVersion).string(CV, "CurrentBuild", build);
        return productType == null ? h : h.string(PRODUCT_OPTIONS, "ProductType", productType);
    }

    @Nested
    @DisplayName("G1: ProductType, not the build, tells client from server")
    class SharedBuilds {

        @ParameterizedTest(name = "build {0} with ProductType {1} is {2}")
        @CsvSource({
            "14393, WinNT,    WINDOWS_10",
            "14393, ServerNT, SERVER_2016",
            "14393, LanmanNT, SERVER_2016",
            "17763, WinNT,    WINDOWS_10",
            "17763, ServerNT, SERVER_2019",
            "26100, WinNT,    WINDOWS_11",
            "26100, ServerNT, SERVER_2025",
            "20348, ServerNT, SERVER_2022",
            "25398, ServerNT, SERVER_ANNUAL_CHANNEL",
        })
        void modern_builds_shared_by_client_and_server_are_split_by_product_type(String build, String type, WindowsRelease expected) {
            OsIdentity os = identify(modern(build, type));

            assertThat(os.release()).contains(expected);
            assertThat(os.version()).contains(new WindowsVersion(10, 0, Integer.parseInt(build)));
        }

        @ParameterizedTest(name = "NT {0}.{1} with ProductType {2} is {3}")
        @CsvSource({
            "6.1, 7601, WinNT,    WINDOWS_7",
            "6.1, 7601, ServerNT, SERVER_2008_R2",
            "6.2, 9200, WinNT,    WINDOWS_8",
            "6.2, 9200, ServerNT, SERVER_2012",
            "6.3, 9600, WinNT,    WINDOWS_8_1",
            "6.3, 9600, ServerNT, SERVER_2012_R2",
            "6.3, 9600, LanmanNT, SERVER_2012_R2",
        })
        void legacy_builds_shared_by_client_and_server_are_split_by_product_type(String cv, String build, String type,
                WindowsRelease expected) {
            assertThat(identify(legacy(cv, build, type)).release()).contains(expected);
        }

        @Test
        void a_domain_controller_counts_as_a_server() {
            OsIdentity os = identify(modern("14393", "LanmanNT"));

            assertThat(os.productType()).contains(ProductType.DOMAIN_CONTROLLER);
            assertThat(os.productType().get().isServer()).isTrue();
        }

        @ParameterizedTest(name = "WMI ProductType {0} on build 14393 is {1}")
        @CsvSource({"1, WINDOWS_10", "2, SERVER_2016", "3, SERVER_2016"})
        void the_wmi_product_type_from_systeminfo_also_splits_shared_builds(int code, WindowsRelease expected) {
            OsIdentity os = identify(Hosts.blank().systemInfo("Microsoft Windows", "10.0.14393", 0,
                    ProductType.fromWmi(code).orElseThrow(), Architecture.X64));

            assertThat(os.release()).contains(expected);
        }
    }

    @Nested
    @DisplayName("G2: Windows 11 ProductName still says Windows 10")
    class Windows11 {

        @ParameterizedTest(name = "build {0}")
        @CsvSource({"22000", "22631"})
        void a_workstation_at_build22000_or_later_is_windows11_even_when_product_name_says_windows10(String build) {
            OsIdentity os = identify(modern(build, "WinNT").string(CV, "ProductName", "Windows 10 Pro")
                    .string(CV, "EditionID", "Professional"));

            assertThat(os.release()).contains(WindowsRelease.WINDOWS_11);
            assertThat(os.name()).startsWith("Windows 11").doesNotContain("Windows 10");
            assertThat(os.edition()).contains("Professional");
            assertThat(os.notes()).anySatisfy(n -> assertThat(n).contains("Windows 10 Pro").contains(build)
                    .contains("Windows 11"));
        }

        @Test
        void a_workstation_at_build19045_is_windows10_with_no_quirk_note() {
            OsIdentity os = identify(modern("19045", "WinNT").string(CV, "ProductName", "Windows 10 Pro"));

            assertThat(os.release()).contains(WindowsRelease.WINDOWS_10);
            assertThat(os.notes()).isEmpty();
        }

        @Test
        void the_feature_update_name_comes_from_display_version_and_the_patch_level_from_ubr() {
            OsIdentity os = identify(modern("22631", "WinNT").string(CV, "DisplayVersion", "23H2")
                    .string(CV, "ReleaseId", "2009").dword(CV, "UBR", 4317));

            assertThat(os.name()).isEqualTo("Windows 11 23H2 (build 22631.4317)");
            assertThat(os.ubr()).contains(4317);
        }
    }

    @Nested
    @DisplayName("G3: CurrentVersion is frozen at 6.3 on 10/2016+")
    class FrozenCurrentVersion {

        @Test
        void current_major_version_number_wins_over_current_version63() {
            OsIdentity os = identify(modern("17763", "ServerNT"));

            assertThat(os.version()).contains(new WindowsVersion(10, 0, 17763));
            assertThat(os.ntAtLeast(10, 0)).isTrue();
            assertThat(os.isNt(6, 3)).isFalse();
        }

        @Test
        void without_the_major_version_dword_a_build_of10240_or_later_is_still_nt10() {
            OsIdentity os = identify(legacy("6.3", "14393", "ServerNT"));

            assertThat(os.version()).contains(new WindowsVersion(10, 0, 14393));
            assertThat(os.release()).contains(WindowsRelease.SERVER_2016);
        }

        @Test
        void current_version63_at_build9600_is_still_nt63() {
            assertThat(identify(legacy("6.3", "9600", "ServerNT")).version()).contains(new WindowsVersion(6, 3, 9600));
        }
    }

    @Test
    @DisplayName("G5: CurrentBuild is preferred over CurrentBuildNumber")
    void current_build_is_preferred_over_the_shimmable_current_build_number() {
        OsIdentity os = identify(modern("22631", "WinNT").string(CV, "CurrentBuildNumber", "19045"));

        assertThat(os.build()).isEqualTo(22631);
        assertThat(os.release()).contains(WindowsRelease.WINDOWS_11);
    }

    @Test
    void current_build_number_is_used_when_current_build_is_missing() {
        OsIdentity os = identify(Hosts.blank().string(CV, "CurrentVersion", "6.1")
                .string(CV, "CurrentBuildNumber", "7601").string(PRODUCT_OPTIONS, "ProductType", "ServerNT"));

        assertThat(os.version()).contains(new WindowsVersion(6, 1, 7601));
    }

    @Nested
    @DisplayName("G7: Server 2008 SP2 at build 6003 is still SP2")
    class Server2008Build6003 {

        @Test
        void systeminfo_saying_6_0_6003_service_pack2_is_server2008_sp2() {
            OsIdentity os = identify(Hosts.blank().systemInfo("Microsoft Windows Server 2008 Standard",
                    "6.0.6003 Service Pack 2 Build 6003", 2, ProductType.SERVER, Architecture.X64));

            assertThat(os.release()).contains(WindowsRelease.SERVER_2008);
            assertThat(os.servicePack()).isEqualTo(2);
            assertThat(os.build()).isEqualTo(6003);
            assertThat(os.name()).isEqualTo("Windows Server 2008 SP2 (build 6003)");
        }

        @Test
        void registry_build6003_with_csd_version_service_pack2_is_sp2() {
            OsIdentity os = identify(legacy("6.0", "6003", "ServerNT").string(CV, "CSDVersion", "Service Pack 2"));

            assertThat(os.servicePack()).isEqualTo(2);
            assertThat(os.release()).contains(WindowsRelease.SERVER_2008);
        }

        @Test
        void build6003_without_any_service_pack_evidence_is_still_taken_as_sp2() {
            assertThat(identify(legacy("6.0", "6003", "ServerNT")).servicePack()).isEqualTo(2);
        }

        @Test
        void build6001_is_sp1() {
            assertThat(identify(legacy("6.0", "6001", "ServerNT")).servicePack()).isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("Vista vs Server 2008 (both NT 6.0)")
    class VistaOr2008 {

        @Test
        void nt60_without_any_product_type_evidence_is_left_ambiguous() {
            OsIdentity os = identify(legacy("6.0", "6002", null));

            assertThat(os.release()).contains(WindowsRelease.CLIENT_OR_SERVER);
            assertThat(os.productType()).isEmpty();
            assertThat(os.name()).contains("client or server unknown");
        }

        @Test
        void nt60_workstation_is_vista() {
            assertThat(identify(legacy("6.0", "6002", "WinNT")).release()).contains(WindowsRelease.VISTA);
        }

        @Test
        void nt60_server_is_server2008() {
            assertThat(identify(legacy("6.0", "6002", "ServerNT")).release()).contains(WindowsRelease.SERVER_2008);
        }

        @Test
        void a_product_name_mentioning_server_decides_when_nothing_better_is_there() {
            OsIdentity os = identify(legacy("6.0", "6002", null)
                    .string(CV, "ProductName", "Windows Server (R) 2008 Enterprise"));

            assertThat(os.release()).contains(WindowsRelease.SERVER_2008);
            assertThat(os.basis()).anySatisfy(b -> assertThat(b).contains("names a server"));
        }
    }

    @Nested
    @DisplayName("G8: Server Core")
    class ServerCore {

        @Test
        void installation_type_server_core_is_reported_and_named() {
            OsIdentity os = identify(modern("17763", "ServerNT").string(CV, "InstallationType", "Server Core"));

            assertThat(os.serverCore()).isTrue();
            assertThat(os.installationType()).contains("Server Core");
            assertThat(os.name()).contains("(Server Core)");
        }

        @Test
        void installation_type_server_is_not_server_core() {
            OsIdentity os = identify(modern("17763", "ServerNT").string(CV, "InstallationType", "Server"));

            assertThat(os.serverCore()).isFalse();
            assertThat(os.name()).doesNotContain("Core");
        }

        @Test
        void installation_type_decides_server_when_product_type_is_missing() {
            OsIdentity os = identify(Hosts.blank().string(CV, "CurrentVersion", "6.3")
                    .dword(CV, "CurrentMajorVersionNumber", 10).string(CV, "CurrentBuild", "14393")
                    .string(CV, "InstallationType", "Server Core"));

            assertThat(os.release()).contains(WindowsRelease.SERVER_2016);
        }
    }

    @Nested
    @DisplayName("G9: x64 vs x86")
    class Bitness {

        @ParameterizedTest(name = "PROCESSOR_ARCHITECTURE={0} is {1}")
        @CsvSource({"AMD64, X64", "x86, X86", "ARM64, ARM64", "IA64, IA64"})
        void the_registry_processor_architecture_decides(String value, Architecture expected) {
            OsIdentity os = identify(modern("17763", "ServerNT")
                    .string(Hosts.ENVIRONMENT, "PROCESSOR_ARCHITECTURE", value));

            assertThat(os.architecture()).contains(expected);
        }

        @ParameterizedTest(name = "\"{0}\" is {1}")
        @CsvSource({"x64-based PC, X64", "X86-based PC, X86", "ARM64-based PC, ARM64", "Itanium-based, IA64",
            "64-bit, X64", "32-bit, X86", "64 bits, X64"})
        void systeminfo_and_wmi_spellings_parse(String text, Architecture expected) {
            assertThat(Architecture.parse(text)).contains(expected);
        }

        @Test
        void systeminfo_system_type_is_used_when_the_registry_has_no_architecture() {
            OsIdentity os = identify(legacy("6.1", "7601", "WinNT").systemInfo("Microsoft Windows 7 Professional",
                    "6.1.7601 Service Pack 1 Build 7601", 1, ProductType.WORKSTATION,
                    Architecture.parse("X86-based PC").orElseThrow()));

            assertThat(os.architecture()).contains(Architecture.X86);
        }

        @Test
        void a_value_found_in_wow6432_node_proves_a64_bit_windows() {
            OsIdentity os = identify(legacy("6.1", "7601", "ServerNT")
                    .dword(RegistryView.WOW64_32, Hosts.NETFX4, "SchUseStrongCrypto", 1));

            assertThat(os.architecture()).contains(Architecture.X64);
        }

        @Test
        void no_architecture_evidence_leaves_it_unknown() {
            assertThat(identify(legacy("6.1", "7601", "ServerNT")).architecture()).isEmpty();
        }

        @Test
        void only_x86_lacks_a_wow64_view() {
            assertThat(Architecture.X86.hasWow64View()).isFalse();
            assertThat(Architecture.X64.hasWow64View()).isTrue();
        }
    }

    @Test
    void a_contradiction_between_registry_and_systeminfo_is_noted_and_the_registry_wins() {
        OsIdentity os = identify(legacy("6.1", "7601", "ServerNT").systemInfo("Microsoft Windows Server 2012 R2",
                "6.3.9600 N/A Build 9600", 0, ProductType.SERVER, Architecture.X64));

        assertThat(os.version()).contains(new WindowsVersion(6, 1, 7601));
        assertThat(os.notes()).anySatisfy(n -> assertThat(n).contains("6.1.7601").contains("6.3.9600"));
    }

    @Test
    void agreeing_registry_and_systeminfo_leave_no_note() {
        OsIdentity os = identify(legacy("6.1", "7601", "ServerNT").systemInfo("Microsoft Windows Server 2008 R2",
                "6.1.7601 Service Pack 1 Build 7601", 1, ProductType.SERVER, Architecture.X64));

        assertThat(os.notes()).isEmpty();
        assertThat(os.basis()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void nothing_collected_means_unidentified_with_a_hint_what_to_collect() {
        OsIdentity os = identify(Hosts.blank());

        assertThat(os.identified()).isFalse();
        assertThat(os.release()).isEmpty();
        assertThat(os.name()).isEqualTo("unknown Windows");
        assertThat(os.notes()).anySatisfy(n -> assertThat(n).contains("CurrentVersion").contains("systeminfo"));
        assertThat(os.ntAtLeast(6, 0)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "XP,           WINDOWS_XP,     5.1.2600",
        "2003,         SERVER_2003,    5.2.3790",
        "Vista,        VISTA,          6.0.6002",
        "2008SP1,      SERVER_2008,    6.0.6001",
        "2008SP2,      SERVER_2008,    6.0.6002",
        "2008SP2-6003, SERVER_2008,    6.0.6003",
        "7RTM,         WINDOWS_7,      6.1.7600",
        "7,            WINDOWS_7,      6.1.7601",
        "2008R2,       SERVER_2008_R2, 6.1.7601",
        "2012,         SERVER_2012,    6.2.9200",
        "2012R2,       SERVER_2012_R2, 6.3.9600",
        "10,           WINDOWS_10,     10.0.19045",
        "2016,         SERVER_2016,    10.0.14393",
        "2019,         SERVER_2019,    10.0.17763",
        "2022,         SERVER_2022,    10.0.20348",
        "11,           WINDOWS_11,     10.0.22631",
    })
    void every_fixture_os_is_identified_as_its_release(String preset, WindowsRelease release, String version) {
        OsIdentity os = identify(Hosts.windows(preset));

        assertThat(os.release()).contains(release);
        assertThat(os.version().map(Object::toString)).isEqualTo(Optional.of(version));
    }
}
