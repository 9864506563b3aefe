package io.tlsready.domain.inventory;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * A host as users write it: {@code NAME}, {@code NAME:PORT}, an IPv4 address, or an IPv6 address, bare or in
 * brackets ({@code [fe80::1]:5986}; brackets are required to add a port). Parsing returns a problem in words
 * instead of throwing, so each caller can say where the text came from.
 */
public record HostPort(String host, OptionalInt port) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_])?\\.?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9_.-]+)?");

    /** The parsed host, or a one-line problem. */
    public record Parsed(Optional<HostPort> value, String problem) {
    }

    public static Parsed parse(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            return fail("empty host name");
        }
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                return fail("'" + s + "': missing ']' after the IPv6 address");
            }
            String addr = s.substring(1, close);
            String rest = s.substring(close + 1);
            if (!isIpv6(addr)) {
                return fail("'" + s + "': not an IPv6 address in brackets");
            }
            if (rest.isEmpty()) {
                return ok(addr, OptionalInt.empty());
            }
            if (!rest.startsWith(":")) {
                return fail("'" + s + "': expected ':PORT' after ']'");
            }
            return withPort(addr, rest.substring(1), s);
        }
        int colons = (int) s.chars().filter(c -> c == ':').count();
        if (colons > 1) {
            return isIpv6(s) ? ok(s, OptionalInt.empty())
                    : fail("'" + s + "': not a host name, NAME:PORT or IPv6 address");
        }
        if (colons == 1) {
            int i = s.indexOf(':');
            return validName(s.substring(0, i), s) ? withPort(s.substring(0, i), s.substring(i + 1), s) : badName(s);
        }
        return validName(s, s) ? ok(s, OptionalInt.empty()) : badName(s);
    }

    /** A port 1..65535, or empty when the text is not one. */
    public static OptionalInt port(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.length() > 5 || !t.chars().allMatch(Character::isDigit)) {
            return OptionalInt.empty();
        }
        int p = Integer.parseInt(t);
        return p >= 1 && p <= 65535 ? OptionalInt.of(p) : OptionalInt.empty();
    }

    private static Parsed withPort(String host, String portText, String whole) {
        OptionalInt p = port(portText);
        return p.isPresent() ? ok(host, p) : fail("'" + whole + "': the port must be a number 1..65535");
    }

    private static boolean validName(String name, String whole) {
        return name.length() <= 253 && NAME.matcher(name).matches();
    }

    private static boolean isIpv6(String s) {
        return s.indexOf(':') >= 0 && IPV6.matcher(s).matches();
    }

    private static Parsed badName(String s) {
        return fail("'" + s + "' is not a host name (letters, digits, '-', '.', optional :PORT)");
    }

    private static Parsed ok(String host, OptionalInt port) {
        return new Parsed(Optional.of(new HostPort(host, port)), "");
    }

    private static Parsed fail(String problem) {
        return new Parsed(Optional.empty(), problem);
    }
}
