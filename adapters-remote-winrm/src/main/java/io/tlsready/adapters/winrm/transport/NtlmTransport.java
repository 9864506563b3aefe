package io.tlsready.adapters.winrm.transport;

import io.tlsready.adapters.winrm.encryption.WinRmEncryption;
import io.tlsready.adapters.winrm.ntlm.ChannelBindings;
import io.tlsready.adapters.winrm.ntlm.NtlmClient;
import io.tlsready.adapters.winrm.ntlm.NtlmCredentials;
import io.tlsready.adapters.winrm.ntlm.NtlmException;
import io.tlsready.adapters.winrm.wsman.WsmanTransport;
import io.tlsready.adapters.winrm.wsman.WsmanTransportException;
import io.tlsready.adapters.winrm.wsman.WsmanTransportException.Kind;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * NTLM (under the Negotiate scheme) on one connection.
 *
 * <p>Over HTTP it is MS-WSMV 2.2.9.1.1 message encryption: the 3-leg handshake on empty-body POSTs, then sealed
 * {@code multipart/encrypted} bodies with no Authorization header on the same TCP connection; a reply that is not
 * encrypted is refused. Over HTTPS TLS protects the messages: the AUTHENTICATE carries channel bindings for the
 * server certificate (CbtHardeningLevel Strict), the third leg carries the first real envelope (as requests-ntlm
 * does, instead of relying on an empty-body 200), and later requests go in clear inside TLS.
 *
 * <p>NTLM authenticates the connection. When the host answers 401 mid-session (it dropped the context, or the
 * pool silently re-opened the connection) the transport re-handshakes and resends once; the WMI reads we send
 * are idempotent, so a resend is safe.
 */
final class NtlmTransport implements WsmanTransport {

    private static final byte[] EMPTY = new byte[0];

    private final HttpChannel channel;
    private final String endpoint;
    private final NtlmCredentials credentials;
    private final String spn;
    private final boolean encrypt;
    private WinRmEncryption encryption;
    private boolean authenticated;
    private int handshakes;

    NtlmTransport(HttpChannel channel, String endpoint, NtlmCredentials credentials, String host, boolean encrypt) {
        this.channel = channel;
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.spn = "HTTP/" + host.toLowerCase(Locale.ROOT);
        this.encrypt = encrypt;
    }

    /** Handshakes so far (1 on a healthy session); for tests and diagnostics. */
    int handshakes() {
        return handshakes;
    }

    @Override
    public Reply exchange(byte[] envelope) {
        if (!authenticated) {
            Optional<HttpChannel.Response> first = handshake(envelope);
            if (first.isPresent()) {
                return reply(first.get(), false);
            }
        }
        HttpChannel.Response r = send(envelope);
        if (r.status() == 401) {
            // Context lost (connection re-opened, or the host expired it): re-authenticate and resend once.
            authenticated = false;
            Optional<HttpChannel.Response> first = handshake(envelope);
            r = first.isPresent() ? first.get() : send(envelope);
            return reply(r, true);
        }
        return reply(r, false);
    }

    private HttpChannel.Response send(byte[] envelope) {
        if (!encrypt) {
            return channel.post(envelope, BasicTransport.SOAP_UTF8, null);
        }
        return channel.post(encryption.wrap(envelope), WinRmEncryption.CONTENT_TYPE, null);
    }

    private Reply reply(HttpChannel.Response r, boolean afterReauth) {
        if (r.status() == 401) {
            authenticated = false;
            if (afterReauth) {
                throw new WsmanTransportException(Kind.AUTHENTICATION, channel.label() + ": HTTP 401 again right after"
                        + " a successful NTLM re-authentication (the host keeps dropping the security context; a"
                        + " proxy or load balancer between us and the host can do that)");
            }
            throw Replies.unauthorized(r, channel.label(), "Negotiate");
        }
        if (!encrypt) {
            return Replies.reply(r, channel.label(), "Negotiate");
        }
        return Replies.unsealed(r, encryption, channel.label(), "Negotiate");
    }

