package io.tlsready.sim;

import io.tlsready.adapters.winrm.kerberos.KerberosSealer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.Subject;
import javax.security.auth.kerberos.KeyTab;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSCredential;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.Oid;

/**
 * The simulated host's Kerberos side, as Windows' HTTP.sys does it with the computer account: a JGSS acceptor
 * whose keys come from a keytab, for every service principal in it (so the SPN is whatever the keytab holds,
 * {@link #principals()}). It accepts a raw Kerberos AP-REQ (what pywinrm/requests-kerberos send under
 * {@code Negotiate}) and a SPNEGO token alike: JGSS picks the mechanism from the token's OID.
 */
final class KerberosAcceptor {

    static final Oid KRB5 = oid("1.2.840.113554.1.2.2");
    static final Oid SPNEGO = oid("1.3.6.1.5.5.2");

    private final Subject subject;
    private final GSSCredential credential;
    private final List<String> principals;

    private KerberosAcceptor(Subject subject, GSSCredential credential, List<String> principals) {
        this.subject = subject;
        this.credential = credential;
        this.principals = principals;
    }

    /**
     * Loads a keytab.
     *
     * @throws IllegalArgumentException one line naming the file when it is unreadable, not a keytab or empty
     */
    static KerberosAcceptor fromKeytab(Path keytab) {
        List<String> principals = principals(keytab);
        if (principals.isEmpty()) {
            throw new IllegalArgumentException(keytab + ": the keytab holds no principal");
        }
        Subject subject = new Subject();
        subject.getPrivateCredentials().add(KeyTab.getUnboundInstance(keytab.toFile()));
        try {
            GSSCredential credential = Subject.doAs(subject, (PrivilegedExceptionAction<GSSCredential>) () ->
                    GSSManager.getInstance().createCredential(null, GSSCredential.INDEFINITE_LIFETIME,
                            new Oid[] {KRB5, SPNEGO}, GSSCredential.ACCEPT_ONLY));
            return new KerberosAcceptor(subject, credential, principals);
        } catch (PrivilegedActionException e) {
            throw new IllegalArgumentException(keytab + ": cannot use the keytab: " + e.getException().getMessage(),
                    e.getException());
        }
    }

    /** The service principals the keytab holds, e.g. {@code HTTP/localhost@TLSREADY.TEST}. */
    List<String> principals() {
        return principals;
    }

    /**
     * Accepts one initial token.
     *
     * @return the established context and the token to return (AP-REP), or empty when the token is refused
     */
    Optional<Accepted> accept(byte[] token) {
        try {
            return Subject.doAs(subject, (PrivilegedExceptionAction<Optional<Accepted>>) () -> {
                GSSContext context = GSSManager.getInstance().createContext(credential);
                try {
                    byte[] reply = context.acceptSecContext(token, 0, token.length);
                    if (!context.isEstablished()) {
                        // One leg only: the clients we serve (Kerberos, SPNEGO with an optimistic token) need no more.
                        context.dispose();
                        return Optional.<Accepted>empty();
                    }
                    return Optional.of(new Accepted(context, reply, context.getSrcName().toString()));
                } catch (GSSException e) {
                    context.dispose();
                    return Optional.<Accepted>empty();
                }
            });
        } catch (PrivilegedActionException e) {
            return Optional.empty();
        }
    }

    /**
     * An accepted client.
     *
     * @param context the established context (its owner disposes of it)
     * @param reply   the AP-REP for {@code WWW-Authenticate: Negotiate …}, or null
     * @param client  the client principal
     */
    record Accepted(GSSContext context, byte[] reply, String client) {

        KerberosSealer sealer() {
            return new KerberosSealer(context);
        }

        void dispose() {
            try {
                context.dispose();
            } catch (GSSException e) {
                // nothing held beyond memory
            }
        }
    }

    /**
     * The principals of a MIT keytab file (format 0x0502; 0x0501 uses a different byte order nobody writes now).
     */
    static List<String> principals(Path keytab) {
        byte[] data;
        try {
            data = Files.readAllBytes(keytab);
        } catch (IOException e) {
            throw new UncheckedIOException(keytab + ": cannot read the keytab (" + e.getClass().getSimpleName() + ")",
                    e);
        }
        ByteBuffer b = ByteBuffer.wrap(data);
        if (data.length < 2 || b.getShort() != 0x0502) {
            throw new IllegalArgumentException(keytab + ": not a keytab (expected the 0x0502 header)");
        }
        Set<String> names = new LinkedHashSet<>();
        try {
            while (b.remaining() >= 4) {
                int size = b.getInt();
                if (size < 0) {
                    // a deleted entry's hole
                    b.position(b.position() - size);
                    continue;
                }
                if (size == 0 || size > b.remaining()) {
                    break;
                }
                ByteBuffer entry = b.slice(b.position(), size);
                b.position(b.position() + size);
                int components = entry.getShort() & 0xFFFF;
                String realm = counted(entry);
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < components; i++) {
                    parts.add(counted(entry));
                }
                names.add(String.join("/", parts) + "@" + realm);
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(keytab + ": damaged keytab", e);
        }
        return List.copyOf(names);
    }

    private static String counted(ByteBuffer b) {
        int length = b.getShort() & 0xFFFF;
        byte[] text = new byte[length];
        b.get(text);
        return new String(text, StandardCharsets.UTF_8);
    }

    private static Oid oid(String text) {
        try {
            return new Oid(text);
        } catch (GSSException e) {
            throw new IllegalStateException(e);
        }
    }
}
