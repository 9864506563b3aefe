package io.tlsready.sim;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A throw-away RSA certificate for the HTTPS listeners, made at start-up with the JDK's own {@code keytool} (no
 * extra dependency): CN=tlsready-winrm-simulator, SAN = localhost and every listening address, valid 30 days.
 * Clients pin it by {@link #sha256()} or trust it through the PEM ({@link #pem()}, {@code --cert-out}).
 */
public final class SelfSignedCertificate {

    /** Beyond this many addresses the SAN list is cut (clients then pin the SHA-256 instead). */
    static final int MAX_SAN_ADDRESSES = 2048;
    private static final String ALIAS = "winrm-sim";

    private final X509Certificate certificate;
    private final SSLContext sslContext;

    private SelfSignedCertificate(X509Certificate certificate, SSLContext sslContext) {
        this.certificate = certificate;
        this.sslContext = sslContext;
    }

    /** Generates a key pair and certificate for these IP addresses (plus localhost and 127.0.0.1). */
    public static SelfSignedCertificate generate(Collection<String> addresses) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("tlsready-sim-cert");
            Path store = dir.resolve("sim.p12");
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(random).toCharArray();
            Set<String> ips = new LinkedHashSet<>();
            ips.add("127.0.0.1");
            addresses.stream().limit(MAX_SAN_ADDRESSES).forEach(ips::add);
            StringBuilder san = new StringBuilder("SAN=dns:localhost");
            ips.forEach(ip -> san.append(",ip:").append(ip));
            List<String> cmd = new ArrayList<>(List.of(keytool(), "-genkeypair", "-alias", ALIAS, "-keyalg", "RSA",
                    "-keysize", "2048", "-sigalg", "SHA256withRSA", "-validity", "30",
                    "-dname", "CN=tlsready-winrm-simulator, O=tlsready test fleet",
                    "-ext", san.toString(), "-ext", "EKU=serverAuth", "-storetype", "PKCS12",
                    "-keystore", store.toString(), "-storepass:env", "SIM_STOREPASS", "-noprompt"));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put("SIM_STOREPASS", new String(password));
            Process p = pb.start();
            byte[] output;
            try (InputStream in = p.getInputStream()) {
                output = in.readAllBytes();
            }
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("keytool could not make the simulator's certificate: "
                        + new String(output, StandardCharsets.UTF_8).strip());
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                ks.load(in, password);
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, new SecureRandom());
            return new SelfSignedCertificate((X509Certificate) ks.getCertificate(ALIAS), ctx);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the simulator's certificate: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making the simulator's certificate", e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static String keytool() {
        Path tool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        return Files.isExecutable(tool) ? tool.toString() : "keytool";
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a temp file left behind is harmless
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    SSLContext sslContext() {
        return sslContext;
    }

    /** SHA-256 of the DER certificate, lower-case hex without separators (what --pin-sha256 takes). */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** The certificate as PEM, for --ca-cert. */
    public String pem() {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encode the certificate", e);
        }
    }
}
