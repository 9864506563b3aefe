package io.tlsready.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged CLI as the launchers run it (its jar plus target/lib, in a process of its own): the version the
 * build stamped into the jar manifests is the one it reports. Runs under Failsafe, after packaging.
 */
class PackagedCliIT {

    private static String expectedVersion;

    @TempDir
    Path tmp;

    @BeforeAll
    static void theBuildSaysWhichVersionItStamped() {
        expectedVersion = System.getProperty("tlsready.version");
        assertThat(expectedVersion).as("tlsready.version (set by the POM for Failsafe)").isNotBlank();
    }

    private record Run(int exitCode, String out) {
    }

    private static Run cli(String... args) throws IOException, InterruptedException {
        Path target = Path.of("target").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                target.resolve("tlsready-app-cli.jar") + File.pathSeparator + target.resolve("lib") + File.separator
                        + "*",
                "io.tlsready.app.cli.Main"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Run(p.exitValue(), out);
    }

    @Test
    void version_prints_the_project_version_from_the_jar_manifest() throws Exception {
        Run r = cli("--version");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out().lines().findFirst()).hasValue("tlsready " + expectedVersion);
    }

    @Test
    void a_collected_snapshot_names_the_tool_version_from_the_adapter_jar_manifest() throws Exception {
        Path json = tmp.resolve("host.json");
        List<String> args = new ArrayList<>(List.of("collect", "--output", json.toString()));
        args.addAll(Cli.snapshotArgs("2008r2-not-ready"));

        Run r = cli(args.toArray(String[]::new));

        assertThat(r.exitCode()).as(r.out()).isZero();
        assertThat(new ObjectMapper().readTree(Files.readString(json)).path("tool").asText())
                .isEqualTo("tlsready " + expectedVersion);
    }
}
