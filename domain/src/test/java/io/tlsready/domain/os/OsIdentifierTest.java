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
        void modernBuildsSharedByClientAndServerAreSplitByProductType(String build, String type, WindowsRelease expected) {
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
        void legacyBuildsSharedByClientAndServerAreSplitByProductType(String cv, String build, String type,
                WindowsRelease expected) {
            assertThat(identify(legacy(cv, build, type)).release()).contains(expected);
        }

        @Test
        void aDomainControllerCountsAsAServer() {
            OsIdentity os = identify(modern("14393", "LanmanNT"));

            assertThat(os.productType()).contains(ProductType.DOMAIN_CONTROLLER);
            assertThat(os.productType().get().isServer()).isTrue();
        }

        @ParameterizedTest(name = "WMI ProductType {0} on build 14393 is {1}")
        @CsvSource({"1, WINDOWS_10", "2, SERVER_2016", "3, SERVER_2016"})
        void theWmiProductTypeFromSysteminfoAlsoSplitsSharedBuilds(int code, WindowsRelease expected) {
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
        void aWorkstationAtBuild22000OrLaterIsWindows11EvenWhenProductNameSaysWindows10(String build) {
            OsIdentity os = identify(modern(build, "WinNT").string(CV, "ProductName", "Windows 10 Pro")
                    .string(CV, "EditionID", "Professional"));

            assertThat(os.release()).contains(WindowsRelease.WINDOWS_11);
            assertThat(os.name()).startsWith("Windows 11").doesNotContain("Windows 10");
            assertThat(os.edition()).contains("Professional");
            assertThat(os.notes()).anySatisfy(n -> assertThat(n).contains("Windows 10 Pro").contains(build)
                    .contains("Windows 11"));
        }

        @Test
        void aWorkstationAtBuild19045IsWindows10WithNoQuirkNote() {
            OsIdentity os = identify(modern("19045", "WinNT").string(CV, "ProductName", "Windows 10 Pro"));

            assertThat(os.release()).contains(WindowsRelease.WINDOWS_10);
            assertThat(os.notes()).isEmpty();
        }

        @Test
        void theFeatureUpdateNameComesFromDisplayVersionAndThePatchLevelFromUbr() {
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
        void currentMajorVersionNumberWinsOverCurrentVersion63() {
            OsIdentity os = identify(modern("17763", "ServerNT"));

            assertThat(os.version()).contains(new WindowsVersion(10, 0, 17763));
            assertThat(os.ntAtLeast(10, 0)).isTrue();
            assertThat(os.isNt(6, 3)).isFalse();
        }

        @Test
        void withoutTheMajorVersionDwordABuildOf10240OrLaterIsStillNt10() {
            OsIdentity os = identify(legacy("6.3", "14393", "ServerNT"));

            assertThat(os.version()).contains(new WindowsVersion(10, 0, 14393));
            assertThat(os.release()).contains(WindowsRelease.SERVER_2016);
        }

        @Test
        void currentVersion63AtBuild9600IsStillNt63() {
            assertThat(identify(legacy("6.3", "9600", "ServerNT")).version()).contains(new WindowsVersion(6, 3, 9600));
        }
    }

    @Test
    @DisplayName("G5: CurrentBuild is preferred over CurrentBuildNumber")
    void currentBuildIsPreferredOverTheShimmableCurrentBuildNumber() {
        OsIdentity os = identify(modern("22631", "WinNT").string(CV, "CurrentBuildNumber", "19045"));

        assertThat(os.build()).isEqualTo(22631);
        assertThat(os.release()).contains(WindowsRelease.WINDOWS_11);
    }

    @Test
    void currentBuildNumberIsUsedWhenCurrentBuildIsMissing() {
        OsIdentity os = identify(Hosts.blank().string(CV, "CurrentVersion", "6.1")
                .string(CV, "CurrentBuildNumber", "7601").string(PRODUCT_OPTIONS, "ProductType", "ServerNT"));

        assertThat(os.version()).contains(new WindowsVersion(6, 1, 7601));
    }

    @Nested
    @DisplayName("G7: Server 2008 SP2 at build 6003 is still SP2")
    class Server2008Build6003 {

        @Test
        void systeminfoSaying6_0_6003ServicePack2IsServer2008Sp2() {
            OsIdentity os = identify(Hosts.blank().systemInfo("Microsoft Windows Server 2008 Standard",
                    "6.0.6003 Service Pack 2 Build 6003", 2, ProductType.SERVER, Architecture.X64));

            assertThat(os.release()).contains(WindowsRelease.SERVER_2008);
            assertThat(os.servicePack()).isEqualTo(2);
            assertThat(os.build()).isEqualTo(6003);
            assertThat(os.name()).isEqualTo("Windows Server 2008 SP2 (build 6003)");
        }

        @Test
        void registryBuild6003WithCsdVersionServicePack2IsSp2() {
            OsIdentity os = identify(legacy("6.0", "6003", "ServerNT").string(CV, "CSDVersion", "Service Pack 2"));

            assertThat(os.servicePack()).isEqualTo(2);
            assertThat(os.release()).contains(WindowsRelease.SERVER_2008);
        }

        @Test
        void build6003WithoutAnyServicePackEvidenceIsStillTakenAsSp2() {
            assertThat(identify(legacy("6.0", "6003", "ServerNT")).servicePack()).isEqualTo(2);
        }

        @Test
        void build6001IsSp1() {
            assertThat(identify(legacy("6.0", "6001", "ServerNT")).servicePack()).isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("Vista vs Server 2008 (both NT 6.0)")
    class VistaOr2008 {

        @Test
        void nt60WithoutAnyProductTypeEvidenceIsLeftAmbiguous() {
            OsIdentity os = identify(legacy("6.0", "6002", null));

            assertThat(os.release()).contains(WindowsRelease.CLIENT_OR_SERVER);
            assertThat(os.productType()).isEmpty();
            assertThat(os.name()).contains("client or server unknown");
        }

        @Test
        void nt60WorkstationIsVista() {
            assertThat(identify(legacy("6.0", "6002", "WinNT")).release()).contains(WindowsRelease.VISTA);
        }

        @Test
        void nt60ServerIsServer2008() {
            assertThat(identify(legacy("6.0", "6002", "ServerNT")).release()).contains(WindowsRelease.SERVER_2008);
        }

        @Test
        void aProductNameMentioningServerDecidesWhenNothingBetterIsThere() {
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
        void installationTypeServerCoreIsReportedAndNamed() {
            OsIdentity os = identify(modern("17763", "ServerNT").string(CV, "InstallationType", "Server Core"));

            assertThat(os.serverCore()).isTrue();
            assertThat(os.installationType()).contains("Server Core");
            assertThat(os.name()).contains("(Server Core)");
        }

        @Test
        void installationTypeServerIsNotServerCore() {
            OsIdentity os = identify(modern("17763", "ServerNT").string(CV, "InstallationType", "Server"));

            assertThat(os.serverCore()).isFalse();
            assertThat(os.name()).doesNotContain("Core");
        }

        @Test
        void installationTypeDecidesServerWhenProductTypeIsMissing() {
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
        void theRegistryProcessorArchitectureDecides(String value, Architecture expected) {
            OsIdentity os = identify(modern("17763", "ServerNT")
                    .string(Hosts.ENVIRONMENT, "PROCESSOR_ARCHITECTURE", value));

            assertThat(os.architecture()).contains(expected);
        }

        @ParameterizedTest(name = "\"{0}\" is {1}")
        @CsvSource({"x64-based PC, X64", "X86-based PC, X86", "ARM64-based PC, ARM64", "Itanium-based, IA64",
            "64-bit, X64", "32-bit, X86", "64 bits, X64"})
        void systeminfoAndWmiSpellingsParse(String text, Architecture expected) {
            assertThat(Architecture.parse(text)).contains(expected);
        }

        @Test
        void systeminfoSystemTypeIsUsedWhenTheRegistryHasNoArchitecture() {
            OsIdentity os = identify(legacy("6.1", "7601", "WinNT").systemInfo("Microsoft Windows 7 Professional",
                    "6.1.7601 Service Pack 1 Build 7601", 1, ProductType.WORKSTATION,
                    Architecture.parse("X86-based PC").orElseThrow()));

            assertThat(os.architecture()).contains(Architecture.X86);
        }

        @Test
        void aValueFoundInWow6432NodeProvesA64BitWindows() {
            OsIdentity os = identify(legacy("6.1", "7601", "ServerNT")
                    .dword(RegistryView.WOW64_32, Hosts.NETFX4, "SchUseStrongCrypto", 1));

            assertThat(os.architecture()).contains(Architecture.X64);
        }

        @Test
        void noArchitectureEvidenceLeavesItUnknown() {
            assertThat(identify(legacy("6.1", "7601", "ServerNT")).architecture()).isEmpty();
        }

        @Test
        void onlyX86LacksAWow64View() {
            assertThat(Architecture.X86.hasWow64View()).isFalse();
            assertThat(Architecture.X64.hasWow64View()).isTrue();
        }
    }

    @Test
    void aContradictionBetweenRegistryAndSysteminfoIsNotedAndTheRegistryWins() {
        OsIdentity os = identify(legacy("6.1", "7601", "ServerNT").systemInfo("Microsoft Windows Server 2012 R2",
                "6.3.9600 N/A Build 9600", 0, ProductType.SERVER, Architecture.X64));

        assertThat(os.version()).contains(new WindowsVersion(6, 1, 7601));
        assertThat(os.notes()).anySatisfy(n -> assertThat(n).contains("6.1.7601").contains("6.3.9600"));
    }

    @Test
    void agreeingRegistryAndSysteminfoLeaveNoNote() {
        OsIdentity os = identify(legacy("6.1", "7601", "ServerNT").systemInfo("Microsoft Windows Server 2008 R2",
                "6.1.7601 Service Pack 1 Build 7601", 1, ProductType.SERVER, Architecture.X64));

        assertThat(os.notes()).isEmpty();
        assertThat(os.basis()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void nothingCollectedMeansUnidentifiedWithAHintWhatToCollect() {
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
    void everyFixtureOsIsIdentifiedAsItsRelease(String preset, WindowsRelease release, String version) {
        OsIdentity os = identify(Hosts.windows(preset));

        assertThat(os.release()).contains(release);
        assertThat(os.version().map(Object::toString)).isEqualTo(Optional.of(version));
    }
}
