package io.tlsready.adapters.winrm.kerberos;

import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.Locale;
import javax.security.auth.Subject;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.GSSName;
import org.ietf.jgss.Oid;

/**
 * The client side of one Kerberos security context for {@code HTTP/<host>}, made from a logged-in {@link Subject}.
 *
 * <p>For message encryption over http it is the raw Kerberos mechanism with mutual authentication (the host's
 * AP-REP completes it, and proves the host knows the service key), confidentiality and sequence checks, as
 * pywinrm/requests-kerberos do against Windows. Over https a SPNEGO token without mutual authentication suffices
 * (TLS authenticates the host and protects the messages).
 */
public final class KerberosInitiator implements AutoCloseable {

    private static final Oid KRB5 = oid("1.2.840.113554.1.2.2");
    private static final Oid SPNEGO = oid("1.3.6.1.5.5.2");

    private final Subject subject;
    private final GSSContext context;
    private final String spn;

    private KerberosInitiator(Subject subject, GSSContext context, String spn) {
        this.subject = subject;
        this.context = context;
        this.spn = spn;
    }

    /**
     * A context for message encryption (raw Kerberos, mutual, confidential) or, with {@code forEncryption} false,
     * a SPNEGO context for https.
     */
    public static KerberosInitiator forHost(Subject subject, String host, boolean forEncryption) {
        String name = host.toLowerCase(Locale.ROOT);
        String spn = "HTTP/" + name;
        try {
            GSSContext context = Subject.doAs(subject, (PrivilegedExceptionAction<GSSContext>) () -> {
                GSSManager manager = GSSManager.getInstance();
                GSSName service = manager.createName("HTTP@" + name, GSSName.NT_HOSTBASED_SERVICE);
                GSSContext c = manager.createContext(service, forEncryption ? KRB5 : SPNEGO, null,
                        GSSContext.DEFAULT_LIFETIME);
                c.requestCredDeleg(false);
                c.requestMutualAuth(forEncryption);
                c.requestConf(forEncryption);
                c.requestInteg(true);
                c.requestSequenceDet(forEncryption);
                c.requestReplayDet(forEncryption);
                return c;
            });
            return new KerberosInitiator(subject, context, spn);
        } catch (PrivilegedActionException e) {
            throw new KerberosException(KerberosLogin.describeContextFailure(e.getException(), spn),
                    e.getException());
        }
    }

    /** The service principal asked for, {@code HTTP/<host>}. */
    public String spn() {
        return spn;
    }

    /** The AP-REQ (or SPNEGO NegTokenInit): gets the service ticket from the KDC when the Subject has none. */
    public byte[] firstToken() {
        return step(new byte[0]);
    }

    /** Feeds the host's reply token (AP-REP) into the context. */
    public void complete(byte[] reply) {
        step(reply);
    }

    private byte[] step(byte[] input) {
        try {
            return Subject.doAs(subject, (PrivilegedExceptionAction<byte[]>) () ->
                    context.initSecContext(input, 0, input.length));
        } catch (PrivilegedActionException e) {
            throw new KerberosException(KerberosLogin.describeContextFailure(e.getException(), spn),
                    e.getException());
        }
    }

    public boolean established() {
        return context.isEstablished();
    }

    /** The message sealer of the established context. */
    public KerberosSealer sealer() {
        return new KerberosSealer(context);
    }

    @Override
    public void close() {
        try {
            context.dispose();
        } catch (GSSException e) {
            // nothing held beyond memory
        }
    }

    private static Oid oid(String text) {
        try {
            return new Oid(text);
        } catch (GSSException e) {
            throw new IllegalStateException(e);
        }
    }
}
