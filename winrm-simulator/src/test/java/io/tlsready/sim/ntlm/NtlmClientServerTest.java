package io.tlsready.sim.ntlm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsready.adapters.winrm.ntlm.AuthenticateMessage;
import io.tlsready.adapters.winrm.ntlm.AvId;
import io.tlsready.adapters.winrm.ntlm.AvPair;
import io.tlsready.adapters.winrm.ntlm.AvPairs;
import io.tlsready.adapters.winrm.ntlm.ChallengeMessage;
import io.tlsready.adapters.winrm.ntlm.ChannelBindings;
import io.tlsready.adapters.winrm.ntlm.NegotiateFlags;
import io.tlsready.adapters.winrm.ntlm.NegotiateMessage;
import io.tlsready.adapters.winrm.ntlm.NtlmClient;
import io.tlsready.adapters.winrm.ntlm.NtlmCredentials;
import io.tlsready.adapters.winrm.ntlm.NtlmException;
import io.tlsready.adapters.winrm.ntlm.NtlmSession;
import io.tlsready.adapters.winrm.ntlm.NtlmV2Proofs;
import io.tlsready.adapters.winrm.ntlm.NtlmVersion;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NtlmClientServerTest {

    private static final char[] PASSWORD = "S3cret!pass".toCharArray();

    private static NtlmServer server() {
        return NtlmServer.builder().account(NtlmCredentials.of("Administrator", PASSWORD)).build();
    }

    private static NtlmClient client(String user, char[] password) {
        return NtlmClient.builder(NtlmCredentials.of(user, password)).targetName("HTTP/host.example").build();
    }

    /** Runs the three-message handshake and returns the server's result. */
    private static NtlmServer.Result handshake(NtlmClient client, NtlmServer server) {
        byte[] challenge = server.challenge(client.negotiate());
        return server.authenticate(client.authenticate(challenge));
    }

    @Test
    void client_and_server_agree_on_keys_and_stay_in_step_over_100_messages_each_way() {
        NtlmClient client = client("WORKGROUP\\Administrator", PASSWORD);
        NtlmServer server = server();

        NtlmServer.Result result = handshake(client, server);

        assertThat(result).isInstanceOf(NtlmServer.Accepted.class);
        NtlmServer.Accepted accepted = (NtlmServer.Accepted) result;
        assertThat(accepted.user()).isEqualTo("Administrator");
        assertThat(accepted.domain()).isEqualTo("WORKGROUP");
        assertThat(accepted.targetName()).contains("HTTP/host.example");
        NtlmSession clientSession = client.session();
        NtlmSession serverSession = accepted.session();
        for (int i = 0; i < 100; i++) {
            byte[] request = ("request " + i).getBytes(StandardCharsets.UTF_8);
            NtlmSession.Sealed sealedRequest = clientSession.seal(request);
            assertThat(sealedRequest.message()).isNotEqualTo(request);
            assertThat(serverSession.unseal(sealedRequest.signature(), sealedRequest.message())).isEqualTo(request);
            if (i % 3 != 0) { // uneven traffic: the directions' sequence numbers are independent
                byte[] reply = ("reply " + i).getBytes(StandardCharsets.UTF_8);
                NtlmSession.Sealed sealedReply = serverSession.seal(reply);
                assertThat(clientSession.unseal(sealedReply.signature(), sealedReply.message())).isEqualTo(reply);
            }
        }
        NtlmSession.Sealed last = clientSession.seal(new byte[] {1});
        assertThat(ByteBuffer.wrap(last.signature(), 12, 4).order(ByteOrder.LITTLE_ENDIAN).getInt()).as("SeqNum")
                .isEqualTo(100);
    }

    @Test
    void the_client_sends_a_mic_and_the_signed_av_pairs_when_the_challenge_has_a_timestamp() {
        byte[] bindings = ChannelBindings.hash("tls-server-end-point:abc".getBytes(StandardCharsets.US_ASCII));
        NtlmClient client = NtlmClient.builder(NtlmCredentials.of("Administrator", PASSWORD))
                .targetName("HTTP/host.example").channelBindings(bindings).build();
        NtlmServer server = server();
        byte[] challenge = server.challenge(client.negotiate());

        AuthenticateMessage message = AuthenticateMessage.decode(client.authenticate(challenge));

        assertThat(message.hasMicField()).isTrue();
        assertThat(message.lmChallengeResponse()).isEqualTo(new byte[24]);
        AvPairs pairs = message.ntlmV2Response().avPairs();
        assertThat(pairs.flags()).hasValue(AvId.FLAG_MIC_PRESENT);
        assertThat(pairs.get(AvId.MSV_AV_CHANNEL_BINDINGS).orElseThrow().value()).isEqualTo(bindings);
        assertThat(pairs.string(AvId.MSV_AV_TARGET_NAME)).contains("HTTP/host.example");
        assertThat(pairs.timestamp()).isEqualTo(ChallengeMessage.decode(challenge).targetInfo().timestamp());
        assertThat(message.encryptedRandomSessionKey()).hasSize(16);
    }

    @Test
    void user_name_forms() {
        assertThat(NtlmCredentials.of("CORP\\alice", PASSWORD)).satisfies(c -> {
            assertThat(c.domain()).isEqualTo("CORP");
            assertThat(c.user()).isEqualTo("alice");
        });
        assertThat(NtlmCredentials.of("alice@corp.example", PASSWORD)).satisfies(c -> {
            assertThat(c.domain()).isEmpty();
            assertThat(c.user()).isEqualTo("alice@corp.example");
        });
        assertThat(NtlmCredentials.of("alice", PASSWORD)).satisfies(c -> {
            assertThat(c.domain()).isEmpty();
            assertThat(c.user()).isEqualTo("alice");
        });
        assertThat(NtlmCredentials.of("CORP\\alice", PASSWORD).toString()).doesNotContain(new String(PASSWORD))
                .contains("***");
    }

    @Test
    void plain_and_upn_user_names_authenticate() {
        assertThat(handshake(client("administrator", PASSWORD), server())).isInstanceOf(NtlmServer.Accepted.class);
        NtlmServer upnServer = NtlmServer.builder().account(NtlmCredentials.of("alice@corp.example", PASSWORD))
                .build();
        assertThat(handshake(client("alice@corp.example", PASSWORD), upnServer))
                .isInstanceOf(NtlmServer.Accepted.class);
    }

    @Test
    void wrong_password_is_rejected_with_a_clear_reason() {
        NtlmServer.Result result = handshake(client("Administrator", "wrong".toCharArray()), server());

        assertThat(result).isInstanceOf(NtlmServer.Rejected.class);
        assertThat(((NtlmServer.Rejected) result).reason()).contains("wrong password").contains("Administrator")
                .doesNotContain(new String(PASSWORD));
    }

    @Test
    void unknown_user_is_rejected() {
        NtlmServer.Result result = handshake(client("mallory", PASSWORD), server());
        assertThat(((NtlmServer.Rejected) result).reason()).contains("unknown user");
    }

    @Test
    void a_tampered_mic_is_rejected() {
        NtlmClient client = client("Administrator", PASSWORD);
        NtlmServer server = server();
        byte[] authenticate = client.authenticate(server.challenge(client.negotiate()));
        authenticate[AuthenticateMessage.MIC_OFFSET] ^= 1;

        NtlmServer.Result result = server.authenticate(authenticate);

        assertThat(((NtlmServer.Rejected) result).reason()).contains("MIC");
    }

    @Test
    void a_tampered_flag_in_the_authenticate_message_breaks_the_mic() {
        NtlmClient client = client("Administrator", PASSWORD);
        NtlmServer server = server();
        byte[] authenticate = client.authenticate(server.challenge(client.negotiate()));
        authenticate[60] &= ~NegotiateFlags.NEGOTIATE_SEAL; // flags at offset 60, SEAL is bit 0x20 of byte 0

        assertThat(((NtlmServer.Rejected) server.authenticate(authenticate)).reason()).contains("MIC");
    }

    @Test
    void removing_the_mic_bit_from_the_signed_av_pairs_breaks_the_proof() {
        NtlmClient client = client("Administrator", PASSWORD);
        NtlmServer server = server();
        byte[] authenticate = client.authenticate(server.challenge(client.negotiate()));
        AuthenticateMessage message = AuthenticateMessage.decode(authenticate);
        byte[] nt = message.ntChallengeResponse();
        byte[] flagsPair = {6, 0, 4, 0, 2, 0, 0, 0};
        int at = indexOf(nt, flagsPair);
        nt[at + 4] = 0;
        AuthenticateMessage forged = new AuthenticateMessage(message.flags(), message.lmChallengeResponse(), nt,
                message.domain(), message.user(), message.workstation(), message.encryptedRandomSessionKey(),
                message.version(), message.mic());

        assertThat(((NtlmServer.Rejected) server.authenticate(forged.encode())).reason()).contains("wrong password");
    }

    @Test
    void channel_bindings_are_checked_when_the_server_requires_them() {
        byte[] expected = ChannelBindings.hash("tls-server-end-point:good".getBytes(StandardCharsets.US_ASCII));
        byte[] other = ChannelBindings.hash("tls-server-end-point:evil".getBytes(StandardCharsets.US_ASCII));
        NtlmCredentials account = NtlmCredentials.of("Administrator", PASSWORD);

        NtlmClient good = NtlmClient.builder(account).channelBindings(expected).build();
        assertThat(handshake(good, NtlmServer.builder().account(account).requireChannelBindings(expected).build()))
                .isInstanceOf(NtlmServer.Accepted.class);

        NtlmClient bad = NtlmClient.builder(account).channelBindings(other).build();
        NtlmServer.Result result = handshake(bad,
                NtlmServer.builder().account(account).requireChannelBindings(expected).build());
        assertThat(((NtlmServer.Rejected) result).reason()).contains("channel binding");

        NtlmClient none = NtlmClient.builder(account).build();
        assertThat(handshake(none, NtlmServer.builder().account(account).requireChannelBindings(expected).build()))
                .isInstanceOf(NtlmServer.Rejected.class);
    }

    @Test
    void a_stale_timestamp_is_rejected() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        NtlmServer server = NtlmServer.builder().account(NtlmCredentials.of("Administrator", PASSWORD)).clock(clock)
                .maxLifetime(Duration.ofMinutes(5)).build();
        NtlmClient client = client("Administrator", PASSWORD);
        byte[] challenge = server.challenge(client.negotiate());
        byte[] authenticate = client.authenticate(challenge);
        clock.now = clock.now.plus(Duration.ofMinutes(6));

        assertThat(((NtlmServer.Rejected) server.authenticate(authenticate)).reason()).contains("timestamp");
    }

    @Test
    void without_a_timestamp_the_client_uses_its_clock_and_sends_lmv2_and_no_mic() {
        Instant now = Instant.parse("2026-03-04T05:06:07Z");
        NtlmClient client = NtlmClient.builder(NtlmCredentials.of("Administrator", PASSWORD))
                .clock(Clock.fixed(now, ZoneOffset.UTC)).build();
        client.negotiate();
        AvPairs info = AvPairs.of(Arrays.asList(AvPair.ofString(AvId.MSV_AV_NB_DOMAIN_NAME, "D"),
                AvPair.ofString(AvId.MSV_AV_NB_COMPUTER_NAME, "S")));
        ChallengeMessage challenge = new ChallengeMessage(0xe28a8235, new byte[8], "S", info, NtlmVersion.ZERO);

        AuthenticateMessage message = AuthenticateMessage.decode(client.authenticate(challenge.encode()));

        assertThat(message.hasMicField()).isFalse();
        assertThat(message.lmChallengeResponse()).hasSize(24).isNotEqualTo(new byte[24]);
        assertThat(NtlmV2Proofs.instant(message.ntlmV2Response().timestamp())).isEqualTo(now);
    }

    @Test
    void the_client_refuses_a_server_without_sealing() {
        NtlmClient client = client("Administrator", PASSWORD);
        client.negotiate();
        int flags = 0xe28a8233 & ~NegotiateFlags.NEGOTIATE_SEAL;
        AvPairs info = AvPairs.of(Arrays.asList(AvPair.ofString(AvId.MSV_AV_NB_DOMAIN_NAME, "D"),
                AvPair.ofString(AvId.MSV_AV_NB_COMPUTER_NAME, "S")));
        byte[] challenge = new ChallengeMessage(flags, new byte[8], "S", info, NtlmVersion.ZERO).encode();

        assertThatThrownBy(() -> client.authenticate(challenge)).isInstanceOf(NtlmException.class)
                .hasMessageContaining("sealing");
    }

    @Test
    void the_client_refuses_oem_only_and_missing_netbios_names() {
        AvPairs info = AvPairs.of(Arrays.asList(AvPair.ofString(AvId.MSV_AV_NB_DOMAIN_NAME, "D")));
        NtlmClient first = client("Administrator", PASSWORD);
        first.negotiate();
        byte[] noComputer = new ChallengeMessage(0xe28a8233, new byte[8], "S", info, NtlmVersion.ZERO).encode();
        assertThatThrownBy(() -> first.authenticate(noComputer)).isInstanceOf(NtlmException.class)
                .hasMessageContaining("MsvAvNbComputerName");

        NtlmClient second = client("Administrator", PASSWORD);
        second.negotiate();
        byte[] oem = new ChallengeMessage(0xe28a8232, new byte[8], "S", info, NtlmVersion.ZERO).encode();
        assertThatThrownBy(() -> second.authenticate(oem)).isInstanceOf(NtlmException.class)
                .hasMessageContaining("Unicode");
    }

    @Test
    void the_server_answers_an_oem_only_client_in_unicode_as_windows_does() {
        // python's ntlm-auth 1.4 (pywinrm) offers OEM only: flags 0xe2889032.
        byte[] negotiate = new NegotiateMessage(0xe2889032, "", "", null).encode();
        ChallengeMessage challenge = ChallengeMessage.decode(server().challenge(negotiate));
        assertThat(NegotiateFlags.has(challenge.flags(), NegotiateFlags.NEGOTIATE_UNICODE)).isTrue();
    }

    @Test
    void the_server_refuses_a_client_without_extended_session_security() {
        byte[] negotiate = new NegotiateMessage(NegotiateFlags.NEGOTIATE_UNICODE | NegotiateFlags.NEGOTIATE_NTLM, "",
                "", null).encode();
        assertThatThrownBy(() -> server().challenge(negotiate)).isInstanceOf(NtlmException.class)
                .hasMessageContaining("EXTENDED_SESSIONSECURITY");
    }

    @Test
    void calls_out_of_order_fail() {
        NtlmClient client = client("Administrator", PASSWORD);
        assertThatThrownBy(() -> client.authenticate(new byte[0])).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(client::session).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> server().authenticate(new byte[0])).isInstanceOf(IllegalStateException.class);
    }

    private static int indexOf(byte[] data, byte[] needle) {
        for (int i = 0; i + needle.length <= data.length; i++) {
            if (Arrays.equals(data, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
