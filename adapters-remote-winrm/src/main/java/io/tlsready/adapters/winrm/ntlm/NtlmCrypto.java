package io.tlsready.adapters.winrm.ntlm;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The NTLM cryptographic functions of MS-NLMP 3.3 and 3.4.5, with the primitives of section 6. */
final class NtlmCrypto {

    /** 100-ns ticks between 1601-01-01 and 1970-01-01 (FILETIME epoch, MS-DTYP 2.3.3). */
    private static final long FILETIME_EPOCH_OFFSET_SECONDS = 11_644_473_600L;

    private static final byte[] CLIENT_SIGNING = magic("session key to client-to-server signing key magic constant");
    private static final byte[] SERVER_SIGNING = magic("session key to server-to-client signing key magic constant");
    private static final byte[] CLIENT_SEALING = magic("session key to client-to-server sealing key magic constant");
    private static final byte[] SERVER_SEALING = magic("session key to server-to-client sealing key magic constant");

    private NtlmCrypto() {
    }

    /** The 3.4.5 constants are null-terminated ASCII strings. */
    private static byte[] magic(String text) {
        return Arrays.copyOf(text.getBytes(StandardCharsets.US_ASCII), text.length() + 1);
    }

    static byte[] md5(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("MD5");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (GeneralSecurityException e) {
            throw new NtlmException("MD5 is not available from the Java security providers", e);
        }
    }

    static byte[] hmacMd5(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(key, "HmacMD5"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new NtlmException("HMAC-MD5 is not available from the Java security providers", e);
        }
    }

    static byte[] unicode(String text) {
        return text.getBytes(Wire.UNICODE);
    }

    /** NTOWFv1(Passwd) = MD4(UNICODE(Passwd)) (3.3.1); also the key NTOWFv2 is built on. */
    static byte[] ntowfv1(char[] password) {
        byte[] encoded = unicode(new String(password));
        try {
            return Md4.digest(encoded);
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    /** NTOWFv2 = HMAC_MD5(MD4(UNICODE(Passwd)), UNICODE(ConcatenationOf(Uppercase(User), UserDom))) (3.3.2). */
    static byte[] ntowfv2(byte[] ntHash, String user, String domain) {
        return hmacMd5(ntHash, unicode(user.toUpperCase(Locale.ROOT) + domain));
    }

    /** NTProofStr = HMAC_MD5(ResponseKeyNT, ConcatenationOf(ServerChallenge, temp)) (3.3.2). */
    static byte[] ntProofStr(byte[] responseKeyNt, byte[] serverChallenge, byte[] temp) {
        return hmacMd5(responseKeyNt, serverChallenge, temp);
    }

    /** LmChallengeResponse = HMAC_MD5(ResponseKeyLM, ServerChallenge || ClientChallenge) || ClientChallenge. */
    static byte[] lmv2Response(byte[] responseKeyLm, byte[] serverChallenge, byte[] clientChallenge) {
        byte[] proof = hmacMd5(responseKeyLm, serverChallenge, clientChallenge);
        byte[] response = Arrays.copyOf(proof, 24);
        System.arraycopy(clientChallenge, 0, response, 16, 8);
        return response;
    }

    /** SessionBaseKey = HMAC_MD5(ResponseKeyNT, NTProofStr) (3.3.2); with NTLMv2, KeyExchangeKey is the same. */
    static byte[] sessionBaseKeyV2(byte[] responseKeyNt, byte[] ntProofStr) {
        return hmacMd5(responseKeyNt, ntProofStr);
    }

    /** NTLMv1 SessionBaseKey = MD4(NTOWFv1) (3.3.1); only used to check the spec's shared test values. */
    static byte[] sessionBaseKeyV1(byte[] ntHash) {
        return Md4.digest(ntHash);
    }

    /** KXKEY for NTLMv1 with extended session security (3.4.5.1); kept for the 4.2.3 test values. */
    static byte[] kxkeyV1ExtendedSessionSecurity(byte[] sessionBaseKey, byte[] serverChallenge, byte[] lmResponse) {
        return hmacMd5(sessionBaseKey, serverChallenge, Arrays.copyOf(lmResponse, 8));
    }

    /** SIGNKEY (3.4.5.2); NTLMSSP_NEGOTIATE_EXTENDED_SESSIONSECURITY is required. */
    static byte[] signKey(int flags, byte[] exportedSessionKey, boolean client) {
        requireExtendedSessionSecurity(flags);
        return md5(exportedSessionKey, client ? CLIENT_SIGNING : SERVER_SIGNING);
    }

    /** SEALKEY (3.4.5.3) with extended session security: 128, 56 or 40 bits of the key, then MD5 with the magic. */
    static byte[] sealKey(int flags, byte[] exportedSessionKey, boolean client) {
        requireExtendedSessionSecurity(flags);
        byte[] key;
        if (NegotiateFlags.has(flags, NegotiateFlags.NEGOTIATE_128)) {
            key = exportedSessionKey;
        } else if (NegotiateFlags.has(flags, NegotiateFlags.NEGOTIATE_56)) {
            key = Arrays.copyOf(exportedSessionKey, 7);
        } else {
            key = Arrays.copyOf(exportedSessionKey, 5);
        }
        return md5(key, client ? CLIENT_SEALING : SERVER_SEALING);
    }

    private static void requireExtendedSessionSecurity(int flags) {
        if (!NegotiateFlags.has(flags, NegotiateFlags.NEGOTIATE_EXTENDED_SESSIONSECURITY)) {
            throw new NtlmException("session security without NTLMSSP_NEGOTIATE_EXTENDED_SESSIONSECURITY is not "
                    + "supported");
        }
    }

    /** Currenttime (section 6): 100-ns ticks since 1601-01-01 UTC. */
    static long fileTime(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond() + FILETIME_EPOCH_OFFSET_SECONDS, 10_000_000L),
                instant.getNano() / 100);
    }

    static Instant instant(long fileTime) {
        long ticks = fileTime - FILETIME_EPOCH_OFFSET_SECONDS * 10_000_000L;
        return Instant.ofEpochSecond(Math.floorDiv(ticks, 10_000_000L), Math.floorMod(ticks, 10_000_000L) * 100);
    }

    /** Constant-time comparison. */
    static boolean same(byte[] a, byte[] b) {
        return a != null && b != null && MessageDigest.isEqual(a, b);
    }
}
