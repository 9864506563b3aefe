package io.tlsready.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away MIT Kerberos realm on loopback for tests and demos: Debian's {@code krb5kdc}, {@code kdb5_util} and
 * {@code kadmin.local} run as the current user (no root, no system files) on a temp dir holding krb5.conf,
 * kdc.conf, the database and a keytab; the KDC listens on a free loopback port (TCP and UDP) and is stopped by
 * {@link #close()}. How the tools are found, run and stopped is {@link MitKerberosTools}' job.
 *
 * <p>The realm has one user with a password and, unless asked otherwise, the service principal
 * {@code HTTP/localhost} exported to {@link #keytab()}. Clients point {@code KRB5_CONFIG} at {@link #krb5Conf()}
 * (udp_preference_limit=1, so Java talks TCP; no DNS lookups; host names are not canonicalised).
 *
 * <p>{@link #kdcClockOffset} starts the KDC under libfaketime (Debian {@code faketime}) with its clock moved, the
 * way a KDC and a client disagree about the time in a real domain.
 */
public final class KerberosTestRealm implements AutoCloseable {

    /** The realm every test realm uses (upper case, as AD realms are). */
    public static final String REALM = "TLSREADY.TEST";
    /** The host name clients use for the simulator: the SPN is HTTP/localhost. */
    public static final String SERVICE_HOST = "localhost";

    /** What to create. */
    public record Settings(String user, char[] password, boolean withServicePrincipal, Duration kdcClockOffset) {

        public static Settings defaults() {
            return new Settings("auditor", "Kerb3ros=Real!".toCharArray(), true, Duration.ZERO);
        }

        public Settings withoutServicePrincipal() {
            return new Settings(user, password, false, kdcClockOffset);
        }

        public Settings withKdcClockOffset(Duration offset) {
            return new Settings(user, password, withServicePrincipal, offset);
        }

        @Override
        public String toString() {
            return "Settings[user=" + user + ", password=***, spn=" + withServicePrincipal + ", offset="
                    + kdcClockOffset + "]";
        }
    }

    private static KerberosTestRealm shared;

    private final Path dir;
    private final Settings settings;
    private final int port;
    private final Process kdc;

    private KerberosTestRealm(Path dir, Settings settings, int port, Process kdc) {
        this.dir = dir;
        this.settings = settings;
        this.port = port;
        this.kdc = kdc;
    }

    /**
     * Why a realm cannot be started here (a binary is missing), or empty when it can. Tests skip with this reason.
     */
    public static Optional<String> unavailable() {
        List<String> missing = MitKerberosTools.BINARIES.stream().filter(b -> MitKerberosTools.binary(b).isEmpty())
                .toList();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("MIT Kerberos is not installed (missing " + String.join(", ", missing)
                + "); apt-get install krb5-kdc krb5-admin-server krb5-user");
    }

    /** Why a KDC with a moved clock cannot be started (libfaketime missing), or empty. */
    public static Optional<String> clockOffsetUnavailable() {
        return MitKerberosTools.binary("faketime").isPresent() ? unavailable()
                : Optional.of("libfaketime is not installed; apt-get install faketime");
    }

    /** One realm for the whole JVM (default settings), started on first use and stopped at JVM exit. */
    public static synchronized KerberosTestRealm shared() {
        if (shared == null) {
            shared = start(Settings.defaults());
            KerberosTestRealm realm = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(realm::close, "kerberos-test-realm-stop"));
        }
        return shared;
    }

    /** Creates a realm in a fresh temp dir and starts its KDC. */
    public static KerberosTestRealm start(Settings settings) {
        unavailable().ifPresent(why -> {
            throw new IllegalStateException(why);
        });
        Path dir = null;
        try {
            dir = Files.createTempDirectory("tlsready-krb5-");
            for (int attempt = 0; ; attempt++) {
                int port = freePort();
                writeConfig(dir, port);
                createDatabase(dir, settings);
                Process kdc = MitKerberosTools.startKdc(dir, settings.kdcClockOffset());
                if (MitKerberosTools.waitForListener(kdc, port)) {
                    return new KerberosTestRealm(dir, settings, port, kdc);
                }
                MitKerberosTools.stop(kdc, dir);
                if (attempt == 2) {
                    throw new IllegalStateException("the test KDC did not start: " + Files.readString(
                            dir.resolve("kdc.out")).strip());
                }
                clean(dir, false);
            }
        } catch (IOException e) {
            delete(dir);
            throw new UncheckedIOException("cannot create the test realm: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            delete(dir);
            throw new IllegalStateException("interrupted while starting the test KDC", e);
        } catch (RuntimeException e) {
            delete(dir);
            throw e;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static void writeConfig(Path dir, int port) throws IOException {
        Files.writeString(dir.resolve("krb5.conf"), "[libdefaults]\n"
                + " default_realm = " + REALM + "\n"
                + " dns_lookup_kdc = false\n"
                + " dns_lookup_realm = false\n"
                + " dns_canonicalize_hostname = false\n"
                + " rdns = false\n"
                + " udp_preference_limit = 1\n"
                + " kdc_timesync = 0\n"
                + "[realms]\n"
                + " " + REALM + " = {\n"
                + "  kdc = 127.0.0.1:" + port + "\n"
                + " }\n"
                + "[domain_realm]\n"
                + " localhost = " + REALM + "\n"
                + " 127.0.0.1 = " + REALM + "\n", StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("kdc.conf"), "[kdcdefaults]\n"
                + " kdc_listen = 127.0.0.1:" + port + "\n"
                + " kdc_tcp_listen = 127.0.0.1:" + port + "\n"
                + "[realms]\n"
                + " " + REALM + " = {\n"
                + "  database_name = " + dir.resolve("principal") + "\n"
                + "  key_stash_file = " + dir.resolve("stash") + "\n"
                + "  acl_file = " + dir.resolve("kadm5.acl") + "\n"
                + "  supported_enctypes = aes256-cts-hmac-sha1-96:normal aes128-cts-hmac-sha1-96:normal\n"
                + " }\n"
                + "[logging]\n"
                + " kdc = FILE:" + dir.resolve("kdc.log") + "\n", StandardCharsets.US_ASCII);
    }

    private static void createDatabase(Path dir, Settings settings) throws IOException, InterruptedException {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String master = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        // The master password goes on stdin (kdb5_util asks twice), never into argv.
        String kdb5Util = MitKerberosTools.binary("kdb5_util").orElseThrow().toString();
        MitKerberosTools.run(dir, List.of(kdb5Util, "create", "-s", "-r", REALM), master + "\n" + master + "\n");
        String password = new String(settings.password());
        List<String> queries = new ArrayList<>();
        // addprinc prompts for the password twice on stdin when -pw is not given.
        MitKerberosTools.run(dir, kadmin("addprinc +requires_preauth " + settings.user()),
                password + "\n" + password + "\n");
        if (settings.withServicePrincipal()) {
            queries.add("addprinc -randkey HTTP/" + SERVICE_HOST);
            queries.add("ktadd -k " + dir.resolve("http.keytab") + " HTTP/" + SERVICE_HOST);
        } else {
            // A keytab for some other service, so the simulator can still start: HTTP/localhost is what is missing.
            queries.add("addprinc -randkey HTTP/other-host." + REALM.toLowerCase(java.util.Locale.ROOT));
            queries.add("ktadd -k " + dir.resolve("http.keytab") + " HTTP/other-host."
                    + REALM.toLowerCase(java.util.Locale.ROOT));
        }
        for (String q : queries) {
            MitKerberosTools.run(dir, kadmin(q), "");
        }
    }

    private static List<String> kadmin(String query) {
        return List.of(MitKerberosTools.binary("kadmin.local").orElseThrow().toString(), "-r", REALM, "-q", query);
    }

    /** krb5.conf for clients (KRB5_CONFIG, or Java's java.security.krb5.conf). */
    public Path krb5Conf() {
        return dir.resolve("krb5.conf");
    }

    /** The keytab holding HTTP/localhost (or, without the SPN, an unrelated service). */
    public Path keytab() {
        return dir.resolve("http.keytab");
    }

    /** The user's name without the realm. */
    public String user() {
        return settings.user();
    }

    /** {@code user@REALM}. */
    public String principal() {
        return settings.user() + "@" + REALM;
    }

    /** A copy of the user's password. */
    public char[] password() {
        return settings.password().clone();
    }

    public int kdcPort() {
        return port;
    }

    /** Environment variables pointing Kerberos clients at this realm, plus KRB5CCNAME when given. */
    public Map<String, String> clientEnvironment(Path ccache) {
        return ccache == null ? Map.of("KRB5_CONFIG", krb5Conf().toString())
                : Map.of("KRB5_CONFIG", krb5Conf().toString(), "KRB5CCNAME", "FILE:" + ccache);
    }

    /** {@code kinit} the user into {@code ccache} with the realm's password (on stdin). */
    public void kinit(Path ccache) {
        ProcessBuilder pb = new ProcessBuilder(MitKerberosTools.binary("kinit").orElseThrow().toString(), principal())
                .redirectErrorStream(true);
        MitKerberosTools.environment(pb, dir);
        pb.environment().put("KRB5CCNAME", "FILE:" + ccache);
        try {
            Process p = pb.start();
            try (OutputStream in = p.getOutputStream()) {
                in.write((new String(settings.password()) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            String output;
            try (InputStream out = p.getInputStream()) {
                output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("kinit " + principal() + " failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("kinit: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during kinit", e);
        }
    }

    /** The KDC's log (what it issued and refused), for test failure messages. */
    public String kdcLog() {
        try {
            Path log = dir.resolve("kdc.log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(cannot read the KDC log: " + e.getMessage() + ")";
        }
    }

    /** Stops the KDC and deletes the realm's files. Idempotent. */
    @Override
    public void close() {
        MitKerberosTools.stop(kdc, dir);
        delete(dir);
    }

    private static void clean(Path dir, boolean all) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                if (all || !p.getFileName().toString().endsWith(".conf")) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort: a temp dir
                }
            });
        } catch (IOException e) {
            // best effort
        }
    }

    @Override
    public String toString() {
        return "KerberosTestRealm[" + REALM + " on 127.0.0.1:" + port + ", user=" + settings.user() + "]";
    }
}
