package io.tlsready.app.rest.guard;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the guard needs to know, validated once (by the server's builder), so that the module never branches.
 *
 * @param listenHost            the address the server binds (its loopback names are always allowed as Host)
 * @param tls                   the certificate and key to serve HTTPS with; empty serves plain HTTP
 * @param allowedHosts          extra names the {@code Host} header may carry ({@code name} any port, or
 *                              {@code name:port})
 * @param maxConcurrentRequests requests handled at once (all but {@code /healthz}); more wait, then get 503
 * @param maxConcurrentUploads  evidence uploads ({@code POST /api/v1/audits}) handled at once: each reads whole
 *                              files into memory to audit them, so this bounds the heap they take
 * @param maxQueuedRequests     requests that may wait for a slot; past that 503 at once
 * @param maxWait               how long a request may wait for a slot before a 503
 * @param idleTimeout           a connection that sends nothing for this long is closed
 * @param minRequestBytesPerSecond a request body slower than this (once it started) is dropped with 408
 */
public record GuardSettings(String listenHost, Optional<ServerTls> tls, List<String> allowedHosts,
        int maxConcurrentRequests, int maxConcurrentUploads, int maxQueuedRequests, Duration maxWait,
        Duration idleTimeout, long minRequestBytesPerSecond) {

    public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 64;
    public static final int DEFAULT_MAX_QUEUED_REQUESTS = 512;
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(20);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    public static final long DEFAULT_MIN_REQUEST_BYTES_PER_SECOND = 1024;

    public GuardSettings {
        Objects.requireNonNull(listenHost, "listenHost");
        Objects.requireNonNull(tls, "tls");
        allowedHosts = allowedHosts.stream().map(GuardSettings::checkedHost).toList();
        positive("maxConcurrentRequests", maxConcurrentRequests);
        positive("maxConcurrentUploads", maxConcurrentUploads);
        if (maxQueuedRequests < 0) {
            throw new IllegalArgumentException("maxQueuedRequests must be 0 or more, was " + maxQueuedRequests);
        }
        positive("maxWait", maxWait.toMillis());
        positive("idleTimeout", idleTimeout.toMillis());
        positive("minRequestBytesPerSecond", minRequestBytesPerSecond);
        if (maxWait.compareTo(idleTimeout) >= 0) {
            // a waiting request reads nothing, so its connection would be closed as idle, without an answer
            throw new IllegalArgumentException("maxWait (" + maxWait + ") must be shorter than idleTimeout ("
                    + idleTimeout + ")");
        }
    }

    /** The defaults for a server on {@code listenHost}: plain HTTP, loopback names only. */
    public static GuardSettings defaults(String listenHost) {
        return new GuardSettings(listenHost, Optional.empty(), List.of(), DEFAULT_MAX_CONCURRENT_REQUESTS,
                defaultUploads(), DEFAULT_MAX_QUEUED_REQUESTS, DEFAULT_MAX_WAIT, DEFAULT_IDLE_TIMEOUT,
                DEFAULT_MIN_REQUEST_BYTES_PER_SECOND);
    }

    /** One per core: an audit holds its files in memory and is CPU work once they are on disk. */
    static int defaultUploads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    public GuardSettings withTls(ServerTls serverTls) {
        return new GuardSettings(listenHost, Optional.of(serverTls), allowedHosts, maxConcurrentRequests,
                maxConcurrentUploads, maxQueuedRequests, maxWait, idleTimeout, minRequestBytesPerSecond);
    }

    public GuardSettings withAllowedHosts(List<String> hosts) {
        return new GuardSettings(listenHost, tls, hosts, maxConcurrentRequests, maxConcurrentUploads,
                maxQueuedRequests, maxWait, idleTimeout, minRequestBytesPerSecond);
    }

    public GuardSettings withLimits(int concurrent, int uploads, int queued, Duration wait) {
        return new GuardSettings(listenHost, tls, allowedHosts, concurrent, uploads, queued, wait, idleTimeout,
                minRequestBytesPerSecond);
    }

    public GuardSettings withTimeouts(Duration idle, long minBytesPerSecond) {
        return new GuardSettings(listenHost, tls, allowedHosts, maxConcurrentRequests, maxConcurrentUploads,
                maxQueuedRequests, maxWait, idle, minBytesPerSecond);
    }

    private static String checkedHost(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.isEmpty() || !h.matches("[a-z0-9._\\-\\[\\]:]+")) {
            throw new IllegalArgumentException("allowed host '" + host + "' is not a host name, address or"
                    + " name:port");
        }
        return h;
    }

    private static void positive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
