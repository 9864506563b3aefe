package io.tlsready.app.rest.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The names a request's {@code Host} header may carry, against DNS rebinding: a web page on {@code evil.example}
 * that re-points its name at 127.0.0.1 reaches this server with {@code Host: evil.example:PORT}, which is refused.
 * Always allowed: the loopback names ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}) and the listen address
 * unless it is a wildcard, each with the port the connection came in on; added names with any port, or only the
 * port they name ({@code name:port}).
 */
final class HostAllowList {

    private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "::", "[::]", "0:0:0:0:0:0:0:0");

    private final Set<String> samePort;
    private final List<Authority> added;

    HostAllowList(String listenHost, List<String> allowed) {
        List<String> own = new ArrayList<>(List.of("localhost", "127.0.0.1", "[::1]"));
        String listen = bracketed(listenHost.toLowerCase(Locale.ROOT));
        if (!WILDCARDS.contains(listen)) {
            own.add(listen);
        }
        this.samePort = Set.copyOf(own);
        this.added = allowed.stream().map(a -> parse(a, -1).orElseThrow(
                () -> new IllegalArgumentException("allowed host '" + a + "' is not name or name:port"))).toList();
    }

    /**
     * @param host        the Host header as sent (null when absent)
     * @param localPort   the port the connection arrived on
     * @param defaultPort the scheme's port (80 or 443), meant when the header names none
     */
    boolean allows(String host, int localPort, int defaultPort) {
        if (host == null) {
            return false;
        }
        Optional<Authority> parsed = parse(host, defaultPort);
        if (parsed.isEmpty()) {
            return false;
        }
        Authority a = parsed.get();
        if (samePort.contains(a.name()) && a.port() == localPort) {
            return true;
        }
        return added.stream().anyMatch(x -> x.name().equals(a.name()) && (x.port() < 0 || x.port() == a.port()));
    }

    /** {@code name}, {@code name:port}, {@code [v6]} or {@code [v6]:port}; a trailing dot of a name is dropped. */
    static Optional<Authority> parse(String text, int defaultPort) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        String name;
        String port = null;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            name = s.substring(0, close + 1);
            String rest = s.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    return Optional.empty();
                }
                port = rest.substring(1);
            }
        } else {
            int colon = s.indexOf(':');
            if (colon >= 0 && s.indexOf(':', colon + 1) >= 0) {
                return Optional.empty(); // an unbracketed IPv6 address is not a valid Host
            }
            name = colon < 0 ? s : s.substring(0, colon);
            port = colon < 0 ? null : s.substring(colon + 1);
        }
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.isEmpty() || name.equals("[]")) {
            return Optional.empty();
        }
        if (port == null) {
            return Optional.of(new Authority(name, defaultPort));
        }
        if (!port.matches("\\d{1,5}")) {
            return Optional.empty();
        }
        return Optional.of(new Authority(name, Integer.parseInt(port)));
    }

    private static String bracketed(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** A host name and port; port -1 means any. */
    record Authority(String name, int port) {
    }
}
