package io.tlsready.app.rest.serve;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The value of {@code --listen}: {@code HOST:PORT}, {@code [V6]:PORT} or a bare {@code PORT} (on loopback). */
record Listen(String host, int port) {

    static final Listen DEFAULT = new Listen("127.0.0.1", 8080);

    Listen {
        Objects.requireNonNull(host, "host");
    }

    static Listen parse(String text) {
        String s = text.strip();
        int colon = s.lastIndexOf(':');
        String host = colon < 0 ? DEFAULT.host() : s.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new TypeConversionException("'" + text + "': write IPv6 addresses in brackets, e.g. [::1]:8080");
        }
        if (host.isBlank()) {
            throw new TypeConversionException("'" + text + "' has no host: write HOST:PORT, e.g. 127.0.0.1:8080");
        }
        int port;
        try {
            port = Integer.parseInt(colon < 0 ? s : s.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + text + "' is not HOST:PORT (e.g. 127.0.0.1:8080)");
        }
        if (port < 0 || port > 65_535) {
            throw new TypeConversionException("'" + text + "': the port must be 0..65535 (0 = any free port)");
        }
        return new Listen(host, port);
    }

    /** True when every address the host stands for is a loopback address; wildcards never are. */
    boolean isLoopback() {
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            throw new ServeFailure(ServeFailure.BAD_INPUT, "--listen: cannot resolve host '" + host + "'", e);
        }
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** picocli's converter for {@code --listen}. */
    static final class Converter implements ITypeConverter<Listen> {

        @Override
        public Listen convert(String value) {
            return parse(value);
        }
    }
}
