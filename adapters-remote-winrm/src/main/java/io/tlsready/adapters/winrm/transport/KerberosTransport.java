package io.tlsready.adapters.winrm.transport;

import io.tlsready.adapters.winrm.encryption.WinRmEncryption;
import io.tlsready.adapters.winrm.kerberos.KerberosException;
import io.tlsready.adapters.winrm.kerberos.KerberosInitiator;
import io.tlsready.adapters.winrm.wsman.WsmanTransport;
import io.tlsready.adapters.winrm.wsman.WsmanTransportException;
import io.tlsready.adapters.winrm.wsman.WsmanTransportException.Kind;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.security.auth.Subject;

/**
 * Kerberos through the JDK's JGSS, with the user's TGT from {@link KerberosSubjects} (ticket cache or password).
 *
 * <p>Over HTTPS a SPNEGO token for {@code HTTP/<host>} goes in {@code Authorization: Negotiate} on every request
 * (TLS protects the messages; hosts also force re-authentication after idle periods).
 *
 * <p>Over HTTP it is MS-WSMV 2.2.9.1.2 message encryption, as pywinrm does it against Windows: an empty-body POST
 * carries the raw Kerberos AP-REQ (mutual authentication) under {@code Negotiate}; the host's 200 carries the AP-REP,
 * which completes the context; then every envelope goes sealed
 * ({@code multipart/encrypted;protocol="application/HTTP-Kerberos-session-encrypted"}) with no Authorization on the
 * same connection, and a reply that is not sealed is refused. A 401 mid-session (context dropped, connection
 * re-opened) re-authenticates and resends once; the WMI reads we send are idempotent.
 *
 * <p>Every call that may reach the KDC runs on a helper thread bounded by the deadline, so an unreachable KDC fails
 * fast with one line instead of hanging.
 */
final class KerberosTransport implements WsmanTransport {

    private static final byte[] EMPTY = new byte[0];
    private static final long KERBEROS_BUDGET_MILLIS = 10_000;

    private final HttpChannel channel;
    private final String endpoint;
    private final String host;
    private final Supplier<Subject> subject;
    private final Deadline deadline;
    private final boolean encrypt;
    private KerberosInitiator session;
    private WinRmEncryption encryption;
    private int handshakes;

    KerberosTransport(HttpChannel channel, String endpoint, String host, Supplier<Subject> subject,
            Deadline deadline, boolean encrypt) {
        this.channel = channel;
        this.endpoint = endpoint;
        this.host = host.toLowerCase(Locale.ROOT);
        this.subject = subject;
        this.deadline = deadline;
        this.encrypt = encrypt;
    }

    /** Handshakes so far (1 on a healthy encrypted session); for tests and diagnostics. */
    int handshakes() {
        return handshakes;
    }

    @Override
    public Reply exchange(byte[] envelope) {
        if (!encrypt) {
            HttpChannel.Response r = channel.post(envelope, BasicTransport.SOAP_UTF8, "Negotiate " + httpsToken());
            if (r.status() == 401) {
                // Hosts drop Kerberos sessions after ~15 s idle (WinRb auth_timeout_spec): one fresh token, once.
                r = channel.post(envelope, BasicTransport.SOAP_UTF8, "Negotiate " + httpsToken());
                if (r.status() == 401) {
                    throw refused(r);
                }
            }
            return Replies.reply(r, channel.label(), "Kerberos");
        }
        if (encryption == null) {
            handshake();
        }
        HttpChannel.Response r = sealedPost(envelope);
        if (r.status() == 401) {
            handshake();
            r = sealedPost(envelope);
            if (r.status() == 401) {
                throw new WsmanTransportException(Kind.AUTHENTICATION, channel.label() + ": HTTP 401 again right after"
                        + " a successful Kerberos authentication (the host keeps dropping the security context; a"
                        + " proxy or load balancer between us and the host can do that)");
            }
        }
        return decrypted(r);
    }

    private HttpChannel.Response sealedPost(byte[] envelope) {
        return channel.post(encryption.wrap(envelope), encryption.contentType(), null);
    }

    private Reply decrypted(HttpChannel.Response r) {
        return Replies.unsealed(r, encryption, channel.label(), "Kerberos");
    }

