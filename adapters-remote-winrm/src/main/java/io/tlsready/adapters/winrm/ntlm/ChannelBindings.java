package io.tlsready.adapters.winrm.ntlm;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Locale;

/**
 * Channel binding for NTLM over HTTPS (MS-NLMP 2.2.2.1 MsvAvChannelBindings): MD5 of a gss_channel_bindings_struct
 * (RFC 2744 3.11) with no addresses and, as application data, {@code "tls-server-end-point:"} followed by the
 * server certificate hash of RFC 5929 section 4.1.
 */
public final class ChannelBindings {

    private static final String TLS_SERVER_END_POINT = "tls-server-end-point:";

    private ChannelBindings() {
    }

    /** The MsvAvChannelBindings value for a TLS server certificate. */
    public static byte[] forServerCertificate(X509Certificate certificate) {
        return hash(applicationData(certificate));
    }

    /** {@code "tls-server-end-point:" || H(certificate)} (RFC 5929 4.1). */
    public static byte[] applicationData(X509Certificate certificate) {
        byte[] prefix = TLS_SERVER_END_POINT.getBytes(StandardCharsets.US_ASCII);
        byte[] certificateHash = certificateHash(certificate);
        byte[] data = new byte[prefix.length + certificateHash.length];
        System.arraycopy(prefix, 0, data, 0, prefix.length);
        System.arraycopy(certificateHash, 0, data, prefix.length, certificateHash.length);
        return data;
    }

    /**
     * MD5 of the gss_channel_bindings_struct: initiator_addrtype, initiator_address (length 0),
     * acceptor_addrtype, acceptor_address (length 0), application_data (length-prefixed), all little-endian.
     */
    public static byte[] hash(byte[] applicationData) {
        byte[] struct = new Wire.Writer().u32(0).u32(0).u32(0).u32(0).u32(applicationData.length)
                .bytes(applicationData).toByteArray();
        return NtlmCrypto.md5(struct);
    }

    /** RFC 5929 4.1: the certificate's signature hash, except MD5 and SHA-1 become SHA-256. */
    static byte[] certificateHash(X509Certificate certificate) {
        try {
            return MessageDigest.getInstance(hashAlgorithm(certificate.getSigAlgName())).digest(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new NtlmException("the server certificate cannot be encoded for channel binding", e);
        } catch (GeneralSecurityException e) {
            throw new NtlmException("no digest for the server certificate's signature algorithm "
                    + certificate.getSigAlgName(), e);
        }
    }

    static String hashAlgorithm(String signatureAlgorithm) {
        String upper = signatureAlgorithm.toUpperCase(Locale.ROOT).replace("-", "");
        if (upper.startsWith("SHA384") || upper.contains("WITHSHA384")) {
            return "SHA-384";
        }
        if (upper.startsWith("SHA512") || upper.contains("WITHSHA512")) {
            return "SHA-512";
        }
        return "SHA-256";
    }
}