    /**
     * The three legs. Returns the reply to {@code envelope} when the third leg carried it (HTTPS), else empty.
     */
    private Optional<HttpChannel.Response> handshake(byte[] envelope) {
        handshakes++;
        NtlmClient first = client(null);
        byte[] negotiate = first.negotiate();
        HttpChannel.Response challenge = channel.post(EMPTY, BasicTransport.SOAP_UTF8, negotiateHeader(negotiate));
        String token = challenge.status() == 401 ? Replies.negotiateToken(challenge.wwwAuthenticate()) : null;
        if (token == null) {
            if (challenge.status() == 401) {
                throw new WsmanTransportException(Kind.AUTHENTICATION, channel.label() + ": HTTP 401 Unauthorized:"
                        + " the host did not answer the NTLM NEGOTIATE with a challenge (" + describeOffers(challenge)
                        + "); Negotiate authentication may be disabled");
            }
            throw new WsmanTransportException(Kind.PROTOCOL, channel.label() + ": HTTP " + challenge.status()
                    + " to the NTLM NEGOTIATE, expected 401 with a Negotiate challenge");
        }
        // The channel binding needs the server certificate, known only once the first leg's TLS handshake is done;
        // the NEGOTIATE_MESSAGE is the same bytes for every client, so a second context built now continues it.
        NtlmClient ntlm = first;
        Optional<X509Certificate> cert = channel.trust().flatMap(HostTrust::presented);
        if (cert.isPresent()) {
            ntlm = client(ChannelBindings.forServerCertificate(cert.get()));
            if (!Arrays.equals(ntlm.negotiate(), negotiate)) {
                throw new WsmanTransportException(Kind.PROTOCOL, "NTLM NEGOTIATE is not deterministic");
            }
        }
        byte[] authenticate;
        try {
            authenticate = ntlm.authenticate(Base64.getDecoder().decode(token));
        } catch (NtlmException e) {
            throw new WsmanTransportException(Kind.AUTHENTICATION, channel.label() + ": NTLM: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new WsmanTransportException(Kind.PROTOCOL, channel.label() + ": the NTLM challenge is not base64",
                    e);
        }
        byte[] third = encrypt ? EMPTY : envelope;
        HttpChannel.Response done = channel.post(third, BasicTransport.SOAP_UTF8, negotiateHeader(authenticate));
        if (done.status() == 401) {
            throw new WsmanTransportException(Kind.AUTHENTICATION, channel.label() + ": HTTP 401: NTLM credentials"
                    + " rejected for user " + credentials.user() + ": wrong user name or password, account locked or"
                    + " not allowed to log on, or the host requires channel binding we could not provide");
        }
        authenticated = true;
        if (encrypt) {
            if (done.status() != 200) {
                throw new WsmanTransportException(Kind.HTTP_STATUS, channel.label() + ": HTTP " + done.status()
                        + " to the NTLM AUTHENTICATE, expected 200");
            }
            encryption = new WinRmEncryption(ntlm.session());
            return Optional.empty();
        }
        return Optional.of(done);
    }

    private NtlmClient client(byte[] channelBindings) {
        return NtlmClient.builder(credentials).targetName(spn).channelBindings(channelBindings)
                .requireConfidentiality(encrypt).build();
    }

    private static String negotiateHeader(byte[] token) {
        return "Negotiate " + Base64.getEncoder().encodeToString(token);
    }

    private static String describeOffers(HttpChannel.Response r) {
        var offered = Replies.offeredSchemes(r.wwwAuthenticate());
        return offered.isEmpty() ? "no WWW-Authenticate" : "it offers " + String.join(", ", offered);
    }

    @Override
    public String endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } finally {
            credentials.destroy();
        }
    }

    @Override
    public String toString() {
        return "NtlmTransport[" + endpoint + (encrypt ? ", encrypted" : ", TLS") + "]";
    }
}
