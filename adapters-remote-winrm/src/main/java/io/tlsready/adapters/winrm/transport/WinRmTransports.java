package io.tlsready.adapters.winrm.transport;

import io.tlsready.adapters.winrm.kerberos.KerberosLogin;
import io.tlsready.adapters.winrm.ntlm.NtlmCredentials;
import io.tlsready.adapters.winrm.wsman.WsmanOptions;
import io.tlsready.adapters.winrm.wsman.WsmanTransport;
import io.tlsready.adapters.winrm.wsman.WsmanTransportException;
import io.tlsready.adapters.winrm.wsman.WsmanTransportException.Kind;
import io.tlsready.domain.port.Hint;
import io.tlsready.domain.port.HintedText;
import io.tlsready.domain.port.RemoteTarget;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the {@link WsmanTransport} for a {@link RemoteTarget} and owns what all hosts share: one Netty
 * event-loop group, created on the first {@link #open} (so nothing of Netty loads on offline paths) and shut down
 * by {@link #close()}.
 *
 * <p>Which combinations exist, secure by default: HTTPS with Basic, NTLM (channel-bound) or Kerberos; HTTP only
 * with NTLM or Kerberos message encryption. Basic over plain HTTP is refused as the domain's
 * {@link RemoteTarget#refusal()} says, with its remedies as hints.
 */
public final class WinRmTransports implements AutoCloseable {

    /** Margin of the HTTP read timeout over wsman:OperationTimeout, so the host's TimedOut fault arrives first. */
    static final Duration READ_MARGIN = Duration.ofSeconds(10);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Room for HTTP multipart framing and the NTLM signature around the largest accepted envelope. */
    static final int FRAMING_MARGIN = 4096;

    private final int threads;
    private final KerberosSubjects kerberos;
    private SharedEventLoop loop;
    private boolean closed;

    /** Event-loop threads = CPUs: the work is I/O plus TLS handshakes. */
    public WinRmTransports() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public WinRmTransports(int threads) {
        this(threads, KerberosLogin.Settings.system());
    }

    /**
     * @param kerberos where Kerberos finds krb5.conf and the ticket cache (KRB5_CONFIG, KRB5CCNAME)
     */
    public WinRmTransports(int threads, KerberosLogin.Settings kerberos) {
        this.threads = Math.max(1, threads);
        this.kerberos = new KerberosSubjects(kerberos);
    }

    /**
     * A transport for one host; nothing is sent until the first exchange. Reads the password (Basic, NTLM) once
     * and wipes it.
     *
     * @throws WsmanTransportException for combinations that are refused and unusable trust options
     */
    public WsmanTransport open(RemoteTarget target, WsmanOptions options) {
        String label = target.label();
        refuseInsecureCombinations(target);
        boolean https = target.transport() == RemoteTarget.Transport.HTTPS;
        HostTrust trust = null;
        if (https) {
            try {
                trust = HostTrust.of(target.host(), target.caBundle(), target.pinSha256(), target.insecureSkipVerify());
            } catch (HostTrust.Unusable e) {
                throw new WsmanTransportException(Kind.TLS, e.hinted(), e);
            } catch (IllegalArgumentException e) {
                throw new WsmanTransportException(Kind.TLS, e.getMessage(), e);
            }
        }
        String endpoint = (https ? "https://" : "http://") + label + "/wsman";
        Deadline deadline = new Deadline(target.timeout());
        Duration readTimeout = options.operationTimeout().plus(READ_MARGIN);
        Duration connectTimeout = CONNECT_TIMEOUT.compareTo(target.timeout()) < 0 ? CONNECT_TIMEOUT : target.timeout();
        HttpChannel channel = new HttpChannel(loop(), label, URI.create(endpoint), trust, connectTimeout,
                readTimeout, options.replyLimit() + FRAMING_MARGIN, deadline);
        try {
            switch (target.auth()) {
                case BASIC: {
                    char[] password = password(target);
                    try {
                        return new BasicTransport(channel, endpoint, target.user(), password);
                    } finally {
                        RemoteTarget.wipe(password);
                    }
                }
                case NTLM: {
                    char[] password = password(target);
                    NtlmCredentials credentials;
                    try {
                        credentials = NtlmCredentials.of(target.user(), password);
                    } finally {
                        RemoteTarget.wipe(password);
                    }
                    return new NtlmTransport(channel, endpoint, credentials, target.host(), !https);
                }
                default:
                    return new KerberosTransport(channel, endpoint, target.host(), () -> kerberos.subject(target),
                            deadline, !https);
            }
        } catch (RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The domain's transport/auth invariant ({@link RemoteTarget#refusal()}), worded with its remedies. */
    private static void refuseInsecureCombinations(RemoteTarget target) {
        target.refusal().ifPresent(r -> {
            List<Object> parts = new ArrayList<>(List.of(target.label() + ": " + r.reason() + "; use "));
            for (int i = 0; i < r.remedies().size(); i++) {
                parts.add(i == 0 ? "" : ", or ");
                parts.add(r.remedies().get(i));
            }
            parts.add(" (encrypted over HTTP)");
            throw new WsmanTransportException(Kind.AUTHENTICATION, new HintedText(parts));
        });
    }

    private static char[] password(RemoteTarget target) {
        char[] password = target.password().get();
        if (password == null || password.length == 0) {
            throw new WsmanTransportException(Kind.AUTHENTICATION, HintedText.of(target.label()
                    + ": no password for user " + target.user() + " (", new Hint.GivePassword(true), ")"));
        }
        return password;
    }

    private synchronized SharedEventLoop loop() {
        if (closed) {
            throw new IllegalStateException("the WinRM transports are closed");
        }
        if (loop == null) {
            loop = new SharedEventLoop(threads);
        }
        return loop;
    }

    /** Whether the event loop exists (tests: nothing of Netty before the first open). */
    public synchronized boolean started() {
        return loop != null;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (loop != null) {
            loop.close();
            loop = null;
        }
    }
}
