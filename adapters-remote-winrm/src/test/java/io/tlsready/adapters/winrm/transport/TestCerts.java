package io.tlsready.adapters.winrm.transport;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** A self-signed server certificate made with the JDK's keytool, as a server SSLContext plus its PEM. */
record TestCerts(SSLContext serverContext, X509Certificate certificate, Path pem) {

    static TestCerts generate(Path dir, String name, String san) throws Exception {
        return generate(dir, name, "CN=" + name, san, null);
    }

    /**
     * @param dname     the subject in keytool's syntax ({@code \1B} escapes any byte)
     * @param san       keytool's SAN syntax, or null for a certificate without subjectAltName
     * @param startDate keytool's {@code -startdate} ({@code -60d}), or null for now
     */
    static TestCerts generate(Path dir, String name, String dname, String san, String startDate) throws Exception {
        Path store = dir.resolve(name + ".p12");
        List<String> args = new ArrayList<>(List.of("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname",
                "secp256r1", "-dname", dname, "-validity", "3", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-keypass", "changeit"));
        if (san != null) {
            args.addAll(List.of("-ext", "SAN=" + san));
        }
        if (startDate != null) {
            args.addAll(List.of("-startdate", startDate));
        }
        TestCa.keytool(args.toArray(String[]::new));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        X509Certificate cert = (X509Certificate) ks.getCertificate("server");
        Path pem = dir.resolve(name + ".pem");
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(cert.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        return new TestCerts(ctx, cert, pem);
    }

    String sha256() throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    }
}
