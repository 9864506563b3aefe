package io.tlsready.app.rest;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * Where the server listens. Anything but a loopback address needs TLS or an explicit opt-in, because tokens
 * and what people upload (registry exports, update lists, which map a host's security configuration) must not
 * cross a network in clear text.
 */
record ListenAddress(String host, int port) {

    static final String LOOPBACK = "127.0.0.1";

    ListenAddress {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("listen host is empty");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535 (0 = any free port), was " + port);
        }
    }

    /** True when every address the host name stands for is a loopback address; wildcards never are. */
    boolean isLoopback() {
        try {
            InetAddress[] all = InetAddress.getAllByName(host);
            for (InetAddress a : all) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return all.length > 0;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve listen host '" + host + "'", e);
        }
    }

    /** The reason a non-loopback address without TLS is refused, naming the switches that override it. */
    String refusal(String tlsSwitch, String insecureSwitch) {
        return "refusing to listen on " + host + " without TLS: bearer tokens and uploaded evidence (a host's"
                + " security configuration) would cross the network in clear text; give a certificate and key ("
                + tlsSwitch + "), or pass " + insecureSwitch + " when a TLS-terminating proxy is in front";
    }

    /** The base URI for a port actually bound ({@code https} when TLS is on). */
    URI uri(int boundPort, boolean tls) {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return URI.create((tls ? "https" : "http") + "://" + h + ":" + boundPort + "/");
    }
}
