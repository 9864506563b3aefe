package io.tlsready.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The launcher runs the CLI on a JDK 25+ with an AOT cache when one is installed, else on 17 with AppCDS: the
 * reports must not depend on which. Every example set (and the hive volume), in every report format, through
 * ./tlsready on the build's JDK 17 and on the JDK 25 (TLSREADY_JAVA), compared byte for byte with the time of the
 * run normalised, and the exit codes. Uses the jars the build just made (TLSREADY_NO_BUILD=1).
 */
class LauncherJdksIT {

    private static final List<String> FORMATS = List.of("text", "json", "csv", "junit", "sarif", "html");

    private static Path jdk17;
    private static Path jdk25;

    @BeforeAll
    static void find_the_jdks() throws IOException {
        jdk17 = Path.of(System.getProperty("java.home"));
        jdk25 = newestJdk25().orElse(null);
    }

    static int feature(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=\"")) {
                    return Integer.parseInt(line.substring(14).split("[^0-9]", 2)[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    private static Optional<Path> newestJdk25() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(h -> Files.isExecutable(h.resolve("bin/java")) && feature(h) >= 25)
                    .max((a, b) -> Integer.compare(feature(a), feature(b)));
        }
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run launcher(Path jdk, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Cli.project().resolve("tlsready").toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(Cli.project().toFile());
        Map<String, String> env = pb.environment();
        env.put("TLSREADY_JAVA", jdk.toString());
        env.put("TLSREADY_NO_BUILD", "1");
        env.put("NO_COLOR", "1");
        Path err = Files.createTempFile("tlsready-err", ".txt");
        try {
            Process p = pb.redirectError(err.toFile()).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
            return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), Files.readString(err));
        } finally {
            Files.deleteIfExists(err);
        }
    }

    /** The time of the run is the one thing two runs may differ in. */
    static String normalised(String report) {
        return report.replaceAll("(\"generatedAt\"\\s*:\\s*)\"[^\"]*\"", "$1\"T\"")
                .replaceAll("(timestamp=)\"[^\"]*\"", "$1\"T\"")
                .replaceAll("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z", "T")
                .replaceAll("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}(:\\d{2})?( UTC)?", "T")
                .replaceAll("time=\"[0-9.]+\"", "time=\"0\"");
    }

    private static List<List<String>> inputs() throws IOException {
        List<List<String>> inputs = new ArrayList<>();
        try (Stream<Path> sets = Files.list(Cli.examples())) {
            for (Path set : sets.filter(Files::isDirectory).sorted().toList()) {
                if (Files.isDirectory(set.resolve("Windows"))) {
                    inputs.add(List.of("--hives", set.toString()));
                } else {
                    inputs.add(Cli.snapshotArgs(set.getFileName().toString()));
                }
            }
        }
        return inputs;
    }

    @Test
    void every_example_gives_the_same_reports_and_exit_codes_on_jdk_17_and_on_jdk_25_with_its_aot_cache()
            throws Exception {
        assumeTrue(jdk25 != null, "no JDK 25+ under /usr/lib/jvm: the launcher runs on 17 only here");
        assertThat(feature(jdk17)).as("the build's JDK").isBetween(17, 24);
        List<List<String>> inputs = inputs();
        assertThat(inputs).hasSizeGreaterThanOrEqualTo(7).anyMatch(i -> i.get(0).equals("--hives"));

        for (List<String> input : inputs) {
            for (String format : FORMATS) {
                List<String> args = new ArrayList<>(List.of("audit", "--format", format));
                args.addAll(input);
                Run on17 = launcher(jdk17, args);
                Run on25 = launcher(jdk25, args);

                assertThat(on25.exitCode()).as("exit code of %s (stderr 17: %s, 25: %s)", args, on17.err(),
                        on25.err()).isEqualTo(on17.exitCode()).isBetween(0, 3);
                assertThat(on17.out()).as("report of %s", args).isNotBlank();
                assertThat(normalised(on25.out())).as("report of %s", args).isEqualTo(normalised(on17.out()));
                assertThat(on25.err()).as("stderr of %s", args).isEqualTo(on17.err());
            }
        }
    }

    @Test
    void the_launcher_keeps_one_cache_per_jdk_an_aot_cache_for_25_and_an_appcds_archive_for_17() throws Exception {
        assumeTrue(jdk25 != null, "no JDK 25+ under /usr/lib/jvm");
        List<String> args = new ArrayList<>(List.of("audit"));
        args.addAll(Cli.snapshotArgs("2008r2-ready"));
        assertThat(launcher(jdk17, args).exitCode()).isZero();
        assertThat(launcher(jdk25, args).exitCode()).isZero();

        Path target = Cli.project().resolve("app-cli/target");
        try (Stream<Path> caches = Files.find(target, 2, (p, a) -> p.getFileName().toString().startsWith("tlsready.")
                && p.getParent().getFileName().toString().startsWith("jdk-"))) {
            List<String> names = caches.map(p -> p.getParent().getFileName() + "/" + p.getFileName()).toList();
            assertThat(names).anyMatch(n -> n.endsWith("/tlsready.aot") && n.contains(
                    jdk25.toString().replace('/', '_')));
            assertThat(names).anyMatch(n -> n.endsWith("/tlsready.jsa") && n.contains(
                    jdk17.toString().replace('/', '_')));
        }
    }

    @Test
    void with_tlsready_no_build_a_launcher_without_its_jars_fails_with_exit_2_and_says_what_is_missing(
            @org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path copy = tmp.resolve("tlsready");
        Files.copy(Cli.project().resolve("tlsready"), copy);
        assertThat(copy.toFile().setExecutable(true)).isTrue();
        ProcessBuilder pb = new ProcessBuilder(copy.toString(), "rules").redirectErrorStream(true);
        pb.environment().put("TLSREADY_NO_BUILD", "1");

        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();

        assertThat(p.exitValue()).as(out).isEqualTo(2);
        assertThat(out).contains("TLSREADY_NO_BUILD=1", "tlsready-app-cli.jar", "missing").doesNotContain("building");
        assertThat(tmp.resolve("app-cli")).doesNotExist();
    }
}
