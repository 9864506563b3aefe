package io.tlsready.app.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code tlsready serve} as the launcher runs it: the packaged jar plus target/lib in a process of its own (so the
 * tests using it are {@code *IT}, run after packaging). Its stderr goes to a file, read as it grows: a pipe read by a
 * thread of this JVM may lose its last lines when the process exits (the JDK closes the stream under the reader).
 */
public final class ServeProcess {

    private static final Pattern LISTENING = Pattern.compile("listening on (https?://\\S+/)");

    private final Process process;
    private final Path log;

    private ServeProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Runs {@code serve ARGS…} (or {@code serve token …}) with {@code workDir} as its working directory.
     *
     * @param stdout where its standard output goes, or null to discard it
     */
    public static ServeProcess start(Path workDir, Path stdout, String... args) throws IOException {
        Path target = Path.of("target").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                target.resolve("tlsready-app-rest.jar") + File.pathSeparator + target.resolve("lib") + File.separator
                        + "*",
                "io.tlsready.app.rest.serve.ServeMain", "serve"));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(workDir, "serve", ".log");
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectError(log.toFile())
                .redirectOutput(stdout == null ? ProcessBuilder.Redirect.DISCARD
                        : ProcessBuilder.Redirect.to(stdout.toFile()))
                .start();
        p.getOutputStream().close();
        return new ServeProcess(p, log);
    }

    /** Everything it wrote to stderr so far. */
    public String err() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** The address from the "listening on" log line, once it is there. */
    public URI uri() throws Exception {
        for (int i = 0; i < 1200; i++) {
            Matcher m = LISTENING.matcher(err());
            if (m.find()) {
                return URI.create(m.group(1));
            }
            if (!process.isAlive()) {
                throw new AssertionError("serve ended (exit " + process.exitValue() + ") without listening:\n" + err());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("serve did not listen within 2 minutes:\n" + err());
    }

    /** The exit code once it has ended. */
    public int exitCode() throws InterruptedException {
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("ended").isTrue();
        return process.exitValue();
    }

    /** SIGTERM, then the exit code once it has stopped. */
    public int terminate() throws InterruptedException {
        process.destroy();
        return exitCode();
    }

    /** SIGKILL, for a test's clean-up. */
    public void kill() {
        process.destroyForcibly();
    }
}
