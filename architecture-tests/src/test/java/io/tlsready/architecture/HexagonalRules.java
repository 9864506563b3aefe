package io.tlsready.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;

/**
 * The tlsready architecture (docs/design.md, "Modules" and "Dependency direction") as ArchUnit rules,
 * parameterised by the root package so that the very same rules run against the real code
 * ({@code io.tlsready}) and against deliberately bad and good fixture code bases.
 *
 * <p>Below the root: {@code domain..} (JDK only), {@code regf..} (the hive library, JDK only),
 * {@code adapters.<name>..}, {@code app.<name>..}, {@code formats..} (the report documents both apps write).
 */
final class HexagonalRules {

    private static final String GUICE_MODULE = "com.google.inject.Module";

    private final String root;
    private final String domain;
    private final String domainPort;
    private final String adapters;
    private final String liveRoom;
    private final String winRmAdapter;
    private final String apps;
    private final String cli;
    private final String rest;
    private final String serveRoom;
    private final String simulator;
    private final String regf;
    private final String formats;

    private HexagonalRules(String root) {
        this.root = root;
        this.domain = root + ".domain..";
        this.domainPort = root + ".domain.port..";
        this.adapters = root + ".adapters..";
        this.liveRoom = root + ".adapters.windows.live..";
        this.winRmAdapter = root + ".adapters.winrm..";
        this.apps = root + ".app..";
        this.cli = root + ".app.cli..";
        this.rest = root + ".app.rest..";
        this.serveRoom = root + ".app.rest.serve..";
        this.simulator = root + ".sim..";
        this.regf = root + ".regf..";
        this.formats = root + ".formats..";
    }

    /** Rules for the code base whose packages all start with {@code rootPackage}, e.g. {@code io.tlsready}. */
    static HexagonalRules forRootPackage(String rootPackage) {
        return new HexagonalRules(rootPackage);
    }

    // --- dependency direction: app-* -> adapters-* -> domain -> JDK -----------------------------------

    ArchRule domainDependsOnlyOnTheJdk() {
        return ArchRuleDefinition.classes().that().resideInAPackage(domain)
                .should().onlyDependOnClassesThat().resideInAnyPackage(domain, "java..")
                .because("the domain depends on nothing but the JDK (design.md, Modules): "
                        + "it is the reusable, framework-free core every adapter and app builds on");
    }

    ArchRule domainDoesNotDependOnAdaptersOrApps() {
        return ArchRuleDefinition.noClasses().that().resideInAPackage(domain)
                .should().dependOnClassesThat().resideInAnyPackage(adapters, apps)
                .because("dependencies point inwards, app-* -> adapters-* -> domain (design.md, Dependency direction); "
                        + "the domain reaches the outside world only through its ports");
    }

    ArchRule adaptersDoNotDependOnEachOther() {
        return slices().matching(root + ".adapters.(*)..").namingSlices("adapter '$1'")
                .should().notDependOnEachOther()
                .because("adapters never depend on each other (design.md, Dependency direction): "
                        + "each one answers the domain's FactsRequest on its own");
    }

    ArchRule adaptersDoNotDependOnApps() {
        return ArchRuleDefinition.noClasses().that().resideInAPackage(adapters)
                .should().dependOnClassesThat().resideInAPackage(apps)
                .because("adapters never depend on apps (design.md, Dependency direction): "
                        + "the apps compose adapters, not the other way round");
    }

    ArchRule appsDoNotDependOnEachOther() {
        return slices().matching(root + ".app.(*)..").namingSlices("app '$1'")
                .should().notDependOnEachOther()
                .because("the two apps never depend on each other (design.md, Dependency direction): "
                        + "the CLI and the REST server are independent composition roots over the same domain");
    }

    ArchRule nothingShippedDependsOnTheSimulator() {
        return ArchRuleDefinition.noClasses().that().resideInAnyPackage(domain, adapters, apps)
                .should().dependOnClassesThat().resideInAPackage(simulator)
                .because("the WinRM host simulator (winrm-simulator, package sim) is a test and demo tool that is "
                        + "never shipped in the CLI or the REST server (issue 4): it may use the adapters, never the "
                        + "other way round");
    }

    ArchRule domainPackagesAreFreeOfCycles() {
        return slices().matching(root + ".domain.(*)..").namingSlices("domain '$1'")
                .should().beFreeOfCycles()
                .because("the domain's parts (facts, os, rules, remediation, report, plan, audit, fleet, journal, fix, output, port) "
                        + "build on each other in one direction, so each can be understood and tested alone");
    }

