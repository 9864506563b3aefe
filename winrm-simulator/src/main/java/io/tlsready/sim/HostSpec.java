package io.tlsready.sim;

import io.tlsready.domain.facts.HostFacts;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One simulated Windows host: where it listens, how callers authenticate, the facts it serves and the faults it
 * injects.
 *
 * @param name     the computer name (NTLM target info, f:WSManFault Machine; CSName when the facts lack one)
 * @param address  a loopback address to bind, e.g. {@code 127.0.1.7}
 * @param port     the TCP port; 0 picks a free one
 * @param auth     NTLM with message encryption over HTTP, or Basic over HTTPS
 * @param user     the one local account that may log on
 * @param password its password (kept for the life of the host; never printed)
 * @param facts    what the host's registry and WMI hold
 * @param latency  added before every HTTP answer (zero for none)
 * @param faults   injected faults (empty for a healthy host)
 */
public record HostSpec(String name, String address, int port, Auth auth, String user, char[] password,
        HostFacts facts, Duration latency, Set<FaultKind> faults) {

    /** How a caller authenticates. */
    public enum Auth {
        /** HTTP (5985), NTLM via the Negotiate scheme, WinRM message encryption (multipart/encrypted). */
        NTLM,
        /** HTTPS (5986) with a self-signed certificate, Basic authentication, plain SOAP inside TLS. */
        BASIC_HTTPS;

        public String scheme() {
            return this == NTLM ? "http" : "https";
        }
    }

    public HostSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(latency, "latency");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (latency.isNegative()) {
            throw new IllegalArgumentException("negative latency");
        }
        faults = faults.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(faults));
    }

    /** A healthy host on {@code address:port}. */
    public static HostSpec of(String name, String address, int port, Auth auth, String user, char[] password,
            HostFacts facts) {
        return new HostSpec(name, address, port, auth, user, password, facts, Duration.ZERO, Set.of());
    }

    public HostSpec withLatency(Duration value) {
        return new HostSpec(name, address, port, auth, user, password, facts, value, faults);
    }

    public HostSpec withFaults(Set<FaultKind> value) {
        return new HostSpec(name, address, port, auth, user, password, facts, latency, value);
    }

    public HostSpec withFault(FaultKind value) {
        EnumSet<FaultKind> all = faults.isEmpty() ? EnumSet.noneOf(FaultKind.class) : EnumSet.copyOf(faults);
        all.add(value);
        return withFaults(all);
    }

    public HostSpec withPort(int value) {
        return new HostSpec(name, address, value, auth, user, password, facts, latency, faults);
    }

    public boolean has(FaultKind kind) {
        return faults.contains(kind);
    }

    @Override
    public String toString() {
        return "HostSpec[" + name + " " + auth.scheme() + "://" + address + ":" + port + ", user=" + user
                + ", password=***, latency=" + latency.toMillis() + "ms, faults=" + faults + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostSpec h && h.name.equals(name) && h.address.equals(address) && h.port == port
                && h.auth == auth && h.user.equals(user) && java.util.Arrays.equals(h.password, password)
                && h.facts.equals(facts) && h.latency.equals(latency) && h.faults.equals(faults);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, address, port, auth, user);
    }
}
