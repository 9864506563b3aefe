package io.tlsready.adapters.winrm.encryption;

import io.tlsready.adapters.winrm.ntlm.NtlmException;
import io.tlsready.adapters.winrm.ntlm.NtlmSession;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * WinRM message encryption over HTTP (MS-WSMV 2.2.9.1): the two-part {@code multipart/encrypted} body whose second
 * part is {@code uint32 LE} header length, the header and the encrypted SOAP bytes (as many as the plaintext).
 * With an NTLM context (2.2.9.1.1 NegotiateEncryptedMessage) the header is the 16-byte NTLMSSP_MESSAGE_SIGNATURE;
 * with a Kerberos context (2.2.9.1.2 KerberosEncryptedMessage) another {@link Sealer} supplies the RFC 4121 token
 * header. Works on either side: the session's direction decides which keys seal.
 */
public final class WinRmEncryption {

    /** The HTTP Content-Type of an NTLM-encrypted request or response. */
    public static final String CONTENT_TYPE = contentType(Sealer.SPNEGO_PROTOCOL);
    /** The HTTP Content-Type of a Kerberos-encrypted request or response. */
    public static final String KERBEROS_CONTENT_TYPE = contentType(Sealer.KERBEROS_PROTOCOL);
    /** The media type part of {@link #CONTENT_TYPE}, for matching replies. */
    public static final String MEDIA_TYPE = "multipart/encrypted";
    /** The SOAP content type inside, as sent by this implementation. */
    public static final String SOAP_UTF8 = "application/soap+xml;charset=UTF-8";

    private static final String BOUNDARY = "--Encrypted Boundary\r\n";
    private static final String FINAL_BOUNDARY = "--Encrypted Boundary--\r\n";
    private static final String PART_TYPE = "Content-Type: ";
    private static final String DATA_PART_TYPE = "Content-Type: application/octet-stream";
    private static final String ORIGINAL_CONTENT = "OriginalContent:";
    /** Longest metadata header block we accept before the second boundary. */
    private static final int MAX_METADATA = 1024;

    /**
     * What encrypts one message for this framing: the security context of an NTLM or Kerberos session.
     */
    public interface Sealer {

        /** MS-WSMV 2.2.9.1.1: the protocol of a SPNEGO (NTLM) context. */
        String SPNEGO_PROTOCOL = "application/HTTP-SPNEGO-session-encrypted";
        /** MS-WSMV 2.2.9.1.2: the protocol of a Kerberos context. */
        String KERBEROS_PROTOCOL = "application/HTTP-Kerberos-session-encrypted";

        /** The {@code protocol} of the Content-Type and of the first part. */
        String protocol();

        /** Encrypts one message: its header (signature or token header) and as many encrypted bytes as given. */
        NtlmSession.Sealed seal(byte[] message);

        /**
         * Decrypts and verifies one message.
         *
         * @throws RuntimeException (the context's own, reported as a bad body) when it does not verify
         */
        byte[] unseal(byte[] header, byte[] encrypted);

        /** Whether a header of this length can be one of ours (checked before it is read). */
        boolean acceptsHeaderLength(long length);
    }

    private final Sealer sealer;

    public WinRmEncryption(NtlmSession session) {
        if (session == null) {
            throw new IllegalArgumentException("an NTLM session is required");
        }
        this.sealer = new Sealer() {
            @Override
            public String protocol() {
                return SPNEGO_PROTOCOL;
            }

            @Override
            public NtlmSession.Sealed seal(byte[] message) {
                return session.seal(message);
            }

            @Override
            public byte[] unseal(byte[] header, byte[] encrypted) {
                return session.unseal(header, encrypted);
            }

            @Override
            public boolean acceptsHeaderLength(long length) {
                return length == NtlmSession.SIGNATURE_LENGTH;
            }
        };
    }

    private WinRmEncryption(Sealer sealer) {
        this.sealer = sealer;
    }

    /** The framing around another security context (Kerberos). */
    public static WinRmEncryption using(Sealer sealer) {
        if (sealer == null) {
            throw new IllegalArgumentException("a sealer is required");
        }
        return new WinRmEncryption(sealer);
    }

    private static String contentType(String protocol) {
        return "multipart/encrypted;protocol=\"" + protocol + "\";boundary=\"Encrypted Boundary\"";
    }

    /** The HTTP Content-Type of the bodies this instance writes. */
    public String contentType() {
        return contentType(sealer.protocol());
    }

