package io.tlsready.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import io.tlsready.adapters.winrm.WinRmModule;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.RegistryView;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.port.RegistryEditor;
import io.tlsready.domain.port.RemoteEditors;
import io.tlsready.domain.port.RemoteTarget;
import io.tlsready.sim.EvidenceFacts;
import io.tlsready.sim.HostSpec;
import io.tlsready.sim.SimulatedFleet;
import io.tlsready.sim.WriteFault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tlsready fix} and {@code rollback} end to end: the real CLI in-process, the real WinRM client, simulated
 * hosts on loopback whose whole registry is exported (regedit .reg) when they stop, so "nothing changed" and
 * "exactly as before" are byte comparisons of two exports.
 */
class FixCommandTest {

    private static final String USER = "fixer";
    private static final String PASSWORD = "fix-Passw0rd-" + System.nanoTime();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static HostFacts notReady;

    @TempDir
    Path tmp;

    @BeforeAll
    static void evidence() {
        notReady = EvidenceFacts.load(files("2008r2-not-ready"));
    }

    /** One simulated host, its registry exported to {@code out} when it stops. */
    private SimulatedFleet host(Path out, UnaryOperator<HostSpec> tweak) {
        HostSpec spec = HostSpec.of("mabs01", "127.0.0.1", 0, HostSpec.Auth.NTLM, USER, PASSWORD.toCharArray(),
                notReady);
        return SimulatedFleet.start(List.of(tweak.apply(spec)),
                SimulatedFleet.Options.defaults().withRegistryOut(out));
    }

    private Path pristine() throws IOException {
        Path out = tmp.resolve("pristine.reg");
        host(out, s -> s).close();
        return out;
    }

    private static String target(SimulatedFleet fleet) {
        return fleet.endpoints().get(0).hostPort();
    }

