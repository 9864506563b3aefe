package io.tlsready.adapters.winrm.ntlm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NtlmSessionTest {

    private static final byte[] KEY = Hex.bytes("000102030405060708090a0b0c0d0e0f");
    private static final int FLAGS = NtlmClient.OFFERED_FLAGS;
    private static final byte[] MESSAGE = "<s:Envelope/>".getBytes(StandardCharsets.UTF_8);

    @Test
    void a_tampered_signature_is_rejected() {
        NtlmSession.Sealed sealed = NtlmSession.client(KEY, FLAGS).seal(MESSAGE);
        byte[] signature = sealed.signature();
        signature[5] ^= 0x01;

        assertThatThrownBy(() -> NtlmSession.server(KEY, FLAGS).unseal(signature, sealed.message()))
                .isInstanceOf(NtlmException.class).hasMessage("message signature mismatch");
    }

    @Test
    void tampered_ciphertext_is_rejected() {
        NtlmSession.Sealed sealed = NtlmSession.client(KEY, FLAGS).seal(MESSAGE);
        byte[] message = sealed.message();
        message[0] ^= 0x01;

        assertThatThrownBy(() -> NtlmSession.server(KEY, FLAGS).unseal(sealed.signature(), message))
                .isInstanceOf(NtlmException.class).hasMessage("message signature mismatch");
    }

    @Test
    void a_replayed_or_reordered_message_is_rejected() {
        NtlmSession client = NtlmSession.client(KEY, FLAGS);
        client.seal(MESSAGE);
        NtlmSession.Sealed second = client.seal(MESSAGE);

        assertThatThrownBy(() -> NtlmSession.server(KEY, FLAGS).unseal(second.signature(), second.message()))
                .isInstanceOf(NtlmException.class).hasMessage("message signature mismatch");
    }

    @Test
    void a_message_sealed_by_the_same_direction_does_not_unseal() {
        NtlmSession.Sealed sealed = NtlmSession.client(KEY, FLAGS).seal(MESSAGE);
        assertThatThrownBy(() -> NtlmSession.client(KEY, FLAGS).unseal(sealed.signature(), sealed.message()))
                .isInstanceOf(NtlmException.class);
    }

    @Test
    void a_wrong_length_signature_is_rejected() {
        assertThatThrownBy(() -> NtlmSession.server(KEY, FLAGS).unseal(new byte[15], MESSAGE))
                .isInstanceOf(NtlmException.class).hasMessageContaining("signature");
    }

    @Test
    void empty_messages_seal_and_unseal() {
        NtlmSession.Sealed sealed = NtlmSession.client(KEY, FLAGS).seal(new byte[0]);
        assertThat(NtlmSession.server(KEY, FLAGS).unseal(sealed.signature(), sealed.message())).isEmpty();
    }

    @Test
    void seal_keys_are_truncated_to_56_and_40_bits_before_hashing() {
        int flags56 = (FLAGS & ~NegotiateFlags.NEGOTIATE_128) | NegotiateFlags.NEGOTIATE_56;
        int flags40 = FLAGS & ~NegotiateFlags.NEGOTIATE_128 & ~NegotiateFlags.NEGOTIATE_56;
        byte[] other = KEY.clone();
        other[7] ^= 0x7f; // beyond the 56-bit prefix
        assertThat(NtlmCrypto.sealKey(flags56, other, true)).isEqualTo(NtlmCrypto.sealKey(flags56, KEY, true));
        assertThat(NtlmCrypto.sealKey(FLAGS, other, true)).isNotEqualTo(NtlmCrypto.sealKey(FLAGS, KEY, true));
        byte[] other40 = KEY.clone();
        other40[5] ^= 0x7f;
        assertThat(NtlmCrypto.sealKey(flags40, other40, true)).isEqualTo(NtlmCrypto.sealKey(flags40, KEY, true));
        assertThat(NtlmCrypto.sealKey(flags40, KEY, true)).isNotEqualTo(NtlmCrypto.sealKey(flags56, KEY, true));
    }

    @Test
    void session_security_needs_extended_session_security() {
        assertThatThrownBy(() -> NtlmSession.client(KEY, FLAGS & ~NegotiateFlags.NEGOTIATE_EXTENDED_SESSIONSECURITY))
                .isInstanceOf(NtlmException.class).hasMessageContaining("EXTENDED_SESSIONSECURITY");
    }

    @Test
    void nothing_secret_in_to_string() {
        NtlmSession.Sealed sealed = NtlmSession.client(KEY, FLAGS).seal(MESSAGE);
        assertThat(sealed.toString()).isEqualTo("Sealed[" + MESSAGE.length + " bytes]");
    }
}
