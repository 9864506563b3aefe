package io.tlsready.sim;

import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.port.EvidenceException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
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
 *              [--inject write-denied:KEY[:FRACTION]] [--inject drop-after:N[:FRACTION]]
 *              [--stall-max MS] [--cert-out FILE] [--endpoints-out FILE] [--duration SECONDS]
 *              [--registry-out FILE] [--ready-file FILE]
 * tlsready-sim --evidence FILE… --auth kerberos|kerberos-https --keytab FILE […]
 * </pre>
 * The password comes from the environment variable {@code TLSREADY_PASSWORD}, never from a flag. With Kerberos
 * the KDC vouches for the user: no --user or password; the keytab's principals are the host's SPNs. When it stops it
 * prints what it served (connections, HTTP and WS-Man requests, authentication failures, injected faults).
 * {@code --ready-file FILE} is how a script waits for it: the file is deleted at start (a stale one from an earlier
 * run must not fool a waiter) and written, atomically, once every simulated host listens and the certificate and
 * endpoint files are written; the {@code ready} line on stdout says the same to a person.
 * Exit codes: 0 stopped normally, 2 usage or evidence error.
 */
public final class SimulatorMain {

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

    /** Starts the fleet; blocks until interrupted, or {@code --duration}, or {@code stop} counts down. */
    int run(String[] args, CountDownLatch stop) {
        SimulatorOptions o;
        try {
            o = SimulatorOptions.parse(args);
        } catch (SimulatorOptions.UsageException e) {
            err.println("tlsready-sim: " + e.getMessage());
            err.println(SimulatorOptions.usage());
            return 2;
        }
        try {
            if (o.readyFile != null) {
                Files.deleteIfExists(o.readyFile);
            }
        } catch (IOException e) {
            err.println("tlsready-sim: cannot remove the old --ready-file " + o.readyFile + ": " + e);
            return 2;
        }
        String password = o.auth.kerberos() ? "" : env.get(SimulatorOptions.PASSWORD_ENV);
        if (!o.auth.kerberos() && (password == null || password.isEmpty())) {
            err.println("tlsready-sim: set the password of --user " + o.user + " in " + SimulatorOptions.PASSWORD_ENV);
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
            specs = o.plan(password.toCharArray()).hosts(facts);
            if (o.keytab != null) {
                specs = specs.stream().map(spec -> spec.withKeytab(o.keytab)).toList();
            }
        } catch (IllegalArgumentException e) {
            err.println("tlsready-sim: " + e.getMessage());
            return 2;
        }
        SimulatedFleet fleet;
        try {
            fleet = SimulatedFleet.start(specs, SimulatedFleet.Options.defaults().withStallLimit(o.stallMax)
                    .withRegistryOut(o.registryOut));
        } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            err.println("tlsready-sim: " + e.getMessage());
            return 2;
        }
        CountDownLatch done = stop != null ? stop : new CountDownLatch(1);
        AtomicBoolean summarised = new AtomicBoolean();
        Runnable finish = () -> {
            try {
                fleet.close();
            } catch (UncheckedIOException e) {
                err.println("tlsready-sim: " + e.getMessage());
            }
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

    private void announce(SimulatorOptions o, SimulatedFleet fleet) throws IOException {
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
        if (o.registryOut != null) {
            out.println("registries will be written to " + (endpoints.size() == 1 ? o.registryOut
                    : SimulatedFleet.registryFile(o.registryOut, "ADDRESS", true)) + " when the simulator stops");
        }
        if (o.endpointsOut != null) {
            List<String> lines = new ArrayList<>();
            endpoints.forEach(e -> lines.add(e.hostPort()));
            Files.write(o.endpointsOut, lines, StandardCharsets.UTF_8);
            out.println("endpoints written to " + o.endpointsOut);
        }
        if (o.readyFile != null) {
            writeReadyFile(o.readyFile, endpoints.size());
        }
        out.println("ready" + (o.duration != null ? " for " + o.duration.toSeconds() + " s" : "; Ctrl-C stops"));
        out.flush();
    }

    /**
     * Written under a temporary name beside it and renamed, so that a waiter never sees a half-written file. It
     * says who wrote it: {@code ready pid=N hosts=N}.
     */
    private static void writeReadyFile(Path file, int hosts) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path temp = absolute.resolveSibling("." + absolute.getFileName() + "." + ProcessHandle.current().pid()
                + ".tmp");
        try {
            Files.writeString(temp, "ready pid=" + ProcessHandle.current().pid() + " hosts=" + hosts + "\n",
                    StandardCharsets.UTF_8);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
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
        long writes = 0;
        Map<String, HostCounters> all = fleet.counters();
        for (HostCounters c : all.values()) {
            connections += c.connections();
            http += c.httpRequests();
            wsman += c.wsmanRequests();
            authFailures += c.authFailures();
            faults += c.injectedFaults();
            writes += c.registryWrites();
        }
        return "tlsready-sim: served " + all.size() + " host" + (all.size() == 1 ? "" : "s") + ": " + connections
                + " connections, " + http + " HTTP requests, " + wsman + " WS-Man requests, " + authFailures
                + " authentication failures, " + faults + " injected faults, " + writes + " registry writes";
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
        spec.writeFaults().forEach(f -> sb.append("  inject ").append(f.label()));
        return sb.toString();
    }
}
