package io.tlsready.adapters.winrm.ntlm;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * The NTLMv2 checks a server makes on an AUTHENTICATE_MESSAGE (MS-NLMP 3.2.5.1.2), over the same functions the
 * client computes. Public on purpose, and only for peers: the WinRM host simulator's NTLM server (winrm-simulator,
 * {@code io.tlsready.sim.ntlm}) lives outside this adapter and needs these few answers, not the primitives behind
 * them ({@code NtlmCrypto}, {@code Rc4} stay package-private). The adapter itself never calls this class.
 */
public final class NtlmV2Proofs {

    private NtlmV2Proofs() {
    }

    /**
     * The KeyExchangeKey (= SessionBaseKey for NTLMv2) when {@code response}'s NTProofStr proves that the client
     * knows {@code account}'s password for {@code userDomain}; empty when it does not.
     */
    public static Optional<byte[]> keyExchangeKey(NtlmCredentials account, String userDomain, byte[] serverChallenge,
            NtlmV2Response response) {
        byte[] responseKey = account.responseKey(userDomain);
        byte[] expected = NtlmCrypto.ntProofStr(responseKey, serverChallenge, response.temp());
        if (!NtlmCrypto.same(expected, response.ntProofStr())) {
            return Optional.empty();
        }
        return Optional.of(NtlmCrypto.sessionBaseKeyV2(responseKey, expected));
    }

    /** KEY_EXCH: the ExportedSessionKey is the client's random key, RC4-encrypted with the KeyExchangeKey. */
    public static byte[] exportedSessionKey(byte[] keyExchangeKey, byte[] encryptedRandomSessionKey) {
        return Rc4.once(keyExchangeKey, encryptedRandomSessionKey);
    }

    /**
     * Whether the MIC of {@code authenticate} is HMAC_MD5(ExportedSessionKey, NEGOTIATE + CHALLENGE + AUTHENTICATE
     * with its MIC field zeroed): the three messages arrived as the client sent them.
     */
    public static boolean micMatches(byte[] exportedSessionKey, byte[] negotiate, byte[] challenge,
            byte[] authenticate, byte[] mic) {
        byte[] zeroed = authenticate.clone();
        Arrays.fill(zeroed, AuthenticateMessage.MIC_OFFSET,
                AuthenticateMessage.MIC_OFFSET + AuthenticateMessage.MIC_LENGTH, (byte) 0);
        return NtlmCrypto.same(NtlmCrypto.hmacMd5(exportedSessionKey, negotiate, challenge, zeroed), mic);
    }

    /** Constant-time comparison (a channel-binding hash, a MIC). */
    public static boolean same(byte[] a, byte[] b) {
        return NtlmCrypto.same(a, b);
    }

    /** FILETIME (100-ns ticks since 1601-01-01 UTC), as in MsvAvTimestamp. */
    public static long fileTime(Instant instant) {
        return NtlmCrypto.fileTime(instant);
    }

    /** The instant of a FILETIME. */
    public static Instant instant(long fileTime) {
        return NtlmCrypto.instant(fileTime);
    }
}
