package io.tlsready.adapters.winrm.transport;

import io.tlsready.adapters.winrm.wsman.WsmanTransport;
import io.tlsready.adapters.winrm.wsman.WsmanTransportException;
import io.tlsready.adapters.winrm.wsman.WsmanTransportException.Kind;
import java.security.PrivilegedExceptionAction;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.security.auth.Subject;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.GSSName;
import org.ietf.jgss.Oid;

/**
 * HTTPS with Kerberos through the JDK's JGSS: the TGT comes from the user's ticket cache (kinit; KRB5CCNAME is
 * honoured by the JDK), a SPNEGO token for {@code HTTP/<host>} goes in {@code Authorization: Negotiate} on every
 * request (Kerberos is not connection-bound; hosts also force re-authentication after idle periods). No message
 * encryption: TLS protects the messages (JGSS cannot do WinRM's IOV wrapping, winrm-notes §2).
 *
 * <p>Every Kerberos call (ticket cache, KDC round trip for the service ticket) runs on a helper thread bounded by
 * the deadline, so a missing KDC fails fast with one line instead of hanging.
 */
final class KerberosTransport implements WsmanTransport {

    private static final Oid SPNEGO = oid("1.3.6.1.5.5.2");
    private static final long KERBEROS_BUDGET_MILLIS = 10_000;

    private final HttpChannel channel;
    private final String endpoint;
    private final String host;
    private final Deadline deadline;
    private Subject subject;

    KerberosTransport(HttpChannel channel, String endpoint, String host, Deadline deadline) {
        this.channel = channel;
        this.endpoint = endpoint;
        this.host = host.toLowerCase(Locale.ROOT);
        this.deadline = deadline;
    }

    private static Oid oid(String text) {
        try {
            return new Oid(text);
        } catch (GSSException e) {
            throw new IllegalStateException("bad OID " + text, e);
        }
    }

    @Override
    public Reply exchange(byte[] envelope) {
        HttpChannel.Response r = channel.post(envelope, BasicTransport.SOAP_UTF8, "Negotiate " + token());
        if (r.status() == 401) {
            // Hosts drop Kerberos sessions after ~15 s idle (WinRb auth_timeout_spec): one fresh token, once.
            r = channel.post(envelope, BasicTransport.SOAP_UTF8, "Negotiate " + token());
        }
        return Replies.reply(r, channel.label(), "Kerberos");
    }

    private String token() {
        long budget = Math.min(KERBEROS_BUDGET_MILLIS, deadline.remainingMillis());
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                result.complete(initialToken());
            } catch (WsmanTransportException e) {
                result.completeExceptionally(e);
            }
        }, "tlsready-kerberos-" + host);
        worker.setDaemon(true);
        worker.start();
        try {
            return Base64.getEncoder().encodeToString(result.get(Math.max(1, budget), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            worker.interrupt();
            throw new WsmanTransportException(Kind.TIMEOUT, "Kerberos: no service ticket for " + spn() + " within "
                    + budget + " ms (KDC unreachable?); use --auth ntlm/basic");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WsmanTransportException(Kind.TIMEOUT, "Kerberos: interrupted");
        } catch (ExecutionException e) {
            throw (WsmanTransportException) e.getCause();
        }
    }

    private String spn() {
        return "HTTP/" + host;
    }

    private byte[] initialToken() {
        Subject s = login();
        try {
            return Subject.doAs(s, (PrivilegedExceptionAction<byte[]>) () -> {
                GSSManager manager = GSSManager.getInstance();
                GSSName service = manager.createName("HTTP@" + host, GSSName.NT_HOSTBASED_SERVICE);
                GSSContext context = manager.createContext(service, SPNEGO, null, GSSContext.DEFAULT_LIFETIME);
                try {
                    context.requestMutualAuth(false);
                    context.requestCredDeleg(false);
                    return context.initSecContext(new byte[0], 0, 0);
                } finally {
                    context.dispose();
                }
            });
        } catch (java.security.PrivilegedActionException e) {
            throw new WsmanTransportException(Kind.AUTHENTICATION, "Kerberos: no ticket for " + spn() + " ("
                    + oneLine(e.getException()) + "); check the host's DNS name (not an IP) or use --auth ntlm/basic",
                    e.getException());
        }
    }

    /** JAAS login from the ticket cache only: never prompt, never read a password. */
    private synchronized Subject login() {
        if (subject != null) {
            return subject;
        }
        try {
            LoginContext lc = new LoginContext("tlsready-winrm", new Subject(), null, new TicketCacheOnly());
            lc.login();
            subject = lc.getSubject();
            return subject;
        } catch (LoginException | SecurityException e) {
            throw new WsmanTransportException(Kind.AUTHENTICATION, "Kerberos: no ticket for " + spn()
                    + " (run kinit, or use --auth ntlm/basic): " + oneLine(e), e);
        }
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.replaceAll("\\s+", " ").strip();
    }

    /** Krb5LoginModule reading the default ticket cache, no prompt, no keytab. */
    private static final class TicketCacheOnly extends Configuration {
        @Override
        public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
            Map<String, String> options = new HashMap<>();
            options.put("useTicketCache", "true");
            options.put("doNotPrompt", "true");
            options.put("isInitiator", "true");
            options.put("refreshKrb5Config", "true");
            String cache = System.getenv("KRB5CCNAME");
            if (cache != null && cache.startsWith("FILE:")) {
                options.put("ticketCache", cache.substring(5));
            } else if (cache != null && !cache.contains(":")) {
                options.put("ticketCache", cache);
            }
            return new AppConfigurationEntry[] {new AppConfigurationEntry(
                    "com.sun.security.auth.module.Krb5LoginModule",
                    AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options)};
        }
    }

    @Override
    public String endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        channel.close();
    }

    @Override
    public String toString() {
        return "KerberosTransport[" + endpoint + "]";
    }
}
