package io.tlsready.adapters.winrm.transport;

import io.tlsready.domain.output.Visible;
import io.tlsready.domain.port.Hint;
import io.tlsready.domain.port.HintedText;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The trust decision for one host's TLS certificate. Validation against the system trust store is on by default;
 * a PEM bundle adds trust anchors; a SHA-256 pin trusts exactly that leaf certificate (and skips the host name
 * check, because a pin is stronger than a name); {@code insecureSkipVerify} trusts anything, only when asked for.
 *
 * <p>It also remembers the certificate the server presented, for NTLM channel bindings over HTTPS, and why it
 * was refused ({@link CertificateRefusal}: advice that never invites pinning a certificate for another name).
 */
final class HostTrust extends X509ExtendedTrustManager {

    /** What the user asked for. The CA bundle is read when the policy is built, so a bad file fails early. */
    enum Mode { SYSTEM, PINNED, INSECURE }

    private final String hostLabel;
    private final Mode mode;
    private final byte[] pin;
    private final X509ExtendedTrustManager delegate;
    private volatile X509Certificate presented;
    private volatile HintedText rejection;

    private HostTrust(String hostLabel, Mode mode, byte[] pin, X509ExtendedTrustManager delegate) {
        this.hostLabel = hostLabel;
        this.mode = mode;
        this.pin = pin;
        this.delegate = delegate;
    }

    /** A pin or CA bundle that cannot be used; the setting it names is a hint, worded by the app. */
    static final class Unusable extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        private final transient HintedText hinted;

        Unusable(HintedText hinted, Throwable cause) {
            super(hinted.neutral(), cause);
            this.hinted = hinted;
        }

