package io.tlsready.sim;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code tlsready-sim}'s command line, parsed and checked: which evidence, how many hosts where, which
 * authentication, latency, faults to inject, and where to write the certificate and the endpoints. A wrong option
 * is a {@link UsageException} naming it.
 */
final class SimulatorOptions {

    static final String PASSWORD_ENV = "TLSREADY_PASSWORD";

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
    final Map<WriteFault, Double> injectWrites = new LinkedHashMap<>();
    Path registryOut;
    long seed = 1;
    Duration stallMax = Duration.ofSeconds(30);
    Path certOut;
    Path endpointsOut;
    Path readyFile;
    Duration duration;
    Path keytab;

    static final class UsageException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static SimulatorOptions parse(String[] args) {
        SimulatorOptions o = new SimulatorOptions();
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
                    if (WriteFault.names(v)) {
                        writeFault(o, v);
                        break;
                    }
                    int colon = v.lastIndexOf(':');
                    String kind = colon < 0 ? v : v.substring(0, colon);
                    FaultKind k = FaultKind.parse(kind).orElseThrow(() -> new UsageException("--inject: unknown"
                            + " fault '" + kind + "' (401, 500, timedout, reset, stall, oversized, malformed, refused,"
                            + " write-denied:KEY, drop-after:N)"));
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
                case "--ready-file":
                    o.readyFile = Path.of(value(args, ++i, a));
                    break;
                case "--registry-out":
                    o.registryOut = Path.of(value(args, ++i, a));
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

    /** The hosts to serve, on which addresses and ports (one host: --listen; a fleet: from --base). */
    FleetPlan plan(char[] password) {
        String address;
        int port;
        int colon = listen.lastIndexOf(':');
        if (colon < 0) {
            throw new UsageException("--listen wants ADDRESS:PORT, e.g. 127.0.0.1:5985");
        }
        address = listen.substring(0, colon).replace("[", "").replace("]", "");
        port = integer(listen.substring(colon + 1), "--listen", 0, 65_535);
        if (hosts > 1) {
            address = base;
            if (!listenGiven) {
                port = auth.tls() ? 5986 : 5985;
            }
        } else if (!listenGiven && auth.tls()) {
            port = 5986;
        }
        return new FleetPlan(hosts, address, port, auth, user, password, latency, latencyShare, inject, seed,
                injectWrites);
    }

    static String usage() {
        return "usage: tlsready-sim --evidence FILE… [--listen ADDRESS:PORT] [--auth ntlm|basic-https] --user NAME\n"
                + "       tlsready-sim --evidence FILE… --auth kerberos|kerberos-https --keytab FILE [--listen …]\n"
                + "                    [--hosts N [--base 127.0.1.1]] [--latency MS[:FRACTION]]\n"
                + "                    [--inject 401|500|timedout|reset|stall|oversized|malformed|refused[:FRACTION]]…\n"
                + "                    [--inject write-denied:KEY[:FRACTION]] [--inject drop-after:N[:FRACTION]]\n"
                + "                    [--seed N] [--stall-max MS] [--cert-out FILE] [--endpoints-out FILE]"
                + " [--duration SECONDS]\n"
                + "                    [--registry-out FILE] [--ready-file FILE]\n"
                + "--ready-file FILE: deleted at start, written (atomically) once every simulated host listens, after\n"
                + "  --cert-out and --endpoints-out: wait for it with  until [ -e FILE ]; do sleep 0.2; done\n"
                + "write faults: write-denied:KEY answers 5 (access denied) to every StdRegProv write under KEY\n"
                + "  (HKLM\\..., 32-bit keys with WOW6432Node, case-insensitive); drop-after:N resets the connection\n"
                + "  of the first request after N successful writes, once. :FRACTION (<1) puts it on that share of hosts.\n"
                + "--registry-out FILE: when the simulator stops (Ctrl-C, SIGTERM, --duration) it writes each host's\n"
                + "  whole registry, writes included, as a regedit .reg (UTF-16LE, sorted, deterministic); with\n"
                + "  --hosts N, one file per host with its address before the extension (reg.reg ->"
                + " reg-127.0.1.1.reg).\n"
                + "password (ntlm, basic): environment variable " + PASSWORD_ENV;
    }

    /** {@code write-denied:KEY[:FRACTION]} or {@code drop-after:N[:FRACTION]}. */
    private static void writeFault(SimulatorOptions o, String v) {
        int first = v.indexOf(':');
        String kind = v.substring(0, first).toLowerCase(Locale.ROOT);
        String rest = v.substring(first + 1);
        double share = 1.0;
        int last = rest.lastIndexOf(':');
        if (last > 0 && rest.substring(last + 1).matches("[0-9.]+%?")) {
            share = fraction(rest.substring(last + 1), "--inject");
            rest = rest.substring(0, last);
        }
        try {
            WriteFault fault = kind.equals("write-denied") ? WriteFault.writeDenied(rest)
                    : WriteFault.dropAfter(integer(rest, "--inject drop-after", 0, Integer.MAX_VALUE));
            o.injectWrites.put(fault, share);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--inject: " + e.getMessage());
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    private static HostSpec.Auth auth(String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
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