    /** Seals a UTF-8 SOAP envelope into the multipart body. */
    public byte[] wrap(byte[] soapUtf8) {
        NtlmSession.Sealed sealed = sealer.seal(soapUtf8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(soapUtf8.length + 256);
        ascii(out, BOUNDARY + "\t" + PART_TYPE + sealer.protocol() + "\r\n"
                + "\t" + ORIGINAL_CONTENT + " type=" + SOAP_UTF8 + ";Length=" + soapUtf8.length + "\r\n"
                + BOUNDARY + "\t" + DATA_PART_TYPE + "\r\n");
        int length = sealed.signature().length;
        out.write(new byte[] {(byte) length, (byte) (length >>> 8), (byte) (length >>> 16), (byte) (length >>> 24)},
                0, 4); // uint32 LE header length
        out.writeBytes(sealed.signature());
        out.writeBytes(sealed.message());
        ascii(out, FINAL_BOUNDARY);
        return out.toByteArray();
    }

    /** Unseals and verifies a multipart body; returns the SOAP bytes in the charset the sender declared. */
    public byte[] unwrap(byte[] body) {
        return open(body).content();
    }

    /** As {@link #unwrap}, also reporting the declared charset (UTF-8 or UTF-16, MS-WSMV 2.2.9.1.1.2.1). */
    public Payload open(byte[] body) {
        if (body == null) {
            throw new EncryptedBodyException("encrypted WinRM body: missing");
        }
        int position = expect(body, 0, BOUNDARY, "does not start with --Encrypted Boundary");
        int metadataEnd = indexOf(body, BOUNDARY.getBytes(StandardCharsets.US_ASCII), position,
                Math.min(body.length, position + MAX_METADATA));
        if (metadataEnd < 0) {
            throw new EncryptedBodyException("encrypted WinRM body: the second --Encrypted Boundary is missing");
        }
        Metadata metadata = Metadata.parse(new String(body, position, metadataEnd - position,
                StandardCharsets.US_ASCII), sealer.protocol());
        position = metadataEnd + BOUNDARY.length();

        int lineEnd = indexOf(body, new byte[] {'\r', '\n'}, position, Math.min(body.length, position + MAX_METADATA));
        if (lineEnd < 0 || !new String(body, position, lineEnd - position, StandardCharsets.US_ASCII).strip()
                .equalsIgnoreCase(DATA_PART_TYPE)) {
            throw new EncryptedBodyException("encrypted WinRM body: the data part is not application/octet-stream");
        }
        position = lineEnd + 2;

        int signatureLength = u32(body, position, "signature length");
        if (!sealer.acceptsHeaderLength(signatureLength & 0xffffffffL)) {
            throw new EncryptedBodyException("encrypted WinRM body: signature length " + (signatureLength & 0xffffffffL)
                    + " is not possible for " + sealer.protocol());
        }
        position += 4;
        byte[] signature = bytes(body, position, signatureLength, "signature");
        position += signatureLength;

        int sealedEnd = endOfSealedData(body, position);
        byte[] sealed = Arrays.copyOfRange(body, position, sealedEnd);
        if (sealed.length != metadata.length()) {
            throw new EncryptedBodyException("encrypted WinRM body: " + sealed.length + " encrypted bytes but Length="
                    + metadata.length());
        }
        byte[] plain;
        try {
            plain = sealer.unseal(signature, sealed);
        } catch (NtlmException e) {
            throw new EncryptedBodyException(e.getMessage(), e); // NTLM's own words, as they always were
        } catch (RuntimeException e) {
            throw new EncryptedBodyException("encrypted WinRM body: " + e.getMessage(), e);
        }
        if (plain.length != metadata.length()) {
            throw new EncryptedBodyException("encrypted WinRM body: decrypted length " + plain.length + " differs from Length="
                    + metadata.length());
        }
        return new Payload(plain, metadata.charset());
    }

    /** A little-endian uint32 of the body, or a failure naming the field. */
    private static int u32(byte[] body, int offset, String field) {
        require(body, offset, 4, field);
        return (body[offset] & 0xff) | (body[offset + 1] & 0xff) << 8 | (body[offset + 2] & 0xff) << 16
                | (body[offset + 3] & 0xff) << 24;
    }

    private static byte[] bytes(byte[] body, int offset, int length, String field) {
        require(body, offset, length, field);
        return Arrays.copyOfRange(body, offset, offset + length);
    }

    private static void require(byte[] body, int offset, int length, String field) {
        if (offset < 0 || length < 0 || (long) offset + length > body.length) {
            throw new EncryptedBodyException("encrypted WinRM body: " + field + " lies outside the message (offset "
                    + (offset & 0xffffffffL) + ", length " + length + ", message length " + body.length + ")");
        }
    }

    /** The sealed bytes end at the closing boundary, {@code --Encrypted Boundary--\r\n} or without the dashes. */
    private static int endOfSealedData(byte[] body, int start) {
        for (String trailer : new String[] {FINAL_BOUNDARY, BOUNDARY}) {
            byte[] bytes = trailer.getBytes(StandardCharsets.US_ASCII);
            int end = body.length - bytes.length;
            if (end >= start && Arrays.equals(body, end, body.length, bytes, 0, bytes.length)) {
                return end;
            }
        }
        throw new EncryptedBodyException("encrypted WinRM body: no closing --Encrypted Boundary");
    }

    private static int expect(byte[] body, int position, String literal, String problem) {
        byte[] bytes = literal.getBytes(StandardCharsets.US_ASCII);
        if (body.length - position < bytes.length
                || !Arrays.equals(body, position, position + bytes.length, bytes, 0, bytes.length)) {
            throw new EncryptedBodyException("encrypted WinRM body " + problem);
        }
        return position + bytes.length;
    }

    private static int indexOf(byte[] data, byte[] needle, int from, int to) {
        for (int i = from; i + needle.length <= to; i++) {
            if (Arrays.equals(data, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    private static void ascii(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * A decrypted SOAP message.
     *
     * @param content the plaintext bytes
     * @param charset the declared charset (UTF-8 or UTF-16)
     */
    public record Payload(byte[] content, Charset charset) {

        public Payload {
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }

        public String text() {
            return new String(content, charset);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Payload && Arrays.equals(((Payload) other).content, content)
                    && ((Payload) other).charset.equals(charset);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(content);
        }

        @Override
        public String toString() {
            return "Payload[" + content.length + " bytes, " + charset + "]";
        }
    }

    /** The first part: {@code Content-Type: application/HTTP-…-session-encrypted} and OriginalContent. */
    private record Metadata(int length, Charset charset) {

        /** MS-WSMV 2.2.9.1.2.2.1: a Kerberos body may name either protocol in its first part. */
        static Metadata parse(String block, String protocol) {
            boolean protocolSeen = false;
            String original = null;
            for (String rawLine : block.split("\r\n", -1)) {
                String line = rawLine.strip();
                if (line.isEmpty()) {
                    continue;
                }
                if (line.equalsIgnoreCase(PART_TYPE + protocol) || protocol.equals(Sealer.KERBEROS_PROTOCOL)
                        && line.equalsIgnoreCase(PART_TYPE + Sealer.SPNEGO_PROTOCOL)) {
                    protocolSeen = true;
                } else if (line.regionMatches(true, 0, ORIGINAL_CONTENT, 0, ORIGINAL_CONTENT.length())) {
                    original = line.substring(ORIGINAL_CONTENT.length()).strip();
                } else {
                    throw new EncryptedBodyException("encrypted WinRM body: unexpected metadata header");
                }
            }
            if (!protocolSeen) {
                throw new EncryptedBodyException("encrypted WinRM body: the first part is not " + protocol);
            }
            if (original == null) {
                throw new EncryptedBodyException("encrypted WinRM body: no OriginalContent header");
            }
            return fromOriginalContent(original);
        }

        /** {@code type=application/soap+xml;charset=UTF-8;Length=N}. */
        private static Metadata fromOriginalContent(String value) {
            Integer length = null;
            Charset charset = StandardCharsets.UTF_8;
            for (String parameter : value.split(";")) {
                String p = parameter.strip();
                int eq = p.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String name = p.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                String v = p.substring(eq + 1).strip();
                if (name.equals("length")) {
                    length = parseLength(v);
                } else if (name.equals("charset")) {
                    charset = parseCharset(v);
                }
            }
            if (length == null) {
                throw new EncryptedBodyException("encrypted WinRM body: OriginalContent has no Length");
            }
            return new Metadata(length, charset);
        }

        private static int parseLength(String value) {
            if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new EncryptedBodyException("encrypted WinRM body: OriginalContent Length is not a number");
            }
            return Integer.parseInt(value);
        }

        private static Charset parseCharset(String value) {
            String upper = value.replace("\"", "").toUpperCase(Locale.ROOT);
            if (upper.equals("UTF-8")) {
                return StandardCharsets.UTF_8;
            }
            if (upper.equals("UTF-16")) {
                return StandardCharsets.UTF_16;
            }
            throw new EncryptedBodyException("encrypted WinRM body: charset must be UTF-8 or UTF-16");
        }
    }
}
