package io.tlsready.sim;

import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.port.EvidenceException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code tlsready-sim}: serves simulated WinRM hosts until interrupted (or for {@code --duration}).
 *
 * <pre>
 * tlsready-sim --evidence FILE… [--listen ADDRESS:PORT] [--auth ntlm|basic-https] --user NAME
 *              [--hosts N --base ADDRESS] [--latency MS[:FRACTION]] [--inject KIND:FRACTION]… [--seed N]
 *              [--stall-max MS] [--cert-out FILE] [--endpoints-out FILE] [--duration SECONDS]
 * tlsready-sim --evidence FILE… --auth kerberos|kerberos-https --keytab FILE […]
 * </pre>
 * The password comes from the environment variable {@code TLSREADY_PASSWORD}, never from a flag. With Kerberos
 * the KDC vouches for the user: no --user or password; the keytab's principals are the host's SPNs. When it stops it
 * prints what it served (connections, HTTP and WS-Man requests, authentication failures, injected faults).
 * Exit codes: 0 stopped normally, 2 usage or evidence error.
 */
public final class SimulatorMain {

    static final String PASSWORD_ENV = "TLSREADY_PASSWORD";
    private static final int SHOWN_ENDPOINTS = 10;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    SimulatorMain(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    public static void main(String[] args) {
        int code = new SimulatorMain(System.out, System.err, System.getenv()).run(args, null);
        System.exit(code);
    }

    /** Parsed command line. */
    static final class Options {
        final List<Path> evidence = new ArrayList<>();
        String listen = "127.0.0.1:5985";
        boolean listenGiven;
        HostSpec.Auth auth = HostSpec.Auth.NTLM;
        String user;
        int hosts = 1;
        String base;
        Duration latency = Duration.ZERO;
        double latencyShare = 1.0;
        final Map<FaultKind, Double> inject = new EnumMap<>(FaultKind.class);
        long seed = 1;
        Duration stallMax = Duration.ofSeconds(30);
        Path certOut;
        Path endpointsOut;
        Duration duration;
        Path keytab;
    }

    static final class UsageException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static Options parse(String[] args) {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--evidence":
                    while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                        o.evidence.add(Path.of(args[++i]));
                    }
                    break;
                case "--listen":
                    o.listen = value(args, ++i, a);
                    o.listenGiven = true;
                    break;
                case "--auth":
                    o.auth = auth(value(args, ++i, a));
                    break;
                case "--user":
                    o.user = value(args, ++i, a);
                    break;
                case "--hosts":
                    o.hosts = integer(value(args, ++i, a), a, 1, 100_000);
                    break;
                case "--base":
                    o.base = value(args, ++i, a);
                    break;
                case "--latency": {
                    String[] v = value(args, ++i, a).split(":", 2);
                    o.latency = Duration.ofMillis(integer(v[0].replace("ms", ""), a, 0, 600_000));
                    o.latencyShare = v.length > 1 ? fraction(v[1], a) : 1.0;
                    break;
                }
                case "--inject": {
                    String v = value(args, ++i, a);
                    int colon = v.lastIndexOf(':');
                    String kind = colon < 0 ? v : v.substring(0, colon);
                    FaultKind k = FaultKind.parse(kind).orElseThrow(() -> new UsageException("--inject: unknown"
                            + " fault '" + kind + "' (401, 500, timedout, reset, stall, oversized, malformed, refused)"));
                    o.inject.put(k, colon < 0 ? 1.0 : fraction(v.substring(colon + 1), a));
                    break;
                }
                case "--seed":
                    o.seed = integer(value(args, ++i, a), a, 0, Integer.MAX_VALUE);
                    break;
                case "--stall-max":
                    o.stallMax = Duration.ofMillis(integer(value(args, ++i, a), a, 0, 3_600_000));
                    break;
                case "--cert-out":
                    o.certOut = Path.of(value(args, ++i, a));
                    break;
                case "--endpoints-out":
                    o.endpointsOut = Path.of(value(args, ++i, a));
                    break;
                case "--keytab":
                    o.keytab = Path.of(value(args, ++i, a));
                    break;
                case "--duration":
                    o.duration = Duration.ofSeconds(integer(value(args, ++i, a), a, 0, 86_400 * 7));
                    break;
                case "--password":
                    throw new UsageException("--password is not accepted: put the password in " + PASSWORD_ENV);
                default:
                    throw new UsageException("unknown option " + a);
            }
        }
        if (o.evidence.isEmpty()) {
            throw new UsageException("--evidence FILE… is required");
        }
        if (o.auth.kerberos()) {
            if (o.keytab == null) {
                throw new UsageException("--auth " + (o.auth.tls() ? "kerberos-https" : "kerberos")
                        + " needs --keytab FILE (the service keys of HTTP/<host>)");
            }
            if (o.user == null) {
                o.user = "(kerberos)";
            }
        } else if (o.keytab != null) {
            throw new UsageException("--keytab applies to --auth kerberos and kerberos-https");
        }
        if (o.user == null || o.user.isBlank()) {
            throw new UsageException("--user NAME is required");
        }
        if (o.hosts > 1 && o.base == null) {
            o.base = "127.0.1.1";
        }
        return o;
    }

    /** Starts the fleet; blocks until interrupted, or {@code --duration}, or {@code stop} counts down. */
    int run(String[] args, CountDownLatch stop) {
        Options o;
        try {
            o = parse(args);
        } catch (UsageException e) {
            err.println("tlsready-sim: " + e.getMessage());
            err.println(usage());
            return 2;
        }
        String password = o.auth.kerberos() ? "" : env.get(PASSWORD_ENV);
        if (!o.auth.kerberos() && (password == null || password.isEmpty())) {
            err.println("tlsready-sim: set the password of --user " + o.user + " in " + PASSWORD_ENV);
            return 2;
        }
        HostFacts facts;
        try {
            facts = EvidenceFacts.load(o.evidence);
        } catch (EvidenceException e) {
            err.println("tlsready-sim: " + e.getMessage());
            return 2;
        }
        List<HostSpec> specs;
        try {
            specs = plan(o, password.toCharArray()).hosts(facts);
            if (o.keytab != null) {
                specs = specs.stream().map(spec -> spec.withKeytab(o.keytab)).toList();
            }
        } catch (IllegalArgumentException e) {
            err.println("tlsready-sim: " + e.getMessage());
            return 2;
        }
        SimulatedFleet fleet;
        try {
            fleet = SimulatedFleet.start(specs, SimulatedFleet.Options.defaults().withStallLimit(o.stallMax));
        } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            err.println("tlsready-sim: " + e.getMessage());
            return 2;
        }
        CountDownLatch done = stop != null ? stop : new CountDownLatch(1);
        AtomicBoolean summarised = new AtomicBoolean();
        Runnable finish = () -> {
            fleet.close();
            if (summarised.compareAndSet(false, true)) {
                out.println(summary(fleet));
                out.flush();
            }
        };
        Thread hook = new Thread(finish, "winrm-sim-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            announce(o, fleet);
            if (o.duration != null) {
                done.await(o.duration.toMillis(), TimeUnit.MILLISECONDS);
            } else {
                done.await();
            }
        } catch (IOException e) {
            err.println("tlsready-sim: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            finish.run();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down
            }
        }
        return 0;
    }

    private static FleetPlan plan(Options o, char[] password) {
        String address;
        int port;
        int colon = o.listen.lastIndexOf(':');
        if (colon < 0) {
            throw new UsageException("--listen wants ADDRESS:PORT, e.g. 127.0.0.1:5985");
        }
        address = o.listen.substring(0, colon).replace("[", "").replace("]", "");
        port = integer(o.listen.substring(colon + 1), "--listen", 0, 65_535);
        if (o.hosts > 1) {
            address = o.base;
            if (!o.listenGiven) {
                port = o.auth.tls() ? 5986 : 5985;
            }
        } else if (!o.listenGiven && o.auth.tls()) {
            port = 5986;
        }
        return new FleetPlan(o.hosts, address, port, o.auth, o.user, password, o.latency, o.latencyShare, o.inject,
                o.seed);
    }

    private void announce(Options o, SimulatedFleet fleet) throws IOException {
        List<SimulatedFleet.Endpoint> endpoints = fleet.endpoints();
        out.println("tlsready-sim: " + endpoints.size() + " simulated host" + (endpoints.size() == 1 ? "" : "s")
                + ", auth " + describe(o.auth) + (o.auth.kerberos() ? "" : ", user " + o.user));
        if (o.auth.kerberos()) {
            out.println("service principals (from " + o.keytab + "): " + String.join(", ",
                    KerberosAcceptor.principals(o.keytab)));
        }
        for (int i = 0; i < endpoints.size() && i < SHOWN_ENDPOINTS; i++) {
            SimulatedFleet.Endpoint e = endpoints.get(i);
            HostSpec spec = fleet.spec(e.name());
            out.println("  " + e.name() + "  " + e.uri() + describe(spec));
        }
        if (endpoints.size() > SHOWN_ENDPOINTS) {
            out.println("  … and " + (endpoints.size() - SHOWN_ENDPOINTS) + " more"
                    + (o.endpointsOut == null ? " (--endpoints-out FILE lists them all)" : ""));
        }
        if (fleet.certificate().isPresent()) {
            SelfSignedCertificate cert = fleet.certificate().get();
            out.println("certificate SHA-256: " + cert.sha256());
            if (o.certOut != null) {
                Files.writeString(o.certOut, cert.pem(), StandardCharsets.US_ASCII);
                out.println("certificate PEM written to " + o.certOut);
            }
        } else if (o.certOut != null) {
            out.println("no certificate: --cert-out applies to --auth basic-https and kerberos-https");
        }
        if (o.endpointsOut != null) {
            List<String> lines = new ArrayList<>();
            endpoints.forEach(e -> lines.add(e.hostPort()));
            Files.write(o.endpointsOut, lines, StandardCharsets.UTF_8);
            out.println("endpoints written to " + o.endpointsOut);
        }
        out.println("ready" + (o.duration != null ? " for " + o.duration.toSeconds() + " s" : "; Ctrl-C stops"));
        out.flush();
    }

    /**
     * What the fleet served, summed over its hosts, printed when it stops (Ctrl-C, SIGTERM or --duration), e.g.
     * for a benchmark's requests per host: "served 500 hosts: 500 connections, 18000 HTTP requests, …".
     */
    static String summary(SimulatedFleet fleet) {
        long connections = 0;
        long http = 0;
        long wsman = 0;
        long authFailures = 0;
        long faults = 0;
        Map<String, HostCounters> all = fleet.counters();
        for (HostCounters c : all.values()) {
            connections += c.connections();
            http += c.httpRequests();
            wsman += c.wsmanRequests();
            authFailures += c.authFailures();
            faults += c.injectedFaults();
        }
        return "tlsready-sim: served " + all.size() + " host" + (all.size() == 1 ? "" : "s") + ": " + connections
                + " connections, " + http + " HTTP requests, " + wsman + " WS-Man requests, " + authFailures
                + " authentication failures, " + faults + " injected faults";
    }

    private static String describe(HostSpec.Auth auth) {
        switch (auth) {
            case NTLM:
                return "ntlm (HTTP, message encryption)";
            case KERBEROS:
                return "kerberos (HTTP, message encryption)";
            case KERBEROS_HTTPS:
                return "kerberos (HTTPS)";
            default:
                return "basic (HTTPS)";
        }
    }

    private static String describe(HostSpec spec) {
        StringBuilder sb = new StringBuilder();
        if (!spec.latency().isZero()) {
            sb.append("  latency ").append(spec.latency().toMillis()).append(" ms");
        }
        spec.faults().forEach(f -> sb.append("  inject ").append(f.label()));
        return sb.toString();
    }

    static String usage() {
        return "usage: tlsready-sim --evidence FILE… [--listen ADDRESS:PORT] [--auth ntlm|basic-https] --user NAME\n"
                + "       tlsready-sim --evidence FILE… --auth kerberos|kerberos-https --keytab FILE [--listen …]\n"
                + "                    [--hosts N [--base 127.0.1.1]] [--latency MS[:FRACTION]]\n"
                + "                    [--inject 401|500|timedout|reset|stall|oversized|malformed|refused[:FRACTION]]…\n"
                + "                    [--seed N] [--stall-max MS] [--cert-out FILE] [--endpoints-out FILE]"
                + " [--duration SECONDS]\n"
                + "password (ntlm, basic): environment variable " + PASSWORD_ENV;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    private static HostSpec.Auth auth(String text) {
        switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "ntlm":
                return HostSpec.Auth.NTLM;
            case "basic-https":
            case "basic":
                return HostSpec.Auth.BASIC_HTTPS;
            case "kerberos":
                return HostSpec.Auth.KERBEROS;
            case "kerberos-https":
                return HostSpec.Auth.KERBEROS_HTTPS;
            default:
                throw new UsageException("--auth is ntlm, basic-https, kerberos or kerberos-https, not " + text);
        }
    }

    private static int integer(String text, String option, int min, int max) {
        try {
            int v = Integer.parseInt(text.strip());
            if (v < min || v > max) {
                throw new UsageException(option + " must be within " + min + ".." + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UsageException(option + ": not a number: " + text);
        }
    }

    private static double fraction(String text, String option) {
        try {
            double v = Double.parseDouble(text.strip().replace("%", "")) / (text.contains("%") ? 100 : 1);
            if (v < 0 || v > 1) {
                throw new UsageException(option + ": fraction must be within 0..1 (or 0%..100%)");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UsageException(option + ": not a fraction: " + text);
        }
    }
}
