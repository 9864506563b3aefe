package io.tlsready.adapters.winrm.ntlm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NtlmMessagesTest {

    @Test
    void negotiate_round_trip_and_layout() {
        NegotiateMessage message = new NegotiateMessage(NtlmClient.OFFERED_FLAGS, "", "", NtlmVersion.DEFAULT);
        byte[] encoded = message.encode();

        assertThat(encoded).hasSize(40);
        assertThat(Hex.of(encoded)).startsWith("4e544c4d5353500001000000" + "358288e2"
                + "0000000028000000" + "0000000028000000");
        assertThat(NegotiateMessage.decode(encoded)).isEqualTo(message);
    }

    @Test
    void negotiate_with_oem_domain_and_workstation() {
        int flags = NegotiateFlags.NEGOTIATE_UNICODE | NegotiateFlags.NEGOTIATE_OEM_DOMAIN_SUPPLIED
                | NegotiateFlags.NEGOTIATE_OEM_WORKSTATION_SUPPLIED;
        NegotiateMessage message = new NegotiateMessage(flags, "CORP", "WS01", null);
        assertThat(NegotiateMessage.decode(message.encode())).isEqualTo(message);
    }

    @Test
    void challenge_round_trip_with_every_av_pair() {
        AvPairs info = AvPairs.of(List.of(
                AvPair.ofString(AvId.MSV_AV_NB_DOMAIN_NAME, "CORP"),
                AvPair.ofString(AvId.MSV_AV_NB_COMPUTER_NAME, "HOST"),
                AvPair.ofString(AvId.MSV_AV_DNS_DOMAIN_NAME, "corp.example"),
                AvPair.ofString(AvId.MSV_AV_DNS_COMPUTER_NAME, "host.corp.example"),
                AvPair.ofString(AvId.MSV_AV_DNS_TREE_NAME, "corp.example"),
                AvPair.ofInt(AvId.MSV_AV_FLAGS, AvId.FLAG_MIC_PRESENT),
                AvPair.ofLong(AvId.MSV_AV_TIMESTAMP, 0x01d9000000000000L),
                AvPair.of(AvId.MSV_AV_CHANNEL_BINDINGS, new byte[16]),
                AvPair.ofString(AvId.MSV_AV_TARGET_NAME, "HTTP/host.corp.example"),
                new AvPair(0x7777, new byte[] {1, 2, 3})));
        ChallengeMessage message = new ChallengeMessage(0xe28a8235, Hex.bytes("0102030405060708"), "HOST", info,
                NtlmVersion.DEFAULT);

        ChallengeMessage decoded = ChallengeMessage.decode(message.encode());

        assertThat(decoded).isEqualTo(message);
        assertThat(decoded.targetInfo().timestamp()).hasValue(0x01d9000000000000L);
        assertThat(decoded.targetInfo().flags()).hasValue(2);
        assertThat(decoded.targetInfo().string(AvId.MSV_AV_DNS_COMPUTER_NAME)).contains("host.corp.example");
        assertThat(decoded.toString()).contains("MSV_AV_TARGET_NAME=\"HTTP/host.corp.example\"");
    }

    @Test
    void authenticate_round_trip_with_mic() {
        AuthenticateMessage message = new AuthenticateMessage(NtlmClient.OFFERED_FLAGS, new byte[24], new byte[60],
                "CORP", "alice", "WS", new byte[16], NtlmVersion.DEFAULT, Hex.repeat(0x11, 16));
        byte[] encoded = message.encode();

        assertThat(new WireReader(encoded, "t").u32(12 + 8 * 2 + 4, "DomainOffset")).isEqualTo(88);
        AuthenticateMessage decoded = AuthenticateMessage.decode(encoded);
        assertThat(decoded).isEqualTo(message);
        assertThat(decoded.toString()).doesNotContain("1111").contains("mic=present");
    }

    @Test
    void av_pairs_with_in_place_replacement() {
        AvPairs pairs = AvPairs.of(List.of(AvPair.ofInt(AvId.MSV_AV_FLAGS, 1),
                AvPair.ofString(AvId.MSV_AV_NB_COMPUTER_NAME, "A")));
        AvPairs replaced = pairs.with(AvPair.ofInt(AvId.MSV_AV_FLAGS, 3));
        assertThat(replaced.pairs()).hasSize(2);
        assertThat(replaced.pairs().get(0).intValue()).isEqualTo(3);
        assertThat(AvPairs.decode(replaced.encode())).isEqualTo(replaced);
    }

    @Test
    void malformed_av_pairs_are_rejected_with_a_clear_message() {
        assertThatThrownBy(() -> AvPairs.decode(Hex.bytes("0100020041"))).isInstanceOf(NtlmException.class)
                .hasMessageContaining("outside");
        assertThatThrownBy(() -> AvPairs.decode(Hex.bytes("010002004100"))).isInstanceOf(NtlmException.class)
                .hasMessageContaining("MsvAvEOL");
        assertThatThrownBy(() -> AvPairs.decode(Hex.bytes("07000400000000000000"))).isInstanceOf(NtlmException.class)
                .hasMessageContaining("MSV_AV_TIMESTAMP must be 8 bytes");
        assertThatThrownBy(() -> AvPairs.decode(Hex.bytes("0000010000"))).isInstanceOf(NtlmException.class)
                .hasMessageContaining("non-zero length");
        assertThatThrownBy(() -> AvPairs.decode(Hex.bytes("01000100410000"))).isInstanceOf(NtlmException.class)
                .hasMessageContaining("odd length");
    }

    @Test
    void malformed_messages_are_rejected_with_a_clear_message() {
        byte[] challenge = new ChallengeMessage(0xe28a8235, new byte[8], "HOST", AvPairs.empty(), null).encode();
        assertThatThrownBy(() -> ChallengeMessage.decode(new byte[10])).isInstanceOf(NtlmException.class)
                .hasMessageContaining("shorter than");
        assertThatThrownBy(() -> AuthenticateMessage.decode(challenge)).isInstanceOf(NtlmException.class)
                .hasMessageContaining("MessageType is 2");
        byte[] notNtlm = challenge.clone();
        notNtlm[0] = 'X';
        assertThatThrownBy(() -> ChallengeMessage.decode(notNtlm)).isInstanceOf(NtlmException.class)
                .hasMessageContaining("NTLMSSP signature");
        byte[] badOffset = challenge.clone();
        badOffset[16] = (byte) 0xf0; // TargetNameBufferOffset far outside
        assertThatThrownBy(() -> ChallengeMessage.decode(badOffset)).isInstanceOf(NtlmException.class)
                .hasMessageContaining("TargetName lies outside");
        byte[] intoHeader = challenge.clone();
        intoHeader[16] = 4;
        assertThatThrownBy(() -> ChallengeMessage.decode(intoHeader)).isInstanceOf(NtlmException.class)
                .hasMessageContaining("overlaps the fixed header");
        assertThatThrownBy(() -> ChallengeMessage.decode(null)).isInstanceOf(NtlmException.class);
        assertThatThrownBy(() -> ChallengeMessage.decode(new byte[Wire.MAX_MESSAGE + 1]))
                .isInstanceOf(NtlmException.class).hasMessageContaining("exceeds");
    }

    @Test
    void ntlmv1_responses_are_not_ntlmv2() {
        assertThatThrownBy(() -> NtlmV2Response.decode(new byte[24])).isInstanceOf(NtlmException.class)
                .hasMessageContaining("NTLMv1 is not supported");
    }

    @Test
    void flags_describe_themselves() {
        assertThat(NegotiateFlags.describe(0xe2888235)).startsWith("0xe2888235 [UNICODE, REQUEST_TARGET, SIGN, SEAL");
    }

    @Test
    void channel_bindings_hash_the_gss_struct() {
        byte[] appData = "tls-server-end-point:".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] struct = new Wire.Writer().zeros(16).u32(appData.length).bytes(appData).toByteArray();
        assertThat(ChannelBindings.hash(appData)).isEqualTo(NtlmCrypto.md5(struct));
        assertThat(ChannelBindings.hashAlgorithm("SHA256withRSA")).isEqualTo("SHA-256");
        assertThat(ChannelBindings.hashAlgorithm("SHA1withRSA")).isEqualTo("SHA-256");
        assertThat(ChannelBindings.hashAlgorithm("MD5withRSA")).isEqualTo("SHA-256");
        assertThat(ChannelBindings.hashAlgorithm("SHA384withECDSA")).isEqualTo("SHA-384");
        assertThat(ChannelBindings.hashAlgorithm("SHA512withRSA")).isEqualTo("SHA-512");
    }

    @Test
    void filetime_conversion() {
        assertThat(NtlmCrypto.fileTime(java.time.Instant.EPOCH)).isEqualTo(116444736000000000L);
        assertThat(NtlmCrypto.instant(116444736000000000L)).isEqualTo(java.time.Instant.EPOCH);
        assertThat(NtlmCrypto.instant(0)).isEqualTo(java.time.Instant.parse("1601-01-01T00:00:00Z"));
    }
}
