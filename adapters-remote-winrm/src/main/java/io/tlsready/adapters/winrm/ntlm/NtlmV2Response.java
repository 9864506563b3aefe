package io.tlsready.adapters.winrm.ntlm;

import java.util.Arrays;

/**
 * NTLMv2_RESPONSE (MS-NLMP 2.2.2.8): NTProofStr followed by NTLMv2_CLIENT_CHALLENGE (2.2.2.7), which is the
 * "temp" blob of 3.3.2. {@code toString} omits the proof.
 *
 * @param ntProofStr the 16-byte HMAC proof
 * @param temp everything after NTProofStr, exactly as sent (input to the proof)
 * @param timestamp the client's FILETIME
 * @param clientChallenge the 8-byte ChallengeFromClient
 * @param avPairs the AV pairs the client signed (server names, MsvAvFlags, channel bindings, target name)
 */
public record NtlmV2Response(byte[] ntProofStr, byte[] temp, long timestamp, byte[] clientChallenge,
                             AvPairs avPairs) {

    static final int PROOF_LENGTH = 16;
    /** RespType, HiRespType, Reserved1, Reserved2, TimeStamp, ChallengeFromClient, Reserved3. */
    static final int CLIENT_CHALLENGE_HEADER = 28;

    public NtlmV2Response {
        ntProofStr = ntProofStr.clone();
        temp = temp.clone();
        clientChallenge = clientChallenge.clone();
    }

    @Override
    public byte[] ntProofStr() {
        return ntProofStr.clone();
    }

    @Override
    public byte[] temp() {
        return temp.clone();
    }

    @Override
    public byte[] clientChallenge() {
        return clientChallenge.clone();
    }

    /** The temp blob of MS-NLMP 3.3.2: ConcatenationOf(1, 1, Z(6), Time, ClientChallenge, Z(4), ServerName, Z(4)). */
    static byte[] temp(long time, byte[] clientChallenge, AvPairs serverName) {
        return new Wire.Writer().u8(1).u8(1).zeros(6).u64(time).bytes(clientChallenge).zeros(4)
                .bytes(serverName.encode()).zeros(4).toByteArray();
    }

    /** Parses an NtChallengeResponse as NTLMv2; NTLMv1 (24-byte) responses and malformed blobs are rejected. */
    public static NtlmV2Response decode(byte[] ntChallengeResponse) {
        int minimum = PROOF_LENGTH + CLIENT_CHALLENGE_HEADER;
        if (ntChallengeResponse.length < minimum) {
            throw new NtlmException("NtChallengeResponse of " + ntChallengeResponse.length
                    + " bytes is not an NTLMv2 response (NTLMv1 is not supported)");
        }
        WireReader reader = new WireReader(ntChallengeResponse, "NTLMv2_RESPONSE");
        if (reader.u8(16, "RespType") != 1 || reader.u8(17, "HiRespType") != 1) {
            throw new NtlmException("NTLMv2_RESPONSE: unsupported RespType/HiRespType (expected 1/1)");
        }
        long timestamp = reader.u64(24, "TimeStamp");
        byte[] clientChallenge = reader.bytes(32, 8, "ChallengeFromClient");
        AvPairs pairs = AvPairs.decode(reader.bytes(minimum, ntChallengeResponse.length - minimum, "AvPairs"));
        return new NtlmV2Response(Arrays.copyOf(ntChallengeResponse, PROOF_LENGTH),
                Arrays.copyOfRange(ntChallengeResponse, PROOF_LENGTH, ntChallengeResponse.length), timestamp,
                clientChallenge, pairs);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NtlmV2Response && Arrays.equals(((NtlmV2Response) other).ntProofStr, ntProofStr)
                && Arrays.equals(((NtlmV2Response) other).temp, temp);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(temp);
    }

    @Override
    public String toString() {
        return "NTLMv2_RESPONSE[timestamp=" + timestamp + ", avPairs=" + avPairs + "]";
    }
}