    /** AP-REQ on an empty body, AP-REP back in the 200: the context every later message is sealed with. */
    private void handshake() {
        handshakes++;
        closeSession();
        KerberosInitiator initiator = bounded(() -> KerberosInitiator.forHost(subject.get(), host, true));
        session = initiator;
        byte[] apReq = bounded(initiator::firstToken);
        HttpChannel.Response r = channel.post(EMPTY, BasicTransport.SOAP_UTF8,
                "Negotiate " + Base64.getEncoder().encodeToString(apReq));
        if (r.status() == 401) {
            throw refused(r);
        }
        if (r.status() != 200) {
            throw new WsmanTransportException(Kind.HTTP_STATUS, channel.label() + ": HTTP " + r.status()
                    + " to the Kerberos authentication, expected 200");
        }
        String apRep = Replies.negotiateToken(r.wwwAuthenticate());
        if (apRep == null) {
            throw new WsmanTransportException(Kind.AUTHENTICATION, channel.label() + ": the host accepted the"
                    + " Kerberos ticket but sent no mutual-authentication reply; refused (it did not prove it holds"
                    + " the key of " + initiator.spn() + ")");
        }
        try {
            initiator.complete(Base64.getDecoder().decode(apRep));
        } catch (IllegalArgumentException e) {
            throw new WsmanTransportException(Kind.PROTOCOL, channel.label() + ": the Kerberos reply is not base64", e);
        } catch (KerberosException e) {
            throw new WsmanTransportException(Kind.AUTHENTICATION, channel.label() + ": the host's Kerberos reply"
                    + " does not verify: " + e.getMessage(), e);
        }
        if (!initiator.established()) {
            throw new WsmanTransportException(Kind.AUTHENTICATION, channel.label() + ": Kerberos mutual"
                    + " authentication did not complete");
        }
        encryption = WinRmEncryption.using(initiator.sealer());
    }

    /** A 401 to a Kerberos ticket: the ticket was for keys the host does not hold, or the clocks differ. */
    private WsmanTransportException refused(HttpChannel.Response r) {
        if (!Replies.offeredSchemes(r.wwwAuthenticate()).stream().anyMatch(s -> s.equalsIgnoreCase("Negotiate")
                || s.equalsIgnoreCase("Kerberos"))) {
            return Replies.unauthorized(r, channel.label(), "Kerberos");
        }
        return new WsmanTransportException(Kind.AUTHENTICATION, channel.label() + ": HTTP 401: the host refused"
                + " the Kerberos ticket for HTTP/" + host + " (the SPN may belong to another account, the host's"
                + " clock may be more than 5 minutes off, or the account may not log on there)");
    }

    private String httpsToken() {
        try (KerberosInitiator initiator = bounded(() -> KerberosInitiator.forHost(subject.get(), host, false))) {
            return Base64.getEncoder().encodeToString(bounded(initiator::firstToken));
        }
    }

    /** Runs a step that may wait for the KDC on a helper thread, within the Kerberos budget and the deadline. */
    private <T> T bounded(Supplier<T> step) {
        long budget = Math.min(KERBEROS_BUDGET_MILLIS, deadline.remainingMillis());
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                result.complete(step.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, "tlsready-kerberos-" + host);
        worker.setDaemon(true);
        worker.start();
        try {
            return result.get(Math.max(1, budget), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            worker.interrupt();
            throw new WsmanTransportException(Kind.TIMEOUT, channel.label() + ": Kerberos: no answer from the KDC"
                    + " within " + budget + " ms (KDC unreachable?)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WsmanTransportException(Kind.TIMEOUT, channel.label() + ": Kerberos: interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof WsmanTransportException) {
                throw (WsmanTransportException) cause;
            }
            if (cause instanceof KerberosException) {
                throw new WsmanTransportException(Kind.AUTHENTICATION,
                        ((KerberosException) cause).hinted().after(channel.label() + ": "), cause);
            }
            throw new WsmanTransportException(Kind.AUTHENTICATION, channel.label() + ": Kerberos: "
                    + cause.getClass().getSimpleName(), cause);
        }
    }

    private void closeSession() {
        if (session != null) {
            session.close();
            session = null;
        }
        encryption = null;
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
            closeSession();
        }
    }

    @Override
    public String toString() {
        return "KerberosTransport[" + endpoint + (encrypt ? ", encrypted" : ", TLS") + "]";
    }
}
