package io.tlsready.app.rest.guard;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * The server's certificate chain and private key, read from PEM files (the chain leaf first; the key as PKCS#8
 * {@code PRIVATE KEY}, PKCS#1 {@code RSA PRIVATE KEY} or SEC1 {@code EC PRIVATE KEY}, unencrypted) and checked to
 * belong together, so that a wrong pair fails when the server is built, in one line, not at the first handshake.
 */
public final class ServerTls {

    /** The in-memory key store's password: it never leaves this process, so it protects nothing. */
    static final char[] STORE_PASSWORD = "tlsready".toCharArray();
    static final String ALIAS = "server";

    private final KeyStore keyStore;
    private final X509Certificate leaf;

    private ServerTls(KeyStore keyStore, X509Certificate leaf) {
        this.keyStore = keyStore;
        this.leaf = leaf;
    }

    /**
     * Reads and checks the pair.
     *
     * @throws IllegalArgumentException one line naming the file and what is wrong: missing, unreadable, not PEM,
     *                                  no certificate or key in it, or a key that does not match the certificate
     */
    public static ServerTls load(Path certificateFile, Path keyFile) {
        List<X509Certificate> chain = certificates(certificateFile);
        PrivateKey key = privateKey(keyFile);
        X509Certificate leaf = chain.get(0);
        if (!matches(key, leaf.getPublicKey())) {
            throw new IllegalArgumentException("TLS key " + keyFile + " does not match the certificate in "
                    + certificateFile + " (" + leaf.getSubjectX500Principal().getName() + ")");
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, key, STORE_PASSWORD, chain.toArray(X509Certificate[]::new));
            return new ServerTls(store, leaf);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use the TLS key in " + keyFile + ": " + e.getMessage(), e);
        }
    }

    KeyStore keyStore() {
        return keyStore;
    }

    /** The certificate the server presents (for logs and tests). */
    public X509Certificate certificate() {
        return leaf;
    }

    private static List<X509Certificate> certificates(Path file) {
        List<X509Certificate> chain = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (Object o : pemObjects(file, "TLS certificate")) {
            if (o instanceof X509CertificateHolder holder) {
                try {
                    chain.add(converter.getCertificate(holder));
                } catch (GeneralSecurityException e) {
                    throw new IllegalArgumentException("TLS certificate " + file + ": unusable certificate: "
                            + e.getMessage(), e);
                }
            }
        }
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("TLS certificate " + file + " holds no PEM certificate"
                    + " (-----BEGIN CERTIFICATE-----)");
        }
        return chain;
    }

    private static PrivateKey privateKey(Path file) {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        for (Object o : pemObjects(file, "TLS key")) {
            try {
                if (o instanceof PEMKeyPair pair) { // PKCS#1 RSA or SEC1 EC
                    return converter.getPrivateKey(pair.getPrivateKeyInfo()); // SEC1 may omit the public key
                }
                if (o instanceof PrivateKeyInfo info) { // PKCS#8
                    return converter.getPrivateKey(info);
                }
            } catch (PEMException e) {
                throw new IllegalArgumentException("TLS key " + file + ": unusable private key: " + e.getMessage(), e);
            }
        }
        throw new IllegalArgumentException("TLS key " + file + " holds no unencrypted PEM private key"
                + " (PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)");
    }

    private static List<Object> pemObjects(Path file, String what) {
        List<Object> objects = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
             PEMParser pem = new PEMParser(in)) {
            for (Object o = pem.readObject(); o != null; o = pem.readObject()) {
                objects.add(o);
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(what + " file " + file + " does not exist", e);
        } catch (IOException | RuntimeException e) {
            // PEMParser reports malformed base64 or DER as IOException or IllegalArgumentException
            throw new IllegalArgumentException(what + " file " + file + " is not PEM: " + oneLine(e), e);
        }
        if (objects.isEmpty()) {
            throw new IllegalArgumentException(what + " file " + file + " is not PEM (no -----BEGIN ...----- block)");
        }
        return objects;
    }

    /** Signs a probe with the key and verifies it with the certificate's public key. */
    private static boolean matches(PrivateKey key, PublicKey certified) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
        if (algorithm == null || !key.getAlgorithm().equals(certified.getAlgorithm())
                && !(key.getAlgorithm().startsWith("EC") && certified.getAlgorithm().startsWith("EC"))) {
            return false;
        }
        try {
            byte[] probe = "tlsready key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certified);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return Arrays.stream(m.split("\\R")).findFirst().orElse(m);
    }
}
