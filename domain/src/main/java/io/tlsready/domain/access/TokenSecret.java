package io.tlsready.domain.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Token secrets: 256 random bits, shown once, stored as SHA-256. A plain (unsalted, fast) hash is right here,
 * unlike for passwords: the secret is random and long, so no dictionary or brute force reaches it, and a fast
 * hash lets every request be checked by one indexed lookup.
 */
public final class TokenSecret {

    /** Marks a string as a tlsready token, so secret scanners and people recognise a leaked one. */
    public static final String PREFIX = "tlsr_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecret() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Hex SHA-256 of the secret as typed (the prefix included). */
    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** A short public id for a new token (what lists and revocation use). */
    public static String newId() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