    private Cli.Result fix(SimulatedFleet fleet, String... more) {
        List<String> args = new ArrayList<>(List.of("fix", "--host", target(fleet), "--transport", "http", "--user",
                USER, "--backup-dir", tmp.resolve("journals").toString()));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    private List<Path> journals() throws IOException {
        Path dir = tmp.resolve("journals");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".journal.json")).sorted().toList();
        }
    }

    @Test
    void a_dry_run_changes_nothing_and_shows_the_diff() throws IOException {
        Path after = tmp.resolve("after.reg");
        Cli.Result r;
        try (SimulatedFleet fleet = host(after, s -> s)) {
            r = fix(fleet);
        }

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.NOT_READY);
        assertThat(r.out()).contains("dry run: nothing written").contains("would write")
                .contains("SchUseStrongCrypto").contains("verdict: NOT_READY -> ");
        assertThat(Files.readAllBytes(after)).isEqualTo(Files.readAllBytes(pristine()));
        assertThat(journals()).isEmpty();
    }

    @Test
    void apply_fixes_the_host_a_second_apply_changes_nothing_and_rollback_restores_it_exactly() throws IOException {
        Path after = tmp.resolve("after.reg");
        try (SimulatedFleet fleet = host(after, s -> s)) {
            Cli.Result applied = fix(fleet, "--apply", "-f", "json");
            assertThat(applied.out()).doesNotContain(PASSWORD);
            JsonNode host = JSON.readTree(applied.out()).path("hosts").get(0);
            assertThat(host.path("applied").asBoolean()).isTrue();
            assertThat(host.path("changes")).isNotEmpty()
                    .allSatisfy(c -> assertThat(c.path("outcome").asText()).isEqualTo("written"));
            assertThat(host.path("before").path("verdict").asText()).isEqualTo("NOT_READY");
            assertThat(host.path("after").path("predicted").asBoolean()).isFalse();
            assertThat(host.path("restart")).isNotEmpty();
            assertThat(host.path("journal").asText()).endsWith(".journal.json");
            assertThat(journals()).hasSize(1);

            // A fresh look from outside: nothing a registry write could fix is left.
            Cli.Result check = fix(fleet, "-f", "json");
            assertThat(JSON.readTree(check.out()).path("hosts").get(0).path("changes")).isEmpty();

            Cli.Result again = fix(fleet, "--apply");
            assertThat(again.out()).contains("no registry change needed: nothing written");
            assertThat(journals()).as("no journal when nothing is written").hasSize(1);

            Cli.Result undone = run("rollback", journals().get(0).toString(), "--user", USER);
            assertThat(undone.exitCode()).as(undone.out() + undone.err()).isEqualTo(ExitCode.READY);
            assertThat(undone.out()).contains("restored").contains("as before the fix");

            Cli.Result twice = run("rollback", journals().get(0).toString(), "--user", USER);
            assertThat(twice.exitCode()).isEqualTo(ExitCode.READY);
            assertThat(twice.out()).contains("already as before");
        }
        assertThat(Files.readAllBytes(after)).as("the registry after fix + rollback")
                .isEqualTo(Files.readAllBytes(pristine()));
    }

    @Test
    void a_write_denied_on_one_key_leaves_the_host_exactly_as_it_was() throws IOException {
        String lastKey;
        try (SimulatedFleet fleet = host(null, s -> s)) {
            JsonNode changes = JSON.readTree(fix(fleet, "-f", "json").out()).path("hosts").get(0).path("changes");
            lastKey = changes.get(changes.size() - 1).path("key").asText();
        }
        Path after = tmp.resolve("after.reg");
        Cli.Result r;
        try (SimulatedFleet fleet = host(after, s -> s.withWriteFault(WriteFault.writeDenied(lastKey)))) {
            r = fix(fleet, "--apply", "-f", "json");
        }

        assertThat(r.exitCode()).isEqualTo(ExitCode.NOT_READY);
        JsonNode host = JSON.readTree(r.out()).path("hosts").get(0);
        assertThat(host.path("error").asText()).contains("access denied");
        assertThat(host.path("error").asText()).containsIgnoringCase(lastKey);
        assertThat(host.path("changes").findValuesAsText("outcome")).contains("failed", "restored")
                .doesNotContain("written", "left-written");
        assertThat(Files.readAllBytes(after)).isEqualTo(Files.readAllBytes(pristine()));
    }

    @Test
    void a_connection_dropped_mid_fix_leaves_the_host_exactly_as_it_was() throws IOException {
        Path after = tmp.resolve("after.reg");
        Cli.Result r;
        try (SimulatedFleet fleet = host(after, s -> s.withWriteFault(WriteFault.dropAfter(3)))) {
            r = fix(fleet, "--apply");
        }

        assertThat(r.exitCode()).isEqualTo(ExitCode.NOT_READY);
        assertThat(r.out()).contains("error: ").contains("restored");
        assertThat(Files.readAllBytes(after)).isEqualTo(Files.readAllBytes(pristine()));
    }

    @Test
    void rollback_leaves_a_value_changed_since_unless_forced() throws IOException {
        Path after = tmp.resolve("after.reg");
        try (SimulatedFleet fleet = host(after, s -> s)) {
            fix(fleet, "--apply");
            Path journal = journals().get(0);
            JsonNode first = JSON.readTree(journal.toFile()).path("entries").get(0);
            ValueRef touched = new ValueRef(first.path("key").asText(),
                    first.path("view").asText().equals("32-bit") ? RegistryView.WOW64_32 : RegistryView.NATIVE,
                    first.path("name").asText());
            // Someone else changes a value the fix wrote, through WinRM as an admin would.
            RemoteEditors editors = Guice.createInjector(new WinRmModule()).getInstance(RemoteEditors.class);
            SimulatedFleet.Endpoint e = fleet.endpoints().get(0);
            try (RegistryEditor editor = editors.open(new RemoteTarget(e.address(), e.port(),
                    RemoteTarget.Transport.HTTP, RemoteTarget.Auth.NTLM, USER, PASSWORD::toCharArray,
                    Optional.empty(), Optional.empty(), false, Duration.ofSeconds(30)))) {
                editor.write(touched, new RegValue.Dword(42));
            }

            Cli.Result careful = run("rollback", journal.toString(), "--user", USER, "-f", "json");
            assertThat(careful.exitCode()).as(careful.err()).isEqualTo(ExitCode.NOT_READY);
            JsonNode values = JSON.readTree(careful.out()).path("hosts").get(0).path("values");
            assertThat(values.get(0).path("outcome").asText()).isEqualTo("changed-since");
            assertThat(values.get(0).path("why").asText()).contains("0x0000002a");

            Cli.Result forced = run("rollback", journal.toString(), "--user", USER, "--force");
            assertThat(forced.exitCode()).as(forced.out()).isEqualTo(ExitCode.READY);
        }
        assertThat(Files.readAllBytes(after)).isEqualTo(Files.readAllBytes(pristine()));
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void fixing_this_machine_off_windows_is_refused_in_fixs_own_words() {
        Cli.Result r = run("fix", "--apply");

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("writing the local registry needs Windows").contains("over WinRM")
                .doesNotContain("--snapshot");
    }

    @Test
    void evidence_files_cannot_be_fixed() {
        Cli.Result r = run("fix", "--snapshot", files("2008r2-not-ready").get(0).toString());

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("evidence files cannot be fixed");
    }

    private static Cli.Result run(String... args) {
        return RemoteCli.withWinRm(PASSWORD, args);
    }

    private static List<Path> files(String set) {
        try (Stream<Path> files = Files.list(Cli.examples().resolve(set))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
