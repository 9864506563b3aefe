package io.tlsready.adapters.winrm.ntlm;

import java.time.Clock;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * The client side of one connection-oriented NTLMv2 handshake (MS-NLMP 3.1.5.1): {@link #negotiate()}, then
 * {@link #authenticate(byte[])} with the server's CHALLENGE, then {@link #session()} for sealing. One instance per
 * connection; not reusable.
 */
public final class NtlmClient {

    /**
     * The flags offered in the NEGOTIATE_MESSAGE (3.1.5.1.1): UNICODE, REQUEST_TARGET, SIGN, SEAL, NTLM, ALWAYS_SIGN,
     * EXTENDED_SESSIONSECURITY, TARGET_INFO, VERSION, 128, KEY_EXCH, 56.
     */
    public static final int OFFERED_FLAGS = NegotiateFlags.NEGOTIATE_UNICODE | NegotiateFlags.REQUEST_TARGET
            | NegotiateFlags.NEGOTIATE_SIGN | NegotiateFlags.NEGOTIATE_SEAL | NegotiateFlags.NEGOTIATE_NTLM
            | NegotiateFlags.NEGOTIATE_ALWAYS_SIGN | NegotiateFlags.NEGOTIATE_EXTENDED_SESSIONSECURITY
            | NegotiateFlags.NEGOTIATE_TARGET_INFO | NegotiateFlags.NEGOTIATE_VERSION | NegotiateFlags.NEGOTIATE_128
            | NegotiateFlags.NEGOTIATE_KEY_EXCH | NegotiateFlags.NEGOTIATE_56;

    private static final int CONFIDENTIALITY = NegotiateFlags.NEGOTIATE_SIGN | NegotiateFlags.NEGOTIATE_SEAL
            | NegotiateFlags.NEGOTIATE_EXTENDED_SESSIONSECURITY | NegotiateFlags.NEGOTIATE_128;

    private final NtlmCredentials credentials;
    private final String workstation;
    private final String targetName;
    private final byte[] channelBindingsHash;
    private final NtlmVersion version;
    private final Clock clock;
    private final NonceSource nonces;
    private final boolean requireConfidentiality;

    private byte[] negotiateToken;
    private int negotiatedFlags;
    private byte[] exportedSessionKey;
    private NtlmSession session;

    private NtlmClient(Builder builder) {
        this.credentials = builder.credentials;
        this.workstation = builder.workstation;
        this.targetName = builder.targetName;
        this.channelBindingsHash = builder.channelBindingsHash;
        this.version = builder.version;
        this.clock = builder.clock;
        this.nonces = builder.nonces;
        this.requireConfidentiality = builder.requireConfidentiality;
    }

    public static Builder builder(NtlmCredentials credentials) {
        return new Builder(credentials);
    }

    /** The NEGOTIATE_MESSAGE to send first (3.1.5.1.1). */
    public synchronized byte[] negotiate() {
        if (negotiateToken != null) {
            throw new IllegalStateException("negotiate() was already called on this NTLM context");
        }
        negotiateToken = new NegotiateMessage(OFFERED_FLAGS, "", "", version).encode();
        return negotiateToken.clone();
    }

    /**
     * Processes the server's CHALLENGE_MESSAGE and returns the AUTHENTICATE_MESSAGE (3.1.5.1.2): NTLMv2 responses
     * (3.3.2), the session key (3.4.5.1, RC4-wrapped with KEY_EXCH) and, when the CHALLENGE carries a timestamp,
     * MsvAvFlags with the MIC bit and the MIC over all three messages.
     */
    public synchronized byte[] authenticate(byte[] challengeToken) {
        if (negotiateToken == null) {
            throw new IllegalStateException("negotiate() must be called before authenticate()");
        }
        if (exportedSessionKey != null) {
            throw new IllegalStateException("authenticate() was already called on this NTLM context");
        }
        ChallengeMessage challenge = ChallengeMessage.decode(challengeToken);
        int flags = (challenge.flags() & OFFERED_FLAGS) | NegotiateFlags.REQUEST_TARGET;
        checkStrongEnough(challenge, flags);

        OptionalLong serverTime = challenge.targetInfo().timestamp();
        boolean sendMic = serverTime.isPresent();
        long time = serverTime.isPresent() ? serverTime.getAsLong() : NtlmCrypto.fileTime(clock.instant());
        byte[] clientChallenge = nonce(8);
        AvPairs serverName = clientAvPairs(challenge.targetInfo(), sendMic);

        byte[] responseKey = credentials.responseKey(credentials.domain());
        byte[] temp = NtlmV2Response.temp(time, clientChallenge, serverName);
        byte[] proof = NtlmCrypto.ntProofStr(responseKey, challenge.serverChallenge(), temp);
        byte[] ntResponse = concat(proof, temp);
        // 3.1.5.1.2: with MsvAvTimestamp the client SHOULD send Z(24) instead of the LMv2 response.
        byte[] lmResponse = sendMic ? new byte[24]
                : NtlmCrypto.lmv2Response(responseKey, challenge.serverChallenge(), clientChallenge);
        byte[] keyExchangeKey = NtlmCrypto.sessionBaseKeyV2(responseKey, proof);
        Arrays.fill(responseKey, (byte) 0);

        byte[] encryptedRandomSessionKey = new byte[0];
        if (NegotiateFlags.has(flags, NegotiateFlags.NEGOTIATE_KEY_EXCH) && signOrSeal(flags)) {
            exportedSessionKey = nonce(16);
            encryptedRandomSessionKey = Rc4.once(keyExchangeKey, exportedSessionKey);
            Arrays.fill(keyExchangeKey, (byte) 0);
        } else {
            exportedSessionKey = keyExchangeKey;
        }

        NtlmVersion sentVersion = NegotiateFlags.has(flags, NegotiateFlags.NEGOTIATE_VERSION) ? version
                : NtlmVersion.ZERO;
        AuthenticateMessage message = new AuthenticateMessage(flags, lmResponse, ntResponse, credentials.domain(),
                credentials.user(), workstation, encryptedRandomSessionKey, sentVersion,
                sendMic ? new byte[AuthenticateMessage.MIC_LENGTH] : null);
        byte[] token = message.encode();
        if (sendMic) {
            byte[] mic = NtlmCrypto.hmacMd5(exportedSessionKey, negotiateToken, challengeToken, token);
            System.arraycopy(mic, 0, token, AuthenticateMessage.MIC_OFFSET, AuthenticateMessage.MIC_LENGTH);
        }
        negotiatedFlags = flags;
        if (NegotiateFlags.has(flags, NegotiateFlags.NEGOTIATE_EXTENDED_SESSIONSECURITY)) {
            session = NtlmSession.client(exportedSessionKey, flags);
        }
        return token;
    }

    /** Session security for this context; fails before {@link #authenticate} or without extended security. */
    public synchronized NtlmSession session() {
        if (session == null) {
            throw new IllegalStateException(exportedSessionKey == null ? "the NTLM handshake has not completed"
                    : "no NTLM session security was negotiated");
        }
        return session;
    }

    /** The flags sent in the AUTHENTICATE_MESSAGE (0 before {@link #authenticate}). */
    public synchronized int negotiatedFlags() {
        return negotiatedFlags;
    }

    /** The ExportedSessionKey (secret; for tests in this package). */
    synchronized byte[] exportedSessionKey() {
        return exportedSessionKey == null ? null : exportedSessionKey.clone();
    }

    /** 3.1.5.1.2: the client MUST reject features too weak for its policy. */
    private void checkStrongEnough(ChallengeMessage challenge, int flags) {
        if (!challenge.unicode()) {
            throw new NtlmException("the server does not offer Unicode NTLM (NTLMSSP_NEGOTIATE_UNICODE)");
        }
        if (requireConfidentiality && !NegotiateFlags.has(flags, CONFIDENTIALITY)) {
            throw new NtlmException("the server does not offer 128-bit NTLM signing and sealing with extended "
                    + "session security; offered " + NegotiateFlags.describe(challenge.flags()));
        }
        if (signOrSeal(flags) && (challenge.targetInfo().get(AvId.MSV_AV_NB_COMPUTER_NAME).isEmpty()
                || challenge.targetInfo().get(AvId.MSV_AV_NB_DOMAIN_NAME).isEmpty())) {
            throw new NtlmException("the CHALLENGE_MESSAGE lacks MsvAvNbComputerName or MsvAvNbDomainName "
                    + "(STATUS_LOGON_FAILURE, MS-NLMP 3.1.5.1.2)");
        }
    }

    /** The AV pairs the client signs: the server's, plus MsvAvFlags (MIC), channel bindings and target name. */
    private AvPairs clientAvPairs(AvPairs targetInfo, boolean sendMic) {
        AvPairs pairs = targetInfo;
        if (sendMic) {
            int avFlags = targetInfo.flags().orElse(0) | AvId.FLAG_MIC_PRESENT;
            pairs = pairs.with(AvPair.ofInt(AvId.MSV_AV_FLAGS, avFlags));
        }
        if (channelBindingsHash != null) {
            pairs = pairs.with(AvPair.of(AvId.MSV_AV_CHANNEL_BINDINGS, channelBindingsHash));
        }
        if (targetName != null) {
            pairs = pairs.with(AvPair.ofString(AvId.MSV_AV_TARGET_NAME, targetName));
        }
        return pairs;
    }

    private byte[] nonce(int length) {
        byte[] value = nonces.nonce(length);
        if (value == null || value.length != length) {
            throw new IllegalStateException("the nonce source returned the wrong length");
        }
        return value;
    }

    private static boolean signOrSeal(int flags) {
        return (flags & (NegotiateFlags.NEGOTIATE_SIGN | NegotiateFlags.NEGOTIATE_SEAL)) != 0;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Override
    public String toString() {
        return "NtlmClient[" + credentials + ", target=" + targetName + "]";
    }

    /** Options for one client context. */
    public static final class Builder {
        private final NtlmCredentials credentials;
        private String workstation = "";
        private String targetName;
        private byte[] channelBindingsHash;
        private NtlmVersion version = NtlmVersion.DEFAULT;
        private Clock clock = Clock.systemUTC();
        private NonceSource nonces = NonceSource.secure();
        private boolean requireConfidentiality = true;

        private Builder(NtlmCredentials credentials) {
            if (credentials == null) {
                throw new IllegalArgumentException("NTLM credentials are required");
            }
            this.credentials = credentials;
        }

        /** The client machine name sent in the AUTHENTICATE_MESSAGE (default empty). */
        public Builder workstation(String name) {
            this.workstation = name == null ? "" : name;
            return this;
        }

        /** MsvAvTargetName, the SPN of the server, e.g. {@code "HTTP/host.example"} (default: not sent). */
        public Builder targetName(String spn) {
            this.targetName = spn;
            return this;
        }

        /** MsvAvChannelBindings: the 16-byte MD5 from {@link ChannelBindings} (HTTPS only; default: not sent). */
        public Builder channelBindings(byte[] md5Hash) {
            if (md5Hash != null && md5Hash.length != 16) {
                throw new IllegalArgumentException("a channel bindings hash is 16 bytes");
            }
            this.channelBindingsHash = md5Hash == null ? null : md5Hash.clone();
            return this;
        }

        public Builder version(NtlmVersion value) {
            this.version = value == null ? NtlmVersion.ZERO : value;
            return this;
        }

        /** Time source used when the CHALLENGE has no MsvAvTimestamp. */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        public Builder nonceSource(NonceSource value) {
            this.nonces = value;
            return this;
        }

        /**
         * Whether the server must agree to 128-bit signing and sealing with extended session security (default
         * true, as WinRM message encryption needs it). Over HTTPS, where only authentication is needed, set false.
         */
        public Builder requireConfidentiality(boolean value) {
            this.requireConfidentiality = value;
            return this;
        }

        public NtlmClient build() {
            return new NtlmClient(this);
        }
    }
}
