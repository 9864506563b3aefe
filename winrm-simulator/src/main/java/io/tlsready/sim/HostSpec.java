package io.tlsready.sim;

import io.tlsready.domain.facts.HostFacts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
 * @param keytab   the service keys for KERBEROS and KERBEROS_HTTPS (its principals are the host's SPNs)
 * @param writeFaults faults on registry writes ({@code write-denied:KEY}, {@code drop-after:N}); empty for none
 */
public record HostSpec(String name, String address, int port, Auth auth, String user, char[] password,
        HostFacts facts, Duration latency, Set<FaultKind> faults, Optional<Path> keytab, List<WriteFault> writeFaults) {

    /** How a caller authenticates. */
    public enum Auth {
        /** HTTP (5985), NTLM via the Negotiate scheme, WinRM message encryption (multipart/encrypted). */
        NTLM,
        /** HTTPS (5986) with a self-signed certificate, Basic authentication, plain SOAP inside TLS. */
        BASIC_HTTPS,
        /** HTTP (5985), Kerberos via the Negotiate scheme, WinRM Kerberos message encryption. */
        KERBEROS,
        /** HTTPS (5986) with a self-signed certificate, Kerberos (SPNEGO or raw) per request, plain SOAP in TLS. */
        KERBEROS_HTTPS;

        public String scheme() {
            return tls() ? "https" : "http";
        }

        public boolean tls() {
            return this == BASIC_HTTPS || this == KERBEROS_HTTPS;
        }

        public boolean kerberos() {
            return this == KERBEROS || this == KERBEROS_HTTPS;
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
        Objects.requireNonNull(keytab, "keytab");
        writeFaults = List.copyOf(writeFaults);
    }

    public HostSpec(String name, String address, int port, Auth auth, String user, char[] password,
            HostFacts facts, Duration latency, Set<FaultKind> faults, Optional<Path> keytab) {
        this(name, address, port, auth, user, password, facts, latency, faults, keytab, List.of());
    }

    /** The same host with one more fault on registry writes. */
    public HostSpec withWriteFault(WriteFault value) {
        List<WriteFault> all = new java.util.ArrayList<>(writeFaults);
        all.add(value);
        return new HostSpec(name, address, port, auth, user, password, facts, latency, faults, keytab, all);
    }

    /** A healthy host on {@code address:port}. */
    public static HostSpec of(String name, String address, int port, Auth auth, String user, char[] password,
            HostFacts facts) {
        return new HostSpec(name, address, port, auth, user, password, facts, Duration.ZERO, Set.of(),
                Optional.empty());
    }

    /** A healthy Kerberos host on {@code address:port} whose service keys are in {@code keytab}. */
    public static HostSpec kerberos(String name, String address, int port, boolean https, Path keytab,
            HostFacts facts) {
        return new HostSpec(name, address, port, https ? Auth.KERBEROS_HTTPS : Auth.KERBEROS, "(kerberos)",
                new char[0], facts, Duration.ZERO, Set.of(), Optional.of(keytab));
    }

    public HostSpec withLatency(Duration value) {
        return new HostSpec(name, address, port, auth, user, password, facts, value, faults, keytab, writeFaults);
    }

    public HostSpec withFaults(Set<FaultKind> value) {
        return new HostSpec(name, address, port, auth, user, password, facts, latency, value, keytab, writeFaults);
    }

    public HostSpec withFault(FaultKind value) {
        EnumSet<FaultKind> all = faults.isEmpty() ? EnumSet.noneOf(FaultKind.class) : EnumSet.copyOf(faults);
        all.add(value);
        return withFaults(all);
    }

    /** The same host with Kerberos keys (for KERBEROS and KERBEROS_HTTPS). */
    public HostSpec withKeytab(Path value) {
        return new HostSpec(name, address, port, auth, user, password, facts, latency, faults, Optional.of(value), writeFaults);
    }

    public HostSpec withPort(int value) {
        return new HostSpec(name, address, value, auth, user, password, facts, latency, faults, keytab, writeFaults);
    }

    public boolean has(FaultKind kind) {
        return faults.contains(kind);
    }

    @Override
    public String toString() {
        return "HostSpec[" + name + " " + auth.scheme() + "://" + address + ":" + port + ", user=" + user
                + ", password=***, latency=" + latency.toMillis() + "ms, faults=" + faults
                + (writeFaults.isEmpty() ? "" : ", writeFaults=" + writeFaults) + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostSpec h && h.name.equals(name) && h.address.equals(address) && h.port == port
                && h.auth == auth && h.user.equals(user) && java.util.Arrays.equals(h.password, password)
                && h.facts.equals(facts) && h.latency.equals(latency) && h.faults.equals(faults)
                && h.keytab.equals(keytab) && h.writeFaults.equals(writeFaults);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, address, port, auth, user);
    }
}
