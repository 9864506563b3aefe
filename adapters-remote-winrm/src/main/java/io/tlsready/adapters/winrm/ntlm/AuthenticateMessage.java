package io.tlsready.adapters.winrm.ntlm;

import java.util.Arrays;

/**
 * AUTHENTICATE_MESSAGE (MS-NLMP 2.2.1.3), client to server. Byte arrays are copied in and out. {@code toString}
 * shows only names and lengths: the responses allow offline password guessing, and the session key is secret.
 *
 * @param flags the negotiated NegotiateFlags
 * @param lmChallengeResponse LMv2_RESPONSE (24 bytes) or Z(24)
 * @param ntChallengeResponse NTLMv2_RESPONSE (NTProofStr followed by the temp blob, see {@link NtlmV2Response})
 * @param domain the user's domain, may be empty
 * @param user the user name
 * @param workstation the client machine name, may be empty
 * @param encryptedRandomSessionKey the RC4-encrypted ExportedSessionKey with KEY_EXCH, else empty
 * @param version the VERSION, or {@link NtlmVersion#ZERO}
 * @param mic the 16-byte MIC, or {@code null} when the message carries no MIC field
 */
public record AuthenticateMessage(int flags, byte[] lmChallengeResponse, byte[] ntChallengeResponse, String domain,
                                  String user, String workstation, byte[] encryptedRandomSessionKey,
                                  NtlmVersion version, byte[] mic) {

    static final int MESSAGE_TYPE = 3;
    /** Offset of the MIC field when present (after the 64-byte header and the 8-byte Version). */
    public static final int MIC_OFFSET = 72;
    public static final int MIC_LENGTH = 16;
    private static final int FIXED_HEADER = 64;

    public AuthenticateMessage {
        lmChallengeResponse = copy(lmChallengeResponse);
        ntChallengeResponse = copy(ntChallengeResponse);
        encryptedRandomSessionKey = copy(encryptedRandomSessionKey);
        domain = domain == null ? "" : domain;
        user = user == null ? "" : user;
        workstation = workstation == null ? "" : workstation;
        version = version == null ? NtlmVersion.ZERO : version;
        if (mic != null && mic.length != MIC_LENGTH) {
            throw new IllegalArgumentException("MIC must be 16 bytes");
        }
        mic = mic == null ? null : mic.clone();
    }

    private static byte[] copy(byte[] value) {
        return value == null ? new byte[0] : value.clone();
    }

    @Override
    public byte[] lmChallengeResponse() {
        return lmChallengeResponse.clone();
    }

    @Override
    public byte[] ntChallengeResponse() {
        return ntChallengeResponse.clone();
    }

    @Override
    public byte[] encryptedRandomSessionKey() {
        return encryptedRandomSessionKey.clone();
    }

    @Override
    public byte[] mic() {
        return mic == null ? null : mic.clone();
    }

    public boolean hasMicField() {
        return mic != null;
    }

    public boolean unicode() {
        return NegotiateFlags.has(flags, NegotiateFlags.NEGOTIATE_UNICODE);
    }

    /** This message with the MIC field set (added when it was absent). */
    public AuthenticateMessage withMic(byte[] newMic) {
        return new AuthenticateMessage(flags, lmChallengeResponse, ntChallengeResponse, domain, user, workstation,
                encryptedRandomSessionKey, version, newMic);
    }

    /** The message as parsed from an NTLMv2 client; fails when the NT response is not an NTLMv2_RESPONSE. */
    public NtlmV2Response ntlmV2Response() {
        return NtlmV2Response.decode(ntChallengeResponse);
    }

    /**
     * Encodes the header, Version, MIC (when present), then the payload in the order Windows uses: DomainName,
     * UserName, Workstation, LmChallengeResponse, NtChallengeResponse, EncryptedRandomSessionKey.
     */
    public byte[] encode() {
        boolean unicode = unicode();
        byte[] domainBytes = Wire.encodeString(domain, unicode);
        byte[] userBytes = Wire.encodeString(user, unicode);
        byte[] workstationBytes = Wire.encodeString(workstation, unicode);
        int domainOffset = FIXED_HEADER + NtlmVersion.LENGTH + (mic == null ? 0 : MIC_LENGTH);
        int userOffset = domainOffset + domainBytes.length;
        int workstationOffset = userOffset + userBytes.length;
        int lmOffset = workstationOffset + workstationBytes.length;
        int ntOffset = lmOffset + lmChallengeResponse.length;
        int keyOffset = ntOffset + ntChallengeResponse.length;

        Wire.Writer writer = new Wire.Writer().bytes(Wire.SIGNATURE).u32(MESSAGE_TYPE);
        writer.field(lmChallengeResponse, lmOffset);
        writer.field(ntChallengeResponse, ntOffset);
        writer.field(domainBytes, domainOffset);
        writer.field(userBytes, userOffset);
        writer.field(workstationBytes, workstationOffset);
        writer.field(encryptedRandomSessionKey, keyOffset);
        writer.u32(flags);
        version.write(writer);
        if (mic != null) {
            writer.bytes(mic);
        }
        return writer.bytes(domainBytes).bytes(userBytes).bytes(workstationBytes).bytes(lmChallengeResponse)
                .bytes(ntChallengeResponse).bytes(encryptedRandomSessionKey).toByteArray();
    }

    /**
     * Parses an AUTHENTICATE_MESSAGE. The Version and MIC fields are recognised by where the payload starts: a MIC
     * is present when no payload field begins before byte 88.
     */
    public static AuthenticateMessage decode(byte[] token) {
        WireReader reader = Wire.open(token, MESSAGE_TYPE, "AUTHENTICATE_MESSAGE", FIXED_HEADER);
        int flags = reader.u32(60, "NegotiateFlags");
        boolean unicode = NegotiateFlags.has(flags, NegotiateFlags.NEGOTIATE_UNICODE);
        byte[] lm = reader.payload(12, "LmChallengeResponse");
        byte[] nt = reader.payload(20, "NtChallengeResponse");
        String domain = reader.string(28, "DomainName", unicode);
        String user = reader.string(36, "UserName", unicode);
        String workstation = reader.string(44, "Workstation", unicode);
        byte[] key = reader.payload(52, "EncryptedRandomSessionKey");
        long headerEnd = reader.length();
        String[] names = {"LmChallengeResponse", "NtChallengeResponse", "DomainName", "UserName", "Workstation",
            "EncryptedRandomSessionKey"};
        for (int i = 0; i < names.length; i++) {
            headerEnd = Math.min(headerEnd, reader.payloadStart(12 + 8 * i, names[i]));
        }
        int versionEnd = FIXED_HEADER + NtlmVersion.LENGTH;
        NtlmVersion version = NegotiateFlags.has(flags, NegotiateFlags.NEGOTIATE_VERSION) && headerEnd >= versionEnd
                ? NtlmVersion.read(reader, FIXED_HEADER) : NtlmVersion.ZERO;
        byte[] mic = headerEnd >= MIC_OFFSET + MIC_LENGTH ? reader.bytes(MIC_OFFSET, MIC_LENGTH, "MIC") : null;
        return new AuthenticateMessage(flags, lm, nt, domain, user, workstation, key, version, mic);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof AuthenticateMessage)) {
            return false;
        }
        AuthenticateMessage that = (AuthenticateMessage) other;
        return flags == that.flags && Arrays.equals(lmChallengeResponse, that.lmChallengeResponse)
                && Arrays.equals(ntChallengeResponse, that.ntChallengeResponse) && domain.equals(that.domain)
                && user.equals(that.user) && workstation.equals(that.workstation)
                && Arrays.equals(encryptedRandomSessionKey, that.encryptedRandomSessionKey)
                && version.equals(that.version) && Arrays.equals(mic, that.mic);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * flags + user.hashCode()) + Arrays.hashCode(ntChallengeResponse);
    }

    @Override
    public String toString() {
        return "AUTHENTICATE_MESSAGE[flags=" + NegotiateFlags.describe(flags) + ", domain=" + domain + ", user="
                + user + ", workstation=" + workstation + ", lmResponse=" + lmChallengeResponse.length
                + " bytes, ntResponse=" + ntChallengeResponse.length + " bytes, sessionKey="
                + (encryptedRandomSessionKey.length == 0 ? "none" : "present") + ", mic="
                + (mic == null ? "absent" : "present") + ", version=" + version + "]";
    }
}
