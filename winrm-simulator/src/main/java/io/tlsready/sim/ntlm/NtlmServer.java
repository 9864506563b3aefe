package io.tlsready.sim.ntlm;

import io.tlsready.adapters.winrm.ntlm.AuthenticateMessage;
import io.tlsready.adapters.winrm.ntlm.AvId;
import io.tlsready.adapters.winrm.ntlm.AvPair;
import io.tlsready.adapters.winrm.ntlm.AvPairs;
import io.tlsready.adapters.winrm.ntlm.ChallengeMessage;
import io.tlsready.adapters.winrm.ntlm.NegotiateFlags;
import io.tlsready.adapters.winrm.ntlm.NegotiateMessage;
import io.tlsready.adapters.winrm.ntlm.NonceSource;
import io.tlsready.adapters.winrm.ntlm.NtlmCredentials;
import io.tlsready.adapters.winrm.ntlm.NtlmException;
import io.tlsready.adapters.winrm.ntlm.NtlmSession;
import io.tlsready.adapters.winrm.ntlm.NtlmV2Proofs;
import io.tlsready.adapters.winrm.ntlm.NtlmV2Response;
import io.tlsready.adapters.winrm.ntlm.NtlmVersion;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The server side of one connection-oriented NTLMv2 handshake (MS-NLMP 3.2.5.1), for the WinRM host simulator:
 * {@link #challenge(byte[])} answers the NEGOTIATE, {@link #authenticate(byte[])} verifies the AUTHENTICATE
 * against the configured local accounts (NTProofStr, MIC, optional channel binding, timestamp) and yields the same
 * ExportedSessionKey as the client. One instance per connection. Only NTLMv2 with extended session security is
 * accepted. The messages and the proofs it checks come from the adapter's NTLM package (the client speaks the same
 * wire format); only the server side lives here, outside the shipped adapter.
 */
public final class NtlmServer {

    private static final int SUPPORTED = NegotiateFlags.NEGOTIATE_UNICODE | NegotiateFlags.NEGOTIATE_SIGN
            | NegotiateFlags.NEGOTIATE_SEAL | NegotiateFlags.NEGOTIATE_NTLM | NegotiateFlags.NEGOTIATE_ALWAYS_SIGN
            | NegotiateFlags.NEGOTIATE_EXTENDED_SESSIONSECURITY | NegotiateFlags.NEGOTIATE_VERSION
            | NegotiateFlags.NEGOTIATE_128 | NegotiateFlags.NEGOTIATE_KEY_EXCH | NegotiateFlags.NEGOTIATE_56;
    private static final int ALWAYS = NegotiateFlags.REQUEST_TARGET | NegotiateFlags.NEGOTIATE_NTLM
            | NegotiateFlags.NEGOTIATE_ALWAYS_SIGN | NegotiateFlags.NEGOTIATE_TARGET_INFO
            | NegotiateFlags.TARGET_TYPE_SERVER;

    private final List<NtlmCredentials> accounts;
    private final String nbComputerName;
    private final String nbDomainName;
    private final String dnsComputerName;
    private final String dnsDomainName;
    private final byte[] expectedChannelBindings;
    private final Duration maxLifetime;
    private final NtlmVersion version;
    private final Clock clock;
    private final NonceSource nonces;

    private byte[] negotiateToken;
    private byte[] challengeToken;
    private ChallengeMessage challenge;
    private boolean finished;

