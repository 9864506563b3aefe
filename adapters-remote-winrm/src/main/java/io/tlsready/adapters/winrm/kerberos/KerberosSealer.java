package io.tlsready.adapters.winrm.kerberos;

import io.tlsready.adapters.winrm.encryption.WinRmEncryption;
import io.tlsready.adapters.winrm.ntlm.NtlmSession;
import java.util.Arrays;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.MessageProp;

/**
 * WinRM message encryption with an established Kerberos GSS context (MS-WSMV 2.2.9.1.2), on either side.
 *
 * <p>Windows and MIT's {@code gss_wrap_iov} (HEADER, DATA, PADDING buffers; what pykerberos and pyspnego use) write
 * an RFC 4121 Wrap token whose trailer is rotated into the header: for AES the "signature" in the body is the
 * 16-byte token header with RRC = 16 + checksum length (28 for the SHA-1 types), then E(confounder) — 60 bytes —
 * and the data part is exactly as long as the plaintext (EC = 0: "no padding is added"). JGSS offers only
 * whole-token {@link GSSContext#wrap}, which writes RRC = 0; the same token rotated right by RRC, with RRC set in
 * its header, is byte for byte that IOV output. (The RRC field is outside the encrypted header copy, RFC 4121
 * 4.2.5, so setting it keeps the token valid.) Unwrapping joins header and data into one token: JGSS undoes any
 * rotation itself.
 *
 * <p>Only the RFC 4121 (AES) token format is produced; the RC4/DES formats of RFC 1964/4757 are refused when
 * sealing, since AD deprecates them and their WinRM header split differs.
 */
public final class KerberosSealer implements WinRmEncryption.Sealer {

    /** RFC 4121 4.2.6.2: Wrap token identifier 0x0504. */
    private static final int WRAP_TOKEN_ID = 0x0504;
    private static final int TOKEN_HEADER = 16;
    private static final int CONFOUNDER = 16;
    /** Flags: 0x01 sent by acceptor, 0x02 sealed. */
    private static final int FLAG_SEALED = 0x02;
    /** Longest header we read: token header, confounder, encrypted header copy and the longest checksum. */
    private static final int MAX_HEADER = 256;

    private final GSSContext context;

    /**
     * @param context an established context with confidentiality (the caller disposes of it)
     */
    public KerberosSealer(GSSContext context) {
        if (context == null || !context.isEstablished()) {
            throw new IllegalArgumentException("an established Kerberos context is required");
        }
        if (!context.getConfState()) {
            throw new IllegalArgumentException("the Kerberos context offers no confidentiality");
        }
        this.context = context;
    }

    @Override
    public String protocol() {
        return KERBEROS_PROTOCOL;
    }

    @Override
    public synchronized NtlmSession.Sealed seal(byte[] message) {
        byte[] token;
        try {
            token = context.wrap(message, 0, message.length, new MessageProp(0, true));
        } catch (GSSException e) {
            throw new KerberosException("Kerberos: cannot encrypt the message: " + e.getMessage(), e);
        }
        if (token.length < TOKEN_HEADER || u16(token, 0) != WRAP_TOKEN_ID || (token[2] & FLAG_SEALED) == 0) {
            throw new KerberosException("Kerberos: the session key type is not supported for WinRM message"
                    + " encryption (only the AES types, RFC 4121 tokens)");
        }
        int ec = u16(token, 4);
        int rrc = u16(token, 6);
        int checksum = token.length - TOKEN_HEADER - CONFOUNDER - message.length - ec - TOKEN_HEADER;
        if (ec != 0 || rrc != 0 || checksum <= 0) {
            throw new KerberosException("Kerberos: unexpected Wrap token layout (EC " + ec + ", RRC " + rrc + ")");
        }
        int rotation = TOKEN_HEADER + checksum;
        int body = token.length - TOKEN_HEADER;
        byte[] rotated = new byte[token.length];
        System.arraycopy(token, 0, rotated, 0, TOKEN_HEADER);
        rotated[6] = (byte) (rotation >>> 8);
        rotated[7] = (byte) rotation;
        System.arraycopy(token, token.length - rotation, rotated, TOKEN_HEADER, rotation);
        System.arraycopy(token, TOKEN_HEADER, rotated, TOKEN_HEADER + rotation, body - rotation);
        int headerLength = token.length - message.length;
        return new NtlmSession.Sealed(Arrays.copyOf(rotated, headerLength),
                Arrays.copyOfRange(rotated, headerLength, rotated.length));
    }

    @Override
    public synchronized byte[] unseal(byte[] header, byte[] encrypted) {
        byte[] token = new byte[header.length + encrypted.length];
        System.arraycopy(header, 0, token, 0, header.length);
        System.arraycopy(encrypted, 0, token, header.length, encrypted.length);
        MessageProp prop = new MessageProp(0, true);
        byte[] plain;
        try {
            plain = context.unwrap(token, 0, token.length, prop);
        } catch (GSSException e) {
            throw new KerberosException("Kerberos: the message does not decrypt or verify ("
                    + e.getMajorString() + ")", e);
        }
        if (!prop.getPrivacy()) {
            // Integrity alone would let anyone on the path read the answers; WinRM always encrypts.
            throw new KerberosException("Kerberos: the message was signed but not encrypted");
        }
        if (prop.isDuplicateToken() || prop.isOldToken() || prop.isUnseqToken() || prop.isGapToken()) {
            throw new KerberosException("Kerberos: the message is replayed or out of sequence");
        }
        return plain;
    }

    @Override
    public boolean acceptsHeaderLength(long length) {
        return length >= TOKEN_HEADER && length <= MAX_HEADER;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }
}
