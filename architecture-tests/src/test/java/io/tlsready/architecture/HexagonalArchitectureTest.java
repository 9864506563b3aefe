package io.tlsready.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture of tlsready (docs/design.md), checked over the production classes of every module.
 *
 * <p>No {@code DoNotIncludeJars}: depending on the reactor phase the sibling modules arrive as jars.
 * Every rule here has a bad fixture it must reject, see {@link ArchitectureRulesAreNotVacuousTest}.
 */
@AnalyzeClasses(packages = "io.tlsready", importOptions = ImportOption.DoNotIncludeTests.class)
class HexagonalArchitectureTest {

    private static final HexagonalRules RULES = HexagonalRules.forRootPackage("io.tlsready");

    @ArchTest
    static final ArchRule domain_depends_only_on_the_jdk = RULES.domainDependsOnlyOnTheJdk();

    @ArchTest
    static final ArchRule domain_does_not_depend_on_adapters_or_apps = RULES.domainDoesNotDependOnAdaptersOrApps();

    @ArchTest
    static final ArchRule adapters_do_not_depend_on_each_other = RULES.adaptersDoNotDependOnEachOther();

    @ArchTest
    static final ArchRule adapters_do_not_depend_on_apps = RULES.adaptersDoNotDependOnApps();

    @ArchTest
    static final ArchRule apps_do_not_depend_on_each_other = RULES.appsDoNotDependOnEachOther();

    @ArchTest
    static final ArchRule nothing_shipped_depends_on_the_simulator = RULES.nothingShippedDependsOnTheSimulator();

    @ArchTest
    static final ArchRule domain_packages_are_free_of_cycles = RULES.domainPackagesAreFreeOfCycles();

    @ArchTest
    static final ArchRule top_level_areas_are_free_of_cycles = RULES.topLevelAreasAreFreeOfCycles();

    @ArchTest
    static final ArchRule micronaut_and_netty_are_confined_to_the_winrm_adapter =
            RULES.micronautAndNettyAreConfinedToTheWinRmAdapter();

    @ArchTest
    static final ArchRule picocli_is_confined_to_the_cli = RULES.picocliIsConfinedToTheCli();

    @ArchTest
    static final ArchRule javalin_and_jetty_are_confined_to_the_rest_app = RULES.javalinAndJettyAreConfinedToTheRestApp();

    @ArchTest
    static final ArchRule jackson_is_kept_out_of_the_domain = RULES.jacksonIsKeptOutOfTheDomain();

    @ArchTest
    static final ArchRule guice_is_confined_to_the_apps_and_adapter_modules =
            RULES.guiceIsConfinedToTheAppsAndAdapterModules();

    @ArchTest
    static final ArchRule only_the_cli_accesses_standard_streams = RULES.onlyTheCliAccessesStandardStreams();

    @ArchTest
    static final ArchRule no_class_uses_java_util_logging = RULES.noClassUsesJavaUtilLogging();

    @ArchTest
    static final ArchRule no_class_uses_field_injection = RULES.noClassUsesFieldInjection();

    @ArchTest
    static final ArchRule no_class_throws_generic_exceptions = RULES.noClassThrowsGenericExceptions();

    @ArchTest
    static final ArchRule adapter_implementations_of_ports_are_not_public =
            RULES.adapterImplementationsOfPortsAreNotPublic();

    @ArchTest
    static final ArchRule the_regf_library_depends_only_on_the_jdk = RULES.theRegfLibraryDependsOnlyOnTheJdk();

    @ArchTest
    static final ArchRule report_formats_depend_only_on_the_domain_the_jdk_jackson_and_jte =
            RULES.reportFormatsDependOnlyOnTheDomainTheJdkJacksonAndJte();

    @ArchTest
    static final ArchRule adapters_do_not_use_the_report_formats = RULES.adaptersDoNotUseTheReportFormats();

    @ArchTest
    static final ArchRule jna_is_confined_to_the_live_room = RULES.jnaIsConfinedToTheLiveRoom();

    @ArchTest
    static final ArchRule apps_reach_adapters_only_through_their_guice_modules =
            RULES.appsReachAdaptersOnlyThroughTheirGuiceModules();

    @ArchTest
    static final ArchRule every_package_has_a_package_info = RULES.everyPackageHasAPackageInfo();
}
