package io.tlsready.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Windows launcher cannot run here, so it is held to the bash one it mirrors: the same JVM options, classes,
 * build command and files. And the bash launchers find modules instead of listing them, so a new module counts.
 */
class LaunchersAgreeTest {

    private static final Pattern CLASS = Pattern.compile("io\\.tlsready\\.[a-z.]+\\.[A-Z]\\w*");

    private static String launcher(String name) throws IOException {
        return Files.readString(Cli.project().resolve(name), StandardCharsets.UTF_8);
    }

    private static List<String> group(Pattern p, String text) {
        Matcher m = p.matcher(text);
        assertThat(m.find()).as("%s in%n%s", p, text).isTrue();
        return Arrays.asList(m.group(1).trim().split("\\s+"));
    }

    private static Set<String> classes(String text) {
        Set<String> found = new TreeSet<>();
        CLASS.matcher(text).results().forEach(r -> found.add(r.group()));
        return found;
    }

    @Test
    void the_cmd_launcher_starts_the_jvm_with_the_bash_launchers_options() throws IOException {
        List<String> bash = group(Pattern.compile("(?m)^opts=\\((.*)\\)$"), launcher("tlsready"));
        List<String> cmd = group(Pattern.compile("(?m)^set \"OPTS=(.*)\"\\r?$"), launcher("tlsready.cmd"));

        assertThat(cmd).containsExactlyElementsOf(bash).contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    }

    @Test
    void the_cmd_launcher_runs_the_same_main_and_training_classes_and_both_exist() throws IOException {
        Set<String> bash = classes(launcher("tlsready"));

        assertThat(bash).containsExactly("io.tlsready.app.cli.CdsTraining", "io.tlsready.app.cli.Main",
                "io.tlsready.app.rest.serve.ServeMain");
        assertThat(classes(launcher("tlsready.cmd"))).isEqualTo(bash);
        for (String name : List.of("io.tlsready.app.cli.CdsTraining", "io.tlsready.app.cli.Main")) {
            assertThatCode(() -> Class.forName(name, false, getClass().getClassLoader())).doesNotThrowAnyException();
        }
        // app-cli never depends on app-rest, so the service's main is looked for among the sources
        assertThat(Cli.project().resolve("app-rest/src/main/java/io/tlsready/app/rest/serve/ServeMain.java"))
                .isRegularFile();
    }

    @Test
    void both_launchers_run_serve_from_the_rest_apps_jar_and_libs_with_the_same_jvm_options() throws IOException {
        Pattern bashServe = Pattern.compile("(?m)^\\s*exec \"\\$java_bin\" (.*) -cp \"\\$rest_jar:\\$rest/lib/\\*\" "
                + "io\\.tlsready\\.app\\.rest\\.serve\\.ServeMain \"\\$@\"$");
        Pattern cmdServe = Pattern.compile("(?m)^\"%JAVA%\" (.*) -cp \"%REST_JAR%;%REST%\\\\lib\\\\\\*\" "
                + "io\\.tlsready\\.app\\.rest\\.serve\\.ServeMain %\\*\\r?$");

        assertThat(group(cmdServe, launcher("tlsready.cmd"))).isEqualTo(group(bashServe, launcher("tlsready")))
                .contains("-XX:+ExitOnOutOfMemoryError");
        assertThat(launcher("tlsready")).contains("[[ \"${1:-}\" == serve ]]", "app-rest/target\"",
                "tlsready-app-rest.jar");
        assertThat(launcher("tlsready.cmd")).contains("if /i \"%~1\"==\"serve\" goto serve", "app-rest\\target\"",
                "tlsready-app-rest.jar");
    }

    @Test
    void both_cli_launchers_keep_a_class_data_sharing_archive_and_say_how_they_were_invoked() throws IOException {
        for (String name : List.of("tlsready", "tlsready.cmd")) {
            assertThat(launcher(name)).as(name)
                    .contains("-XX:ArchiveClassesAtExit=", "-XX:SharedArchiveFile=", "-Dtlsready.launcher=",
                            "tlsready.jsa", "tlsready-app-cli.jar", ".built")
                    .contains("-B -q -DskipTests -pl app-cli,app-rest -am package")
                    .contains("TLSREADY_NO_BUILD");
        }
        // the JDK 25+ AOT cache is the bash launcher's; both keep the JDK 17 AppCDS archive
        assertThat(launcher("tlsready")).contains("-XX:AOTCacheOutput=", "-XX:AOTCache=", "tlsready.aot",
                "TLSREADY_JAVA");
    }

    @Test
    void launcher_build_logs_stay_under_target() throws IOException {
        assertThat(launcher("tlsready")).contains("\"$cli/build.log\"");
        assertThat(launcher("tlsready.cmd")).contains("\"%CLI%\\build.log\"").doesNotContain("%CLI%.build.log");
        assertThat(launcher("tlsready-sim")).contains("\"$sim/build.log\"");
    }

    @Test
    void the_cmd_launcher_keeps_windows_line_endings() throws IOException {
        String cmd = launcher("tlsready.cmd");

        assertThat(cmd.replace("\r\n", "")).as("a bare LF makes cmd.exe misread labels").doesNotContain("\n");
    }

    @Test
    void the_bash_launchers_find_modules_instead_of_listing_them() throws IOException {
        List<String> modules = Pattern.compile("<module>([^<]+)</module>")
                .matcher(Files.readString(Cli.project().resolve("pom.xml")))
                .results().map(r -> r.group(1)).toList();
        assertThat(modules).contains("domain", "app-cli", "winrm-simulator");

        for (String name : List.of("tlsready", "tlsready-sim")) {
            String text = launcher(name);
            List<String> own = name.equals("tlsready") ? List.of("app-cli", "app-rest") : List.of("winrm-simulator");
            assertThat(text).as(name).contains("-name pom.xml -o -path '*/src/main/*'");
            for (String module : modules) {
                if (!own.contains(module)) {
                    assertThat(text).as(name + " names module " + module).doesNotContain("/" + module);
                }
            }
        }
    }

    @Test
    void the_simulator_launcher_runs_a_class_that_exists() throws IOException {
        Set<String> sim = classes(launcher("tlsready-sim"));

        assertThat(sim).containsExactly("io.tlsready.sim.SimulatorMain");
        assertThatCode(() -> Class.forName("io.tlsready.sim.SimulatorMain", false, getClass().getClassLoader()))
                .doesNotThrowAnyException();
    }
}