        HintedText hinted() {
            return hinted;
        }
    }

    private static Hint caFile(Path file) {
        return new Hint.CaCertificateFile(file.toString());
    }

    /**
     * Builds the policy.
     *
     * @throws Unusable with a one-line message when the pin is malformed or the bundle unreadable
     */
    static HostTrust of(String hostLabel, Optional<Path> caBundle, Optional<String> pinSha256, boolean insecure) {
        if (insecure) {
            return new HostTrust(hostLabel, Mode.INSECURE, null, null);
        }
        if (pinSha256.isPresent()) {
            return new HostTrust(hostLabel, Mode.PINNED, parsePin(pinSha256.get()), null);
        }
        return new HostTrust(hostLabel, Mode.SYSTEM, null, systemTrust(caBundle));
    }

    static byte[] parsePin(String text) {
        String hex = text.strip().replace(":", "").replace(" ", "").toLowerCase(Locale.ROOT);
        if (hex.startsWith("sha256/") || hex.startsWith("sha256:")) {
            hex = hex.substring(7);
        }
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new Unusable(HintedText.of(new Hint.PinnedCertificate(), " must be 64 hex digits (the SHA-256 of the"
                    + " certificate's DER encoding), got " + text.strip().length() + " characters"), null);
        }
        return HexFormat.of().parseHex(hex);
    }

    private static X509ExtendedTrustManager systemTrust(Optional<Path> caBundle) {
        try {
            KeyStore anchors = null;
            if (caBundle.isPresent()) {
                anchors = KeyStore.getInstance(KeyStore.getDefaultType());
                anchors.load(null, null);
                int n = 0;
                // The JDK's default anchors first, so a CA bundle adds to the system store instead of replacing it.
                for (X509Certificate ca : defaultAnchors()) {
                    anchors.setCertificateEntry("system-" + n++, ca);
                }
                List<X509Certificate> extra = readPem(caBundle.get());
                for (X509Certificate ca : extra) {
                    anchors.setCertificateEntry("ca-cert-" + n++, ca);
                }
            }
            return trustManager(anchors);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot set up certificate trust: " + e.getMessage(), e);
        }
    }

    private static List<X509Certificate> defaultAnchors() throws GeneralSecurityException {
        List<X509Certificate> out = new ArrayList<>();
        for (X509Certificate c : trustManager(null).getAcceptedIssuers()) {
            out.add(c);
        }
        return out;
    }

    private static X509ExtendedTrustManager trustManager(KeyStore anchors) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(anchors);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509ExtendedTrustManager) {
                return (X509ExtendedTrustManager) tm;
            }
        }
        throw new GeneralSecurityException("no X509 trust manager in this JDK");
    }

    static List<X509Certificate> readPem(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new Unusable(HintedText.of(caFile(file), ": no PEM certificate in the file"), null);
            }
            return out;
        } catch (IOException e) {
            throw new Unusable(HintedText.of(caFile(file), ": cannot read the file (" + e.getMessage() + ")"), e);
        } catch (CertificateException e) {
            throw new Unusable(HintedText.of(caFile(file), ": not a PEM certificate bundle (" + e.getMessage() + ")"),
                    e);
        }
    }

    Mode mode() {
        return mode;
    }

    /** The leaf certificate of the last handshake, if any. */
    Optional<X509Certificate> presented() {
        return Optional.ofNullable(presented);
    }

    /** Why the last handshake's certificate was refused (one line naming the host and what to do), if it was. */
    Optional<HintedText> rejection() {
        return Optional.ofNullable(rejection);
    }

    static String sha256(X509Certificate cert) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (GeneralSecurityException e) {
            return "(unavailable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain, authType, tm -> tm.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain, authType, tm -> tm.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, authType, tm -> tm.checkServerTrusted(chain, authType));
    }

    /** The JDK's check of this handshake (chain, host name, dates) against a given set of trust anchors. */
    private interface Check {
        void run(X509ExtendedTrustManager anchors) throws CertificateException;
    }

    private void check(X509Certificate[] chain, String authType, Check jdk) throws CertificateException {
        if (chain == null || chain.length == 0) {
            rejection = HintedText.plain("the TLS server at " + Visible.of(hostLabel) + " presented no certificate");
            throw new CertificateException(rejection.neutral());
        }
        X509Certificate leaf = chain[0];
        presented = leaf;
        rejection = null;
        switch (mode) {
            case INSECURE:
                return;
            case PINNED:
                if (!MessageDigest.isEqual(pin, HexFormat.of().parseHex(sha256(leaf)))) {
                    rejection = HintedText.of("certificate for host " + Visible.of(hostLabel) + " does not match ",
                            new Hint.PinnedCertificate(), ": the host presented " + sha256(leaf) + " ("
                            + Visible.of(leaf.getSubjectX500Principal().getName()) + ")");
                    throw new CertificateException(rejection.neutral());
                }
                return;
            default:
                try {
                    jdk.run(delegate);
                } catch (CertificateException e) {
                    rejection = CertificateRefusal.explain(hostLabel, chain, e, new CertificateRefusal.Findings(
                            pathTrusted(chain, authType), acceptedAsOwnAnchor(leaf, jdk)), Instant.now());
                    throw e;
                }
        }
    }

    /** The chain against the trust anchors alone, host name aside (for the wording only). */
    private boolean pathTrusted(X509Certificate[] chain, String authType) {
        try {
            delegate.checkServerTrusted(chain, authType);
            return true;
        } catch (CertificateException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Whether a self-signed leaf would pass this same handshake check, host name included, once trusted: the only
     * case in which advising a pin on its SHA-256 cannot lead the admin to trust a certificate for another server.
     */
    private static boolean acceptedAsOwnAnchor(X509Certificate leaf, Check jdk) {
        if (!CertificateRefusal.selfSigned(leaf)) {
            return false;
        }
        try {
            KeyStore only = KeyStore.getInstance(KeyStore.getDefaultType());
            only.load(null, null);
            only.setCertificateEntry("presented", leaf);
            jdk.run(trustManager(only));
            return true;
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("this is a client");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("this is a client");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this is a client");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate == null ? new X509Certificate[0] : delegate.getAcceptedIssuers();
    }

    @Override
    public String toString() {
        return "HostTrust[" + hostLabel + ", " + mode + "]";
    }
}
