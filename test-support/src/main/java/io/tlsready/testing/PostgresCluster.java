package io.tlsready.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PostgreSQL cluster for tests: {@code initdb} in a temporary directory, {@code pg_ctl start} on a free
 * loopback port (TCP on 127.0.0.1 only, trust authentication for 127.0.0.1 only), one database, and on
 * {@link #close()} {@code pg_ctl stop} and the directory deleted. The binaries come from {@code TLSREADY_PG_BIN}, else
 * the newest {@code /usr/lib/postgresql/N/bin} (Debian's {@code postgresql}), else {@code PATH}.
 * <p>
 * PostgreSQL refuses to run as root, so when the tests do (CI does) the server runs as {@code nobody} through
 * {@code setpriv}, with the cluster directory handed to that user. Without PostgreSQL the calling test fails with a
 * message saying what to install, or is skipped when {@code TLSREADY_SKIP_POSTGRES=1}.
 */
public final class PostgresCluster implements AutoCloseable {

    /** The cluster's superuser (no password: trust on loopback). */
    public static final String USER = "tlsready";

    private static final String SKIP = "TLSREADY_SKIP_POSTGRES";
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final Path bin;
    private final Path dir;
    private final int port;
    private final String database;
    private final Thread hook;
    private boolean stopped;

    private PostgresCluster(Path bin, Path dir, int port, String database) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.database = database;
        this.hook = new Thread(this::stopQuietly, "postgres-cluster-stop");
    }

    /** A running cluster with one database, {@code tlsready}. */
    public static PostgresCluster start() {
        return start("tlsready");
    }

    /** A running cluster with one database of that name (lower-case letters, digits, underscores). */
    public static PostgresCluster start(String database) {
        requireName(database);
        Path bin = binaries();
        Path dir;
        try {
            dir = Files.createTempDirectory("tlsready-pg");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a directory for a PostgreSQL cluster", e);
        }
        try {
            new PostgresCluster(bin, dir, 0, database).init();
        } catch (RuntimeException e) {
            deleteTree(dir);
            throw e;
        }
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 3; attempt++) { // a free port can be taken between the probe and the bind
            PostgresCluster cluster = new PostgresCluster(bin, dir, freePort(), database);
            try {
                cluster.boot();
                Runtime.getRuntime().addShutdownHook(cluster.hook);
                cluster.createDatabase(database);
                return cluster;
            } catch (IllegalStateException e) {
                last = e;
                cluster.stopServer();
            }
        }
        deleteTree(dir);
        throw last;
    }

    /** {@code jdbc:postgresql://127.0.0.1:PORT/DATABASE?user=tlsready}. */
    public String jdbcUrl() {
        return jdbcUrl(database);
    }

    public String jdbcUrl(String db) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + db + "?user=" + USER;
    }

    public int port() {
        return port;
    }

    public String database() {
        return database;
    }

    /** Makes another database in this cluster (tests that want a clean one). */
    public void createDatabase(String name) {
        requireName(name);
        run(List.of(bin.resolve("createdb").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", USER,
                name), false, "createdb " + name);
    }

    /** Runs SQL through {@code psql} on the cluster's database and returns what it printed (unaligned, no headers). */
    public String psql(String sql) {
        return run(List.of(bin.resolve("psql").toString(), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h",
                "127.0.0.1", "-p", Integer.toString(port), "-U", USER, "-d", database, "-c", sql), false, "psql");
    }

    /** Stops the server (fast shutdown) and deletes the cluster's directory. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs anyway
        }
    }

    private synchronized void stopQuietly() {
        if (stopped) {
            return;
        }
        stopped = true;
        stopServer();
        deleteTree(dir);
    }

    private void init() {
        Path data = dir.resolve("data");
        handToServerUser(dir);
        run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "-E", "UTF8",
                "--locale=C", "--auth=trust", "--no-sync"), true, "initdb");
        try {
            Files.writeString(data.resolve("pg_hba.conf"), """
                    # tlsready test cluster: TCP on loopback only, no password
                    host all all 127.0.0.1/32 trust
                    """, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void boot() {
        Path data = dir.resolve("data");
        String options = "-p " + port + " -h 127.0.0.1 -k '' -c fsync=off -c synchronous_commit=off"
                + " -c full_page_writes=off -c max_connections=200";
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("server.log").toString(),
                "-w", "-t", "60", "-o", options, "start"), true, "pg_ctl start on port " + port);
    }

    private void stopServer() {
        Path data = dir.resolve("data");
        if (Files.isRegularFile(data.resolve("postmaster.pid"))) {
            try {
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "-t", "60",
                        "stop"), true, "pg_ctl stop");
            } catch (IllegalStateException e) {
                System.err.println("PostgresCluster: " + e.getMessage());
            }
        }
    }

    private String run(List<String> command, boolean asServerUser, String what) {
        List<String> full = new ArrayList<>();
        if (asServerUser && runningAsRoot()) {
            full.addAll(List.of("setpriv", "--reuid=nobody", "--regid=" + nobodyGroup(), "--clear-groups", "--"));
        }
        full.addAll(command);
        try {
            Path out = Files.createTempFile("tlsready-pg", ".out");
            try {
                Process p = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true)
                        .redirectOutput(out.toFile()).start();
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException(what + " did not finish within 120 s");
                }
                String text = Files.readString(out, StandardCharsets.UTF_8);
                if (p.exitValue() != 0) {
                    throw new IllegalStateException(what + " failed (exit " + p.exitValue() + "): " + text.strip()
                            + logTail());
                }
                return text;
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted", e);
        }
    }

    private String logTail() {
        Path log = dir.resolve("server.log");
        try {
            if (Files.isReadable(log)) {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                return "\nserver log: " + String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
            }
        } catch (IOException e) {
            // no log to show
        }
        return "";
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static String nobodyGroup() {
        return Files.exists(Path.of("/etc/group")) && readLines(Path.of("/etc/group")).stream()
                .anyMatch(l -> l.startsWith("nogroup:")) ? "nogroup" : "nobody";
    }

    private static List<String> readLines(Path p) {
        try {
            return Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Gives the cluster directory to the user the server runs as (only when that is not us). */
    private static void handToServerUser(Path dir) {
        if (!runningAsRoot()) {
            return;
        }
        try {
            UserPrincipalLookupService lookup = dir.getFileSystem().getUserPrincipalLookupService();
            UserPrincipal nobody = lookup.lookupPrincipalByName("nobody");
            GroupPrincipal group = lookup.lookupPrincipalByGroupName(nobodyGroup());
            PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
            view.setOwner(nobody);
            view.setGroup(group);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hand " + dir + " to user nobody for PostgreSQL", e);
        }
    }

    private static Path binaries() {
        Optional<Path> found = Optional.ofNullable(System.getenv("TLSREADY_PG_BIN")).map(Path::of)
                .filter(PostgresCluster::hasTools)
                .or(PostgresCluster::debianBinaries)
                .or(PostgresCluster::onPath);
        if (found.isPresent()) {
            return found.get();
        }
        String message = "PostgreSQL is not installed (no initdb and pg_ctl in /usr/lib/postgresql/*/bin, "
                + "TLSREADY_PG_BIN or PATH): install Debian's postgresql package, or set " + SKIP + "=1 to skip "
                + "the PostgreSQL tests";
        if ("1".equals(System.getenv(SKIP))) {
            Assumptions.abort(message);
        }
        return fail(message);
    }

    private static Optional<Path> debianBinaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.filter(v -> v.getFileName().toString().matches("\\d+(\\.\\d+)?"))
                    .max(Comparator.comparingDouble(v -> Double.parseDouble(v.getFileName().toString())))
                    .map(v -> v.resolve("bin")).filter(PostgresCluster::hasTools);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(java.io.File.pathSeparator)).filter(s -> !s.isEmpty()).map(Path::of)
                .filter(PostgresCluster::hasTools).findFirst();
    }

    private static boolean hasTools(Path bin) {
        return Stream.of("initdb", "pg_ctl", "createdb", "psql").allMatch(t -> Files.isExecutable(bin.resolve(t)));
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port for PostgreSQL", e);
        }
    }

    private static void requireName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("PostgresCluster: could not delete " + root + ": " + e.getMessage());
        }
    }
}
