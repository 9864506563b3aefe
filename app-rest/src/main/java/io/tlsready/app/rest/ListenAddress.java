package io.tlsready.app.rest;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * Where the server listens. Anything but a loopback address needs an explicit opt-in, because the API has
 * neither authentication nor TLS, and what people upload (registry exports, update lists) maps a host's
 * security configuration.
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

    /** The reason a non-loopback address is refused, naming the switch that overrides it. */
    String refusal(String overrideSwitch) {
        return "refusing to listen on " + host + ": the tlsready REST API has no authentication and no TLS, and"
                + " uploaded evidence describes a host's security configuration, so it binds to loopback only;"
                + " put it behind an authenticating TLS proxy and pass " + overrideSwitch
                + " to listen beyond this machine";
    }

    /** The base URI for a port actually bound. */
    URI uri(int boundPort) {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + h + ":" + boundPort + "/");
    }
}
