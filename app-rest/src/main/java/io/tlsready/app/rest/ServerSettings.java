package io.tlsready.app.rest;

import java.util.Objects;

/**
 * What the REST wiring needs to know about the server it builds. Validated once, in the builder, so the
 * module never branches on it.
 */
record ServerSettings(ListenAddress listen, long maxRequestBytes) {

    /** Evidence for one host is a few MiB at most; 32 MiB leaves room for whole-hive .reg exports. */
    static final long DEFAULT_MAX_REQUEST_BYTES = 32L * 1024 * 1024;

    ServerSettings {
        Objects.requireNonNull(listen, "listen");
        if (maxRequestBytes < 1 || maxRequestBytes > Integer.MAX_VALUE) {
            // multipart parts are kept in memory up to this size, and Jetty counts that in an int
            throw new IllegalArgumentException("maxRequestBytes must be between 1 and " + Integer.MAX_VALUE
                    + ", was " + maxRequestBytes);
        }
    }
}
