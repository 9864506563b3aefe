package io.tlsready.sim;

import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * An HTTP {@code Authorization} header split once, for every scheme the simulator serves: the scheme as the client
 * sent it (echoed back in {@code WWW-Authenticate}) and its Base64 credentials (an NTLM or Kerberos token, or
 * Basic's {@code user:password}).
 */
record AuthorizationHeader(String scheme, String credentials) {

    /** Empty when the header has no credentials after the scheme. */
    static Optional<AuthorizationHeader> parse(String header) {
        String[] parts = header.strip().split("\\s+", 2);
        if (parts.length < 2) {
            return Optional.empty();
        }
        return Optional.of(new AuthorizationHeader(parts[0], parts[1].strip()));
    }

    /** Whether the scheme is one of {@code names} (lower case; schemes are case-insensitive). */
    boolean hasScheme(String... names) {
        String lower = scheme.toLowerCase(Locale.ROOT);
        for (String name : names) {
            if (lower.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The credentials decoded, or empty when they are not Base64. */
    Optional<byte[]> decoded() {
        try {
            return Optional.of(Base64.getDecoder().decode(credentials));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
