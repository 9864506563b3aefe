package io.tlsready.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every ```sh block of the README, examples/README.md and the docs, run as a newcomer pastes them: in document
 * order, in one shell per document, from the repository root, against the apps this build packaged. A block that
 * fails fails the test with the document, the block's first line, the line that failed and the block's output. The
 * checkout is as clean afterwards as before ({@code git status}), nothing it started is still running, and every
 * {@code mktemp} it made is gone.
 */
class DocumentBlocksIT {

    /** Documents whose blocks must run; any other docs/*.md with ```sh blocks is found and run too. */
    private static final List<String> REQUIRED = List.of("README.md", "examples/README.md", "docs/rest-api.md",
            "docs/dashboard.md");

    /** Ports the blocks name on loopback ({@code 127.0.0.1:8080}, {@code localhost:5985}); port 0 is any port. */
    private static final Pattern LOOPBACK_PORT = Pattern.compile("(?:127\\.0\\.0\\.1|localhost):(\\d{2,5})\\b");

    static Path root() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("README.md")) && Files.isRegularFile(p.resolve("tlsready-sim"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root above " + here);
    }

    static List<String> documents() throws IOException {
        Path root = root();
        List<String> docs = new ArrayList<>(REQUIRED);
        try (Stream<Path> files = Files.list(root.resolve("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().map(p -> root.relativize(p).toString())
                    .filter(d -> !docs.contains(d)).filter(d -> hasRunnableBlocks(root, d)).forEach(docs::add);
        }
        String only = System.getProperty("tlsready.docs.only", "");
        if (!only.isBlank()) { // -Dtlsready.docs.only=README.md,docs/rest-api.md: while working on those
            List<String> wanted = List.of(only.split(","));
            docs.removeIf(d -> !wanted.contains(d));
        }
        return docs;
    }

    private static boolean hasRunnableBlocks(Path root, String document) {
        try {
            return !ShellBlocks.runnable(Files.readString(root.resolve(document), StandardCharsets.UTF_8))
                    .isEmpty();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void every_sh_block_of_the_document_runs_as_pasted_and_leaves_nothing_behind(String document) throws Exception {
        Path root = root();
        String markdown = Files.readString(root.resolve(document), StandardCharsets.UTF_8);
        List<ShellBlocks.Block> blocks = ShellBlocks.runnable(markdown);
        assertThat(blocks).as("%s has ```sh blocks that run", document).isNotEmpty();
        packagedAppsAreThere(root);
        portsAreFree(document, blocks);
        String before = gitStatus(root);

        Path work = root.resolve("docs-tests/target/docs-runs");
        Files.createDirectories(work);
        Duration timeout = Duration.ofSeconds(Long.getLong("tlsready.docs.timeout", 900));
        DocumentRun.Outcome o = DocumentRun.run(root, document, work, timeout);
        Path log = work.resolve(document.replace('/', '_') + ".log");
        System.out.printf("%s: %d ```sh blocks in %d s%n", document, blocks.size(), o.elapsed().toSeconds());

        assertThat(o.passed()).as("%s", DocumentRun.explain(o, log, 120)).isTrue();
        assertThat(gitStatus(root)).as("%s: git status --porcelain after its blocks ran (files left behind must go"
                + " to target/ or a mktemp dir the block removes)", document).isEqualTo(before);
    }

    /** The launchers run the jars as they are (TLSREADY_NO_BUILD=1): this build must have packaged them. */
    private static void packagedAppsAreThere(Path root) {
        for (String path : List.of("app-cli/target/tlsready-app-cli.jar", "app-cli/target/lib",
                "app-rest/target/tlsready-app-rest.jar", "app-rest/target/lib",
                "winrm-simulator/target/tlsready-winrm-simulator.jar", "winrm-simulator/target/lib")) {
            assertThat(root.resolve(path)).as("packaged by this build (run through the reactor: ./mvnw -B verify -pl"
                    + " docs-tests -am)").exists();
        }
        for (String launcher : List.of("tlsready", "tlsready-sim")) {
            assertThat(root.resolve(launcher)).as("./%s must honour TLSREADY_NO_BUILD=1 (no Maven inside Maven)",
                    launcher).content().contains("TLSREADY_NO_BUILD");
        }
    }

    /** A busy fixed port would fail a block for a reason that is not the document's: say so first. */
    private static void portsAreFree(String document, List<ShellBlocks.Block> blocks) throws IOException {
        SortedSet<Integer> ports = new TreeSet<>();
        for (ShellBlocks.Block b : blocks) {
            Matcher m = LOOPBACK_PORT.matcher(String.join("\n", b.lines()));
            while (m.find()) {
                int port = Integer.parseInt(m.group(1));
                if (port > 0 && port < 65536) {
                    ports.add(port);
                }
            }
        }
        List<Integer> busy = new ArrayList<>();
        for (int port : ports) {
            try (ServerSocket s = new ServerSocket()) {
                s.setReuseAddress(true);
                s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
            } catch (IOException e) {
                busy.add(port);
            }
        }
        assertThat(busy).as("%s's blocks listen on 127.0.0.1 ports %s; busy here (stop what listens: ss -ltnp)",
                document, ports).isEmpty();
    }

    private static String gitStatus(Path root) throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=all").directory(root
                .toFile()).redirectErrorStream(true).start();
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(git.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(git.exitValue()).as("git status in %s: %s", root, out).isZero();
        return out;
    }
}
