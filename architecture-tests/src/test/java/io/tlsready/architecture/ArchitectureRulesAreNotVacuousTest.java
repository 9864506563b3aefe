package io.tlsready.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tests the architecture rules themselves: each rule of {@link HexagonalArchitectureTest}, built by the same
 * {@link HexagonalRules} factory, must reject a deliberately bad code base (naming the offending class) and
 * accept a good one. A rule that cannot fail (a typo in a package name, a predicate that matches nothing)
 * would otherwise pass silently forever.
 */
class ArchitectureRulesAreNotVacuousTest {

    private static final String FIXTURES = "io.tlsready.architecture.fixtures";
    private static final String BAD_ROOT = FIXTURES + ".bad";
    private static final String GOOD_ROOT = FIXTURES + ".good";

    private static final JavaClasses BAD_CODE_BASE = new ClassFileImporter().importPackages(BAD_ROOT);
    private static final JavaClasses GOOD_CODE_BASE = new ClassFileImporter().importPackages(GOOD_ROOT);

    /** One case per {@code @ArchTest} field of {@link HexagonalArchitectureTest}, with its field name. */
    private static List<RuleCase> ruleCases() {
        return List.of(
                new RuleCase("domain_depends_only_on_the_jdk", HexagonalRules::domainDependsOnlyOnTheJdk,
                        bad("domain.report.ReportWithJackson")),
                new RuleCase("domain_does_not_depend_on_adapters_or_apps",
                        HexagonalRules::domainDoesNotDependOnAdaptersOrApps, bad("domain.audit.AuditCallingAnAdapter")),
                new RuleCase("adapters_do_not_depend_on_each_other", HexagonalRules::adaptersDoNotDependOnEachOther,
                        bad("adapters.windows.WindowsAdapterCallingWinRm")),
                new RuleCase("adapters_do_not_depend_on_apps", HexagonalRules::adaptersDoNotDependOnApps,
                        bad("adapters.winrm.WinRmAdapterCallingTheCli")),
                new RuleCase("apps_do_not_depend_on_each_other", HexagonalRules::appsDoNotDependOnEachOther,
                        bad("app.rest.RestCallingTheCli")),
                new RuleCase("nothing_shipped_depends_on_the_simulator",
                        HexagonalRules::nothingShippedDependsOnTheSimulator,
                        bad("adapters.winrm.WinRmAdapterUsingTheSimulator")),
                new RuleCase("domain_packages_are_free_of_cycles", HexagonalRules::domainPackagesAreFreeOfCycles,
                        bad("domain.facts.FactNamingItsRule")),
                new RuleCase("top_level_areas_are_free_of_cycles", HexagonalRules::topLevelAreasAreFreeOfCycles,
                        bad("domain.audit.AuditCallingAnAdapter")),
                new RuleCase("micronaut_and_netty_are_confined_to_the_winrm_adapter",
                        HexagonalRules::micronautAndNettyAreConfinedToTheWinRmAdapter,
                        bad("adapters.windows.WindowsAdapterUsingMicronaut"),
                        bad("adapters.windows.WindowsAdapterUsingNetty")),
                new RuleCase("picocli_is_confined_to_the_cli", HexagonalRules::picocliIsConfinedToTheCli,
                        bad("app.rest.RestUsingPicocli")),
                new RuleCase("javalin_and_jetty_are_confined_to_the_rest_app",
                        HexagonalRules::javalinAndJettyAreConfinedToTheRestApp,
                        bad("app.cli.CliUsingJavalin"), bad("app.cli.CliUsingJetty")),
                new RuleCase("jackson_is_kept_out_of_the_domain", HexagonalRules::jacksonIsKeptOutOfTheDomain,
                        bad("domain.report.ReportWithJackson")),
                new RuleCase("guice_is_confined_to_the_apps_and_adapter_modules",
                        HexagonalRules::guiceIsConfinedToTheAppsAndAdapterModules,
                        bad("adapters.windows.WindowsAdapterUsingGuice")),
                new RuleCase("only_the_cli_accesses_standard_streams", HexagonalRules::onlyTheCliAccessesStandardStreams,
                        bad("app.rest.RestPrintingToStdout")),
                new RuleCase("no_class_uses_java_util_logging", HexagonalRules::noClassUsesJavaUtilLogging,
                        bad("adapters.windows.WindowsAdapterLoggingWithJul")),
                new RuleCase("no_class_uses_field_injection", HexagonalRules::noClassUsesFieldInjection,
                        bad("app.cli.CliWithFieldInjection")),
                new RuleCase("no_class_throws_generic_exceptions", HexagonalRules::noClassThrowsGenericExceptions,
                        bad("adapters.winrm.WinRmAdapterThrowingRuntimeException")),
                new RuleCase("adapter_implementations_of_ports_are_not_public",
                        HexagonalRules::adapterImplementationsOfPortsAreNotPublic, bad("adapters.windows.RegistryFactsSource")),
                new RuleCase("the_regf_library_depends_only_on_the_jdk",
                        HexagonalRules::theRegfLibraryDependsOnlyOnTheJdk, bad("regf.HiveReaderUsingTheDomain")),
                new RuleCase("report_formats_depend_only_on_the_domain_the_jdk_jackson_and_jte",
                        HexagonalRules::reportFormatsDependOnlyOnTheDomainTheJdkJacksonAndJte,
                        bad("formats.RendererUsingTheCli")),
                new RuleCase("adapters_do_not_use_the_report_formats", HexagonalRules::adaptersDoNotUseTheReportFormats,
                        bad("adapters.winrm.WinRmAdapterRenderingReports")),
                new RuleCase("jna_is_confined_to_the_live_room", HexagonalRules::jnaIsConfinedToTheLiveRoom,
                        bad("adapters.winrm.WinRmAdapterUsingJna"), bad("adapters.windows.offline.OfflineReaderUsingJna")),
                new RuleCase("apps_reach_adapters_only_through_their_guice_modules",
                        HexagonalRules::appsReachAdaptersOnlyThroughTheirGuiceModules,
                        bad("app.cli.CliUsingAnAdapterClass")),
                new RuleCase("every_package_has_a_package_info", HexagonalRules::everyPackageHasAPackageInfo,
                        bad("undocumented.ClassInAnUndocumentedPackage")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleCases")
    void rule_rejects_the_bad_code_base_naming_the_offender(RuleCase ruleCase) {
        ArchRule rule = ruleCase.forRootPackage(BAD_ROOT);

        for (String offender : ruleCase.offenders()) {
            assertThatThrownBy(() -> rule.check(BAD_CODE_BASE))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining(offender);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleCases")
    void rule_accepts_the_good_code_base(RuleCase ruleCase) {
        ArchRule rule = ruleCase.forRootPackage(GOOD_ROOT);

        assertThatCode(() -> rule.check(GOOD_CODE_BASE)).doesNotThrowAnyException();
    }

    @Test
    void every_architecture_rule_has_a_case_here() {
        Stream<String> archTestFields = Arrays.stream(HexagonalArchitectureTest.class.getDeclaredFields())
                .filter(field -> field.isAnnotationPresent(ArchTest.class))
                .filter(field -> Modifier.isStatic(field.getModifiers()))
                .map(Field::getName);

        assertThat(archTestFields)
                .containsExactlyInAnyOrderElementsOf(ruleCases().stream().map(RuleCase::name).toList());
    }

    @Test
    void every_offender_named_here_is_a_class_of_the_bad_code_base() {
        List<String> offenders = ruleCases().stream().flatMap(ruleCase -> ruleCase.offenders().stream()).toList();

        assertThat(offenders).allSatisfy(offender -> assertThat(BAD_CODE_BASE.contain(offender))
                .as("%s is a class of the bad code base", offender)
                .isTrue());
    }

    private static String bad(String classBelowRoot) {
        return BAD_ROOT + "." + classBelowRoot;
    }

    /** A rule (as named in {@link HexagonalArchitectureTest}) and the bad fixture classes it must report. */
    record RuleCase(String name, Function<HexagonalRules, ArchRule> factory, List<String> offenders) {

        RuleCase(String name, Function<HexagonalRules, ArchRule> factory, String... offenders) {
            this(name, factory, List.of(offenders));
        }

        ArchRule forRootPackage(String rootPackage) {
            return factory.apply(HexagonalRules.forRootPackage(rootPackage));
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
