package io.tlsready.adapters.winrm.transport;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A small private CA made with the JDK's keytool (no extra dependency), which issues server certificates the way a
 * company PKI does: the server presents leaf + CA, and clients trust the CA through {@code --ca-cert}.
 */
final class TestCa {

    private static final String PASS = "changeit";

    private final Path dir;
    private final Path store;
    private final X509Certificate certificate;
    private final Path pem;

    private TestCa(Path dir, Path store, X509Certificate certificate, Path pem) {
        this.dir = dir;
        this.store = store;
        this.certificate = certificate;
        this.pem = pem;
    }

    static TestCa create(Path dir, String dname) throws Exception {
        Path store = dir.resolve("ca.p12");
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", dname,
                "-ext", "bc:c", "-validity", "30", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", PASS, "-keypass", PASS);
        KeyStore ks = load(store);
        X509Certificate ca = (X509Certificate) ks.getCertificate("ca");
        Path pem = dir.resolve("ca.pem");
        Files.writeString(pem, pem(ca));
        return new TestCa(dir, store, ca, pem);
    }

    /** The CA's certificate as PEM (what --ca-cert takes). */
    Path pem() {
        return pem;
    }

    X509Certificate certificate() {
        return certificate;
    }

    /**
     * A server certificate signed by this CA.
     *
     * @param san       keytool's SAN syntax ({@code ip:127.0.0.1,dns:host.example}), or null for none
     * @param startDate keytool's {@code -startdate} ({@code -60d}, {@code +10d}), or null for now
     */
    TestCerts issue(String name, String cn, String san, String startDate) throws Exception {
        Path leafStore = dir.resolve(name + ".p12");
        Path csr = dir.resolve(name + ".csr");
        Path crt = dir.resolve(name + ".crt");
        keytool("-genkeypair", "-alias", "leaf", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + cn,
                "-validity", "30", "-keystore", leafStore.toString(), "-storetype", "PKCS12", "-storepass", PASS,
                "-keypass", PASS);
        keytool("-certreq", "-alias", "leaf", "-keystore", leafStore.toString(), "-storepass", PASS, "-file",
                csr.toString());
        List<String> gencert = new ArrayList<>(List.of("-gencert", "-alias", "ca", "-keystore", store.toString(),
                "-storepass", PASS, "-infile", csr.toString(), "-outfile", crt.toString(), "-rfc", "-validity", "30"));
        if (san != null) {
            gencert.addAll(List.of("-ext", "SAN=" + san));
        }
        if (startDate != null) {
            gencert.addAll(List.of("-startdate", startDate));
        }
        keytool(gencert.toArray(String[]::new));
        X509Certificate leaf;
        try (InputStream in = Files.newInputStream(crt)) {
            leaf = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        PrivateKey key = (PrivateKey) load(leafStore).getKey("leaf", PASS.toCharArray());
        KeyStore served = KeyStore.getInstance("PKCS12");
        served.load(null, null);
        served.setKeyEntry("server", key, PASS.toCharArray(), new Certificate[] {leaf, certificate});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(served, PASS.toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        Path leafPem = dir.resolve(name + ".pem");
        Files.writeString(leafPem, pem(leaf));
        return new TestCerts(ctx, leaf, leafPem);
    }

    static String pem(X509Certificate cert) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(cert.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    private static KeyStore load(Path store) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, PASS.toCharArray());
        }
        return ks;
    }

    static void keytool(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
        }
    }
}
