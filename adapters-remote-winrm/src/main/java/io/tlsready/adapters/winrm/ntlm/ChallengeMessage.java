package io.tlsready.adapters.winrm.ntlm;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * CHALLENGE_MESSAGE (MS-NLMP 2.2.1.2), server to client.
 *
 * @param flags the NegotiateFlags the server chose
 * @param serverChallenge the 8-byte nonce
 * @param targetName the server's realm (Unicode when NTLMSSP_NEGOTIATE_UNICODE, else OEM); empty when absent
 * @param targetInfo the TargetInfo AV pairs, encoded when NTLMSSP_NEGOTIATE_TARGET_INFO is set
 * @param version the VERSION, or {@link NtlmVersion#ZERO}
 */
public record ChallengeMessage(int flags, byte[] serverChallenge, String targetName, AvPairs targetInfo,
                               NtlmVersion version) {

    static final int MESSAGE_TYPE = 2;
    private static final int FIXED_HEADER = 48;
    private static final int HEADER_WITH_VERSION = FIXED_HEADER + NtlmVersion.LENGTH;

    public ChallengeMessage {
        if (serverChallenge.length != 8) {
            throw new IllegalArgumentException("ServerChallenge must be 8 bytes");
        }
        serverChallenge = serverChallenge.clone();
        targetName = targetName == null ? "" : targetName;
        targetInfo = targetInfo == null ? AvPairs.empty() : targetInfo;
        version = version == null ? NtlmVersion.ZERO : version;
    }

    @Override
    public byte[] serverChallenge() {
        return serverChallenge.clone();
    }

    public boolean unicode() {
        return NegotiateFlags.has(flags, NegotiateFlags.NEGOTIATE_UNICODE);
    }

    public byte[] encode() {
        byte[] name = Wire.encodeString(targetName, unicode());
        boolean withInfo = NegotiateFlags.has(flags, NegotiateFlags.NEGOTIATE_TARGET_INFO);
        byte[] info = withInfo ? targetInfo.encode() : new byte[0];
        Wire.Writer writer = new Wire.Writer().bytes(Wire.SIGNATURE).u32(MESSAGE_TYPE);
        int next = writer.field(name, HEADER_WITH_VERSION);
        writer.u32(flags).bytes(serverChallenge).zeros(8);
        if (withInfo) {
            writer.field(info, next);
        } else {
            writer.zeros(8); // TargetInfoFields all zero when absent, as Windows sends them (MS-NLMP 4.2.2.3)
        }
        version.write(writer);
        return writer.bytes(name).bytes(info).toByteArray();
    }

    /** Parses a CHALLENGE_MESSAGE; anything malformed is an {@link NtlmException}. */
    public static ChallengeMessage decode(byte[] token) {
        WireReader reader = Wire.open(token, MESSAGE_TYPE, "CHALLENGE_MESSAGE", FIXED_HEADER);
        int flags = reader.u32(20, "NegotiateFlags");
        boolean unicode = NegotiateFlags.has(flags, NegotiateFlags.NEGOTIATE_UNICODE);
        String targetName = reader.string(12, "TargetName", unicode);
        byte[] serverChallenge = reader.bytes(24, 8, "ServerChallenge");
        byte[] info = reader.payload(40, "TargetInfo");
        AvPairs targetInfo = info.length == 0 ? AvPairs.empty() : AvPairs.decode(info);
        long headerEnd = Math.min(Math.min(reader.payloadStart(12, "TargetName"),
                reader.payloadStart(40, "TargetInfo")), reader.length());
        NtlmVersion version = NegotiateFlags.has(flags, NegotiateFlags.NEGOTIATE_VERSION)
                && headerEnd >= HEADER_WITH_VERSION ? NtlmVersion.read(reader, FIXED_HEADER) : NtlmVersion.ZERO;
        return new ChallengeMessage(flags, serverChallenge, targetName, targetInfo, version);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof ChallengeMessage)) {
            return false;
        }
        ChallengeMessage that = (ChallengeMessage) other;
        return flags == that.flags && Arrays.equals(serverChallenge, that.serverChallenge)
                && targetName.equals(that.targetName) && targetInfo.equals(that.targetInfo)
                && version.equals(that.version);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * flags + Arrays.hashCode(serverChallenge)) + targetInfo.hashCode();
    }

    @Override
    public String toString() {
        return "CHALLENGE_MESSAGE[flags=" + NegotiateFlags.describe(flags) + ", serverChallenge="
                + HexFormat.of().formatHex(serverChallenge) + ", targetName=" + targetName + ", targetInfo="
                + targetInfo + ", version=" + version + "]";
    }
}