    ArchRule topLevelAreasAreFreeOfCycles() {
        return slices().matching(root + ".(*)..").namingSlices("area '$1'")
                .should().beFreeOfCycles()
                .because("domain, adapters and apps form the one-way flow app-* -> adapters-* -> domain "
                        + "(design.md, Dependency direction)");
    }

    // --- technologies stay in the module that owns them ------------------------------------------------

    ArchRule micronautAndNettyAreConfinedToTheWinRmAdapter() {
        return ArchRuleDefinition.noClasses().that().resideOutsideOfPackage(winRmAdapter)
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "io.netty..")
                .because("the Micronaut HTTP client (on Netty) is the WS-Management transport of "
                        + "adapters-remote-winrm only (design.md, Modules)");
    }

    ArchRule picocliIsConfinedToTheCli() {
        return ArchRuleDefinition.noClasses().that().resideOutsideOfPackages(cli, serveRoom)
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .because("picocli is how app-cli parses the `tlsready` command (design.md, Modules), and how the "
                        + "serve room of app-rest parses `tlsready serve`; nothing else knows about command lines");
    }

    ArchRule javalinAndJettyAreConfinedToTheRestApp() {
        return ArchRuleDefinition.noClasses().that().resideOutsideOfPackage(rest)
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..")
                .because("Javalin on Jetty is the embeddable server of app-rest only (design.md, Modules)");
    }

    ArchRule jacksonIsKeptOutOfTheDomain() {
        return ArchRuleDefinition.noClasses().that().resideInAPackage(domain)
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
                .because("the domain is JDK only (design.md, Modules); JSON belongs to the snapshot adapter, "
                        + "the report formats and the apps");
    }

    ArchRule guiceIsConfinedToTheAppsAndAdapterModules() {
        return ArchRuleDefinition.noClasses()
                .that().resideOutsideOfPackages(apps, simulator)
                .and(not(adapterGuiceModules()))
                .should().dependOnClassesThat().resideInAPackage("com.google.inject..")
                .because("wiring lives in the apps or in one small Guice module per adapter, with no component "
                        + "scanning (design.md, Dependency direction); adapter classes stay plain Java. The simulator "
                        + "(package sim) is a composition root like an app: it wires the offline-evidence adapters");
    }

    // --- coding rules ---------------------------------------------------------------------------------

    ArchRule onlyTheCliAccessesStandardStreams() {
        return ArchRuleDefinition.noClasses().that().resideOutsideOfPackages(cli, simulator, serveRoom)
                .should(ACCESS_STANDARD_STREAMS)
                .because("only the CLI prints (design.md, CLI contract: reports on stdout, messages on stderr); "
                        + "the domain, the adapters and the REST server return values or throw. The simulator's "
                        + "own command (tlsready-sim, package sim) prints its endpoints like a CLI, and so does "
                        + "`tlsready serve` (room app.rest.serve: a new token's secret, once)");
    }

    ArchRule noClassUsesJavaUtilLogging() {
        return NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING
                .because("diagnostics go through the apps (stderr, --debug) rather than a second, "
                        + "globally configured logging system");
    }

    ArchRule noClassUsesFieldInjection() {
        return NO_CLASSES_SHOULD_USE_FIELD_INJECTION
                .because("the injector is strict and explicit (design.md, Dependency direction): "
                        + "dependencies arrive through constructors or @Provides methods, visible and final");
    }

    ArchRule noClassThrowsGenericExceptions() {
        return NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS
                .because("unreadable evidence is an EvidenceException naming the file or host "
                        + "(design.md, CLI contract: exit 2 with a one-line message), never a bare RuntimeException");
    }

    ArchRule adapterImplementationsOfPortsAreNotPublic() {
        return ArchRuleDefinition.classes()
                .that().resideInAPackage(adapters)
                .and().implement(portInterfaces())
                .should().notBePublic()
                .because("an adapter is reached only through its domain port, bound in the adapter's Guice module "
                        + "(design.md, Dependency direction); only the module is public");
    }

    // --- the regf library -----------------------------------------------------------------------------

    ArchRule theRegfLibraryDependsOnlyOnTheJdk() {
        return ArchRuleDefinition.classes().that().resideInAPackage(regf)
                .should().onlyDependOnClassesThat().resideInAnyPackage(regf, "java..")
                .because("regf (Windows hive files and their transaction logs, read-only) is a library of its own "
                        + "that the hive adapter and the CLI's hive command both use: it knows the file format, not "
                        + "tlsready, so it depends on nothing but the JDK");
    }

    // --- the report formats ---------------------------------------------------------------------------

    ArchRule reportFormatsDependOnlyOnTheDomainTheJdkJacksonAndJte() {
        return ArchRuleDefinition.classes().that().resideInAPackage(formats)
                .should().onlyDependOnClassesThat().resideInAnyPackage(formats, domain, "java..", "com.fasterxml.jackson..",
                        "gg.jte..")
                .because("report-formats (package formats) renders the domain's AuditReport as the documents both apps "
                        + "write (audit -f json|csv|html|junit|sarif|jsonl, the REST API's scan reports): it knows "
                        + "reports, not command lines, servers or hosts, so either app can use it and neither reaches "
                        + "the other through it; the HTML report's templates are jte's, compiled at build time");
    }

    ArchRule adaptersDoNotUseTheReportFormats() {
        return ArchRuleDefinition.noClasses().that().resideInAPackage(adapters)
                .should().dependOnClassesThat().resideInAPackage(formats)
                .because("report documents are output of the apps; adapters answer the domain's ports with facts, "
                        + "they never write reports");
    }

    // --- rooms inside the adapters ----------------------------------------------------------------------

    ArchRule jnaIsConfinedToTheLiveRoom() {
        return ArchRuleDefinition.noClasses().that().resideOutsideOfPackage(liveRoom)
                .should().dependOnClassesThat().resideInAPackage("com.sun.jna..")
                .because("only the live room of adapters-windows (adapters.windows.live) reads this machine's "
                        + "registry and WMI through JNA; the offline readers, snapshots and hives, and everything "
                        + "else, must run on any OS");
    }

    ArchRule appsReachAdaptersOnlyThroughTheirGuiceModules() {
        return ArchRuleDefinition.noClasses().that().resideInAPackage(apps)
                .should().dependOnClassesThat(resideInAPackage(adapters).and(not(adapterGuiceModules()))
                        .as("are adapter classes other than their Guice modules"))
                .because("an app composes adapters by installing their public Guice *Module and then talks to "
                        + "ports only, so an adapter's rooms can change without touching an app; the regf library "
                        + "(package regf, not an adapter) is the one reader an app may use directly, for the CLI's "
                        + "hive command");
    }

    ArchRule everyPackageHasAPackageInfo() {
        return ArchRuleDefinition.classes().that().resideInAPackage(root + "..")
                .should(resideInAPackageWithAPackageInfo())
                .because("each package is a room a newcomer must be able to find: its package-info.java says in a "
                        + "sentence or two what the room is and what it may use (issue 9)");
    }

    private DescribedPredicate<JavaClass> portInterfaces() {
        return resideInAPackage(domainPort).and(describe("interfaces", JavaClass::isInterface))
                .as("a port interface in " + domainPort);
    }

    /** Classes named {@code *Module} in an adapter that are Guice modules, and the classes nested in them. */
    private DescribedPredicate<JavaClass> adapterGuiceModules() {
        return resideInAPackage(adapters).and(describe("Guice modules",
                        javaClass -> isGuiceModule(outermostClassOf(javaClass))))
                .as("Guice modules (*Module) of an adapter");
    }

    private static boolean isGuiceModule(JavaClass javaClass) {
        return javaClass.getSimpleName().endsWith("Module") && javaClass.isAssignableTo(GUICE_MODULE);
    }

    private static JavaClass outermostClassOf(JavaClass javaClass) {
        JavaClass outermost = javaClass;
        while (outermost.getEnclosingClass().isPresent()) {
            outermost = outermost.getEnclosingClass().get();
        }
        return outermost;
    }

    private static ArchCondition<JavaClass> resideInAPackageWithAPackageInfo() {
        return new ArchCondition<>("reside in a package with a package-info") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                if (javaClass.getPackage().tryGetPackageInfo().isEmpty()) {
                    events.add(SimpleConditionEvent.violated(javaClass, "package " + javaClass.getPackageName()
                            + " has no package-info.java (" + javaClass.getName() + ")"));
                }
            }
        };
    }
}