    private NtlmServer(Builder builder) {
        this.accounts = List.copyOf(builder.accounts);
        this.nbComputerName = builder.nbComputerName;
        this.nbDomainName = builder.nbDomainName;
        this.dnsComputerName = builder.dnsComputerName;
        this.dnsDomainName = builder.dnsDomainName;
        this.expectedChannelBindings = builder.expectedChannelBindings;
        this.maxLifetime = builder.maxLifetime;
        this.version = builder.version;
        this.clock = builder.clock;
        this.nonces = builder.nonces;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Parses the NEGOTIATE_MESSAGE and returns the CHALLENGE_MESSAGE (3.2.5.1.1) with TargetInfo (NetBIOS and DNS
     * names, MsvAvTimestamp). The server always answers in Unicode, as Windows does, even to a client that offers
     * only the OEM character set (python's ntlm-auth 1.4, pywinrm's NTLM library, does); a client without extended
     * session security is refused.
     */
    public synchronized byte[] challenge(byte[] negotiate) {
        if (negotiateToken != null) {
            throw new IllegalStateException("challenge() was already called on this NTLM context");
        }
        NegotiateMessage message = NegotiateMessage.decode(negotiate);
        if (!NegotiateFlags.has(message.flags(), NegotiateFlags.NEGOTIATE_UNICODE)
                && !NegotiateFlags.has(message.flags(), NegotiateFlags.NEGOTIATE_OEM)) {
            throw new NtlmException("the client offers neither Unicode nor OEM NTLM character sets");
        }
        if (!NegotiateFlags.has(message.flags(), NegotiateFlags.NEGOTIATE_EXTENDED_SESSIONSECURITY)) {
            throw new NtlmException("the client does not offer NTLMSSP_NEGOTIATE_EXTENDED_SESSIONSECURITY");
        }
        int flags = (message.flags() & SUPPORTED) | ALWAYS | NegotiateFlags.NEGOTIATE_UNICODE;
        List<AvPair> info = new ArrayList<>();
        info.add(AvPair.ofString(AvId.MSV_AV_NB_DOMAIN_NAME, nbDomainName));
        info.add(AvPair.ofString(AvId.MSV_AV_NB_COMPUTER_NAME, nbComputerName));
        info.add(AvPair.ofString(AvId.MSV_AV_DNS_DOMAIN_NAME, dnsDomainName));
        info.add(AvPair.ofString(AvId.MSV_AV_DNS_COMPUTER_NAME, dnsComputerName));
        info.add(AvPair.ofLong(AvId.MSV_AV_TIMESTAMP, NtlmV2Proofs.fileTime(clock.instant())));
        byte[] serverChallenge = nonces.nonce(8);
        NtlmVersion sentVersion = NegotiateFlags.has(flags, NegotiateFlags.NEGOTIATE_VERSION) ? version
                : NtlmVersion.ZERO;
        challenge = new ChallengeMessage(flags, serverChallenge, nbComputerName, AvPairs.of(info), sentVersion);
        negotiateToken = negotiate.clone();
        challengeToken = challenge.encode();
        return challengeToken.clone();
    }

    /**
     * Verifies the AUTHENTICATE_MESSAGE (3.2.5.1.2). Malformed tokens, unknown users, wrong passwords, a bad MIC,
     * a channel binding mismatch or a stale timestamp are a {@link Rejected} result naming the cause.
     */
    public synchronized Result authenticate(byte[] authenticate) {
        if (challenge == null) {
            throw new IllegalStateException("challenge() must be called before authenticate()");
        }
        if (finished) {
            throw new IllegalStateException("authenticate() was already called on this NTLM context");
        }
        finished = true;
        try {
            return verify(authenticate);
        } catch (NtlmException e) {
            return new Rejected(e.getMessage());
        }
    }

    private Result verify(byte[] token) {
        AuthenticateMessage message = AuthenticateMessage.decode(token);
        if (message.user().isEmpty()) {
            return new Rejected("anonymous NTLM logon is not allowed");
        }
        Optional<NtlmCredentials> account = accounts.stream().filter(a -> a.matchesUser(message.user())).findFirst();
        if (account.isEmpty()) {
            return new Rejected("logon failure: unknown user '" + message.user() + "'");
        }
        NtlmV2Response response = message.ntlmV2Response();
        byte[] serverChallenge = challenge.serverChallenge();
        // 3.2.5.1.2: try the domain the client sent, then NIL for clients that computed the key without a domain.
        byte[] keyExchangeKey = null;
        for (String domain : new String[] {message.domain(), ""}) {
            Optional<byte[]> proven = NtlmV2Proofs.keyExchangeKey(account.get(), domain, serverChallenge, response);
            if (proven.isPresent()) {
                keyExchangeKey = proven.get();
                break;
            }
        }
        if (keyExchangeKey == null) {
            return new Rejected("logon failure: wrong password for user '" + message.user() + "'");
        }
        Optional<String> stale = checkTimestamp(response.timestamp());
        if (stale.isPresent()) {
            return new Rejected(stale.get());
        }

        int flags = message.flags() & challenge.flags();
        byte[] exportedSessionKey = keyExchangeKey;
        if (NegotiateFlags.has(flags, NegotiateFlags.NEGOTIATE_KEY_EXCH)
                && (flags & (NegotiateFlags.NEGOTIATE_SIGN | NegotiateFlags.NEGOTIATE_SEAL)) != 0) {
            if (message.encryptedRandomSessionKey().length != 16) {
                return new Rejected("NTLMSSP_NEGOTIATE_KEY_EXCH without a 16-byte EncryptedRandomSessionKey");
            }
            exportedSessionKey = NtlmV2Proofs.exportedSessionKey(keyExchangeKey, message.encryptedRandomSessionKey());
        }

        int avFlags = response.avPairs().flags().orElse(0);
        if ((avFlags & AvId.FLAG_MIC_PRESENT) != 0) {
            if (!message.hasMicField()) {
                return new Rejected("MsvAvFlags announces a MIC but the AUTHENTICATE_MESSAGE has none");
            }
            if (!NtlmV2Proofs.micMatches(exportedSessionKey, negotiateToken, challengeToken, token, message.mic())) {
                return new Rejected("MIC check failed: the NTLM messages were altered");
            }
        }
        if (expectedChannelBindings != null) {
            Optional<AvPair> bindings = response.avPairs().get(AvId.MSV_AV_CHANNEL_BINDINGS);
            if (bindings.isEmpty() || !NtlmV2Proofs.same(bindings.get().value(), expectedChannelBindings)) {
                return new Rejected("channel binding mismatch (GSS_S_BAD_BINDINGS)");
            }
        }
        if (!NegotiateFlags.has(flags, NegotiateFlags.NEGOTIATE_EXTENDED_SESSIONSECURITY)) {
            return new Rejected("the AUTHENTICATE_MESSAGE drops extended session security");
        }
        return new Accepted(message.user(), message.domain(), response.avPairs().string(AvId.MSV_AV_TARGET_NAME),
                NtlmSession.server(exportedSessionKey, flags));
    }

    /** 3.2.5.1.2: a timestamp more than MaxLifetime from the server time SHOULD fail. */
    private Optional<String> checkTimestamp(long fileTime) {
        Instant sent = NtlmV2Proofs.instant(fileTime);
        Duration skew = Duration.between(sent, clock.instant()).abs();
        if (skew.compareTo(maxLifetime) > 0) {
            return Optional.of("the NTLMv2 timestamp differs from the server time by more than " + maxLifetime);
        }
        return Optional.empty();
    }

    /** The outcome of {@link #authenticate}. */
    public sealed interface Result permits Accepted, Rejected {
    }

    /**
     * The client proved the password.
     *
     * @param user the user name as sent
     * @param domain the domain as sent (may be empty)
     * @param targetName the MsvAvTargetName the client signed, if any
     * @param session the server side of session security
     */
    public record Accepted(String user, String domain, Optional<String> targetName, NtlmSession session)
            implements Result {
    }

    /**
     * Authentication failed.
     *
     * @param reason one line naming the cause (never a secret)
     */
    public record Rejected(String reason) implements Result {
    }

    /** The server's identity and accounts. */
    public static final class Builder {
        private final List<NtlmCredentials> accounts = new ArrayList<>();
        private String nbComputerName = "WINRMSIM";
        private String nbDomainName = "WORKGROUP";
        private String dnsComputerName = "winrmsim";
        private String dnsDomainName = "";
        private byte[] expectedChannelBindings;
        private Duration maxLifetime = Duration.ofHours(36);
        private NtlmVersion version = NtlmVersion.DEFAULT;
        private Clock clock = Clock.systemUTC();
        private NonceSource nonces = NonceSource.secure();

        private Builder() {
        }

        /** A local account that may log on (user names match case-insensitively; any domain is accepted). */
        public Builder account(NtlmCredentials credentials) {
            accounts.add(credentials);
            return this;
        }

        public Builder netbiosComputerName(String name) {
            this.nbComputerName = name;
            return this;
        }

        public Builder netbiosDomainName(String name) {
            this.nbDomainName = name;
            return this;
        }

        public Builder dnsComputerName(String name) {
            this.dnsComputerName = name;
            return this;
        }

        public Builder dnsDomainName(String name) {
            this.dnsDomainName = name;
            return this;
        }

        /** Require this MsvAvChannelBindings hash (HTTPS with CbtHardeningLevel Strict); default: not checked. */
        public Builder requireChannelBindings(byte[] md5Hash) {
            this.expectedChannelBindings = md5Hash == null ? null : md5Hash.clone();
            return this;
        }

        /** MaxLifetime for the client's NTLMv2 timestamp (default 36 hours). */
        public Builder maxLifetime(Duration value) {
            this.maxLifetime = value;
            return this;
        }

        public Builder version(NtlmVersion value) {
            this.version = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        public Builder nonceSource(NonceSource value) {
            this.nonces = value;
            return this;
        }

        public NtlmServer build() {
            if (accounts.isEmpty()) {
                throw new IllegalStateException("an NTLM server needs at least one account");
            }
            return new NtlmServer(this);
        }
    }
}
