package io.tlsready.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Driving Debian's MIT Kerberos tools for a {@link KerberosTestRealm}: finding them, running {@code kdb5_util} and
 * {@code kadmin.local} with their input on stdin, and starting and stopping {@code krb5kdc} so that no KDC outlives
 * the run. Every tool sees only the realm's own files (its environment names them).
 */
final class MitKerberosTools {

    static final List<String> BINARIES = List.of("krb5kdc", "kdb5_util", "kadmin.local", "kinit");
    private static final List<Path> SEARCH = List.of(Path.of("/usr/sbin"), Path.of("/usr/bin"), Path.of("/sbin"),
            Path.of("/bin"), Path.of("/usr/local/sbin"), Path.of("/usr/local/bin"));
    private static final Duration START_LIMIT = Duration.ofSeconds(20);

    private MitKerberosTools() {
    }

    /** Runs a tool to completion with {@code stdin} (passwords go there, never into argv); fails on any error. */
    static void run(Path dir, List<String> command, String stdin) throws IOException,
            InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        environment(pb, dir);
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        String output;
        try (InputStream out = p.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0 || output.contains("error")
                || output.contains("while ")) {
            p.destroyForcibly();
            throw new IllegalStateException(Path.of(command.get(0)).getFileName() + " failed: " + output.strip());
        }
    }

    /** Starts {@code krb5kdc} for the realm in {@code dir}, its clock moved by {@code clockOffset} (libfaketime). */
    static Process startKdc(Path dir, Duration clockOffset) throws IOException {
        List<String> command = new ArrayList<>();
        if (!clockOffset.isZero()) {
            command.addAll(List.of(binary("faketime").orElseThrow(() -> new IllegalStateException(
                    "libfaketime is not installed; apt-get install faketime")).toString(), "-f",
                    (clockOffset.isNegative() ? "" : "+") + clockOffset.toSeconds()
                            + "s"));
        }
        Path pidFile = dir.resolve("kdc.pid");
        command.addAll(List.of(binary("krb5kdc").orElseThrow().toString(), "-n", "-r", KerberosTestRealm.REALM, "-P",
                pidFile.toString()));
        // A watchdog shell between us and the KDC: when our end of its stdin closes (close(), or this JVM dying
        // however it dies) it stops the KDC, so no test run leaves a KDC behind. It kills by the KDC's pid file as
        // well as by its own child, because faketime runs the KDC as a grandchild that a signal to it misses.
        List<String> watched = new ArrayList<>(List.of("/bin/sh", "-c", "pidfile=$1; shift; \"$@\" & kdc=$!;"
                + " read _ignored; kill $(cat \"$pidfile\" 2>/dev/null) \"$kdc\" 2>/dev/null; wait \"$kdc\"",
                "kdc-watchdog", pidFile.toString()));
        watched.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(watched).redirectErrorStream(true)
                .redirectOutput(dir.resolve("kdc.out").toFile());
        environment(pb, dir);
        return pb.start();
    }

    /** Points a tool at the realm in {@code dir}, and away from any system keytab or ticket cache. */
    static void environment(ProcessBuilder pb, Path dir) {
        Map<String, String> env = pb.environment();
        env.put("KRB5_CONFIG", dir.resolve("krb5.conf").toString());
        env.put("KRB5_KDC_PROFILE", dir.resolve("kdc.conf").toString());
        env.put("KRB5CCNAME", "FILE:" + dir.resolve("unused-ccache"));
        env.remove("KRB5_KTNAME");
        env.remove("KRB5_CLIENT_KTNAME");
    }

    /** Whether the KDC accepts TCP connections on {@code port} within the start limit (false: it died or hung). */
    static boolean waitForListener(Process kdc, int port) throws InterruptedException {
        long end = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < end) {
            if (!kdc.isAlive()) {
                return false;
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException e) {
                Thread.sleep(25);
            }
        }
        return false;
    }

    /** An MIT Kerberos tool (or {@code faketime}) in the usual places or on PATH. */
    static Optional<Path> binary(String name) {
        for (Path d : SEARCH) {
            Path p = d.resolve(name);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String d : path.split(java.io.File.pathSeparator)) {
                if (!d.isEmpty() && Files.isExecutable(Path.of(d, name))) {
                    return Optional.of(Path.of(d, name));
                }
            }
        }
        return Optional.empty();
    }

    /** Stops the KDC: through its watchdog, then by its pid file if it outlived the watchdog. */
    static void stop(Process kdc, Path dir) {
        if (kdc.isAlive()) {
            try {
                kdc.getOutputStream().close();
            } catch (IOException e) {
                kdc.destroy();
            }
            try {
                if (!kdc.waitFor(5, TimeUnit.SECONDS)) {
                    kdc.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kdc.destroyForcibly();
            }
        }
        // Belt and braces: the KDC itself, by its pid file, if it outlived the watchdog.
        try {
            Path pidFile = dir.resolve("kdc.pid");
            if (Files.exists(pidFile)) {
                long pid = Long.parseLong(Files.readString(pidFile).strip());
                ProcessHandle.of(pid).filter(h -> h.info().command().map(c -> c.endsWith("krb5kdc")).orElse(false))
                        .ifPresent(h -> {
                            h.destroy();
                            h.onExit().orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> {
                                h.destroyForcibly();
                                return h;
                            }).join();
                        });
            }
        } catch (IOException | NumberFormatException e) {
            // no pid file: the KDC never got that far
        }
    }
}
