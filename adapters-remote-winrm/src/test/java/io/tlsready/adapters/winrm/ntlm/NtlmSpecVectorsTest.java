package io.tlsready.adapters.winrm.ntlm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The cryptographic values of MS-NLMP section 4.2, byte for byte. Hex dumps are copied from the spec text. */
class NtlmSpecVectorsTest {

    // 4.2.1 Common values
    static final char[] PASSWORD = "Password".toCharArray();
    static final byte[] SERVER_CHALLENGE = Hex.bytes("0123456789abcdef");
    static final byte[] CLIENT_CHALLENGE = Hex.repeat(0xaa, 8);
    static final byte[] RANDOM_SESSION_KEY = Hex.repeat(0x55, 16);
    static final byte[] PLAINTEXT = "Plaintext".getBytes(StandardCharsets.UTF_16LE);

    static NtlmCredentials user() {
        return NtlmCredentials.of("Domain", "User", PASSWORD);
    }

    @Test
    void common_plaintext_is_the_utf16le_of_the_spec() {
        assertThat(Hex.of(PLAINTEXT)).isEqualTo("50006c00610069006e0074006500780074 00".replace(" ", ""));
    }

    /** 4.2.2 NTLM v1 Authentication: the values that exercise functions NTLMv2 shares (MD4, RC4K). */
    @Nested
    class NtlmV1 {
        static final String CHALLENGE = "4e 54 4c 4d 53 53 50 00 02 00 00 00 0c 00 0c 00 38 00 00 00 33 82 02 e2 01 23 "
                + "45 67 89 ab cd ef 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 06 00 70 17 00 00 00 0f 53 00 65 00 "
                + "72 00 76 00 65 00 72 00";
        static final String AUTHENTICATE = "4e 54 4c 4d 53 53 50 00 03 00 00 00 18 00 18 00 6c 00 00 00 18 00 18 00 "
                + "84 00 00 00 0c 00 0c 00 48 00 00 00 08 00 08 00 54 00 00 00 10 00 10 00 5c 00 00 00 10 00 10 00 9c 00 "
                + "00 00 35 82 80 e2 05 01 28 0a 00 00 00 0f 44 00 6f 00 6d 00 61 00 69 00 6e 00 55 00 73 00 65 00 72 00 "
                + "43 00 4f 00 4d 00 50 00 55 00 54 00 45 00 52 00 98 de f7 b8 7f 88 aa 5d af e2 df 77 96 88 a1 72 de f1 "
                + "1c 7d 5c cd ef 13 67 c4 30 11 f3 02 98 a2 ad 35 ec e6 4f 16 33 1c 44 bd be d9 27 84 1f 94 51 88 22 b1 "
                + "b3 f3 50 c8 95 86 82 ec bb 3e 3c b7";

        @Test
        void ntowfv1_4_2_2_1_2() {
            assertThat(Hex.of(NtlmCrypto.ntowfv1(PASSWORD))).isEqualTo("a4f49c406510bdcab6824ee7c30fd852");
        }

        @Test
        void session_base_key_4_2_2_1_3() {
            assertThat(Hex.of(NtlmCrypto.sessionBaseKeyV1(NtlmCrypto.ntowfv1(PASSWORD))))
                    .isEqualTo("d87262b0cde4b1cb7499becccdf10784");
        }

        @Test
        void encrypted_session_key_4_2_2_2_3() {
            byte[] keyExchangeKey = Hex.bytes("d87262b0cde4b1cb7499becccdf10784");
            assertThat(Hex.of(Rc4.once(keyExchangeKey, RANDOM_SESSION_KEY)))
                    .isEqualTo("518822b1b3f350c8958682ecbb3e3cb7");
        }

        @Test
        void challenge_message_4_2_2_3_decodes_and_reencodes_byte_exact() {
            ChallengeMessage message = ChallengeMessage.decode(Hex.bytes(CHALLENGE));
            assertThat(message.flags()).isEqualTo(0xe2028233);
            assertThat(message.serverChallenge()).isEqualTo(SERVER_CHALLENGE);
            assertThat(message.targetName()).isEqualTo("Server");
            assertThat(message.targetInfo().isEmpty()).isTrue();
            assertThat(message.version()).isEqualTo(new NtlmVersion(6, 0, 6000, 15));
            assertThat(Hex.of(message.encode())).isEqualTo(Hex.of(Hex.bytes(CHALLENGE)));
        }

        @Test
        void authenticate_message_4_2_2_3_decodes_and_reencodes_byte_exact() {
            AuthenticateMessage message = AuthenticateMessage.decode(Hex.bytes(AUTHENTICATE));
            assertThat(message.flags()).isEqualTo(0xe2808235);
            assertThat(message.domain()).isEqualTo("Domain");
            assertThat(message.user()).isEqualTo("User");
            assertThat(message.workstation()).isEqualTo("COMPUTER");
            assertThat(Hex.of(message.lmChallengeResponse()))
                    .isEqualTo("98def7b87f88aa5dafe2df779688a172def11c7d5ccdef13");
            assertThat(Hex.of(message.ntChallengeResponse()))
                    .isEqualTo("67c43011f30298a2ad35ece64f16331c44bdbed927841f94");
            assertThat(Hex.of(message.encryptedRandomSessionKey())).isEqualTo("518822b1b3f350c8958682ecbb3e3cb7");
            assertThat(message.version()).isEqualTo(new NtlmVersion(5, 1, 2600, 15));
            assertThat(message.hasMicField()).isFalse();
            assertThat(Hex.of(message.encode())).isEqualTo(Hex.of(Hex.bytes(AUTHENTICATE)));
        }
    }

    /** 4.2.3 NTLM v1 with Client Challenge (extended session security, 56-bit, no key exchange). */
    @Nested
    class NtlmV1WithClientChallenge {
        static final int FLAGS = 0x820a8233;
        static final String CHALLENGE = "4e 54 4c 4d 53 53 50 00 02 00 00 00 0c 00 0c 00 38 00 00 00 33 82 0a 82 01 23 "
                + "45 67 89 ab cd ef 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 06 00 70 17 00 00 00 0f 53 00 65 00 "
                + "72 00 76 00 65 00 72 00";
        static final String AUTHENTICATE = "4e 54 4c 4d 53 53 50 00 03 00 00 00 18 00 18 00 6c 00 00 00 18 00 18 00 "
                + "84 00 00 00 0c 00 0c 00 48 00 00 00 08 00 08 00 54 00 00 00 10 00 10 00 5c 00 00 00 00 00 00 00 9c 00 "
                + "00 00 35 82 08 82 05 01 28 0a 00 00 00 0f 44 00 6f 00 6d 00 61 00 69 00 6e 00 55 00 73 00 65 00 72 00 "
                + "43 00 4f 00 4d 00 50 00 55 00 54 00 45 00 52 00 aa aa aa aa aa aa aa aa 00 00 00 00 00 00 00 00 00 00 "
                + "00 00 00 00 00 00 75 37 f8 03 ae 36 71 28 ca 45 82 04 bd e7 ca f8 1e 97 ed 26 83 26 72 32";
        static final byte[] KEY_EXCHANGE_KEY = Hex.bytes("eb93429a8bd952f8b89c55b87f475edc");

        @Test
        void key_exchange_key_4_2_3_1_3() {
            byte[] lmResponse = Hex.bytes("aaaaaaaaaaaaaaaa00000000000000000000000000000000");
            byte[] sessionBaseKey = Hex.bytes("d87262b0cde4b1cb7499becccdf10784");
            assertThat(NtlmCrypto.kxkeyV1ExtendedSessionSecurity(sessionBaseKey, SERVER_CHALLENGE, lmResponse))
                    .isEqualTo(KEY_EXCHANGE_KEY);
        }

        @Test
        void seal_key_4_2_3_4_is_cut_to_56_bits_before_md5() {
            assertThat(Hex.of(NtlmCrypto.sealKey(FLAGS, KEY_EXCHANGE_KEY, true)))
                    .isEqualTo("04dd7f014d8504d265a25cc86a3a7c06");
        }

        @Test
        void sign_key_4_2_3_4() {
            // The spec labels this MD5(ConcatenationOf(RandomSessionKey, ...)), but without KEY_EXCH the
            // ExportedSessionKey is the KeyExchangeKey, and the printed value is MD5 over that key (3.4.5.2).
            assertThat(Hex.of(NtlmCrypto.signKey(FLAGS, KEY_EXCHANGE_KEY, true)))
                    .isEqualTo("60e799be5c72fc92922ae8ebe961fb8d");
        }

        @Test
        void gss_wrapex_4_2_3_4_sealed_data_and_signature_without_key_exchange() {
            NtlmSession.Sealed sealed = NtlmSession.client(KEY_EXCHANGE_KEY, FLAGS).seal(PLAINTEXT);
            assertThat(Hex.of(sealed.message())).isEqualTo("a02372f6530273f3aa1eb90190ce5200c99d");
            assertThat(Hex.of(sealed.signature())).isEqualTo("01000000ff2aeb52f681793a00000000");
        }

        @Test
        void gss_wrapex_4_2_3_4_checksum_without_key_exchange() {
            byte[] signKey = Hex.bytes("60e799be5c72fc92922ae8ebe961fb8d");
            byte[] checksum = Arrays.copyOf(NtlmCrypto.hmacMd5(signKey, new byte[4], PLAINTEXT), 8);
            assertThat(Hex.of(checksum)).isEqualTo("ff2aeb52f681793a");
        }

        @Test
        void messages_4_2_3_3_decode_and_reencode_byte_exact() {
            ChallengeMessage challenge = ChallengeMessage.decode(Hex.bytes(CHALLENGE));
            assertThat(challenge.flags()).isEqualTo(FLAGS);
            assertThat(Hex.of(challenge.encode())).isEqualTo(Hex.of(Hex.bytes(CHALLENGE)));

            AuthenticateMessage authenticate = AuthenticateMessage.decode(Hex.bytes(AUTHENTICATE));
            assertThat(authenticate.flags()).isEqualTo(0x82088235);
            assertThat(authenticate.encryptedRandomSessionKey()).isEmpty();
            assertThat(Hex.of(authenticate.ntChallengeResponse()))
                    .isEqualTo("7537f803ae367128ca458204bde7caf81e97ed2683267232");
            assertThat(Hex.of(authenticate.encode())).isEqualTo(Hex.of(Hex.bytes(AUTHENTICATE)));
        }
    }

    /** 4.2.4 NTLMv2 Authentication. */
    @Nested
    class NtlmV2 {
        static final int CHALLENGE_FLAGS = 0xe28a8233;
        static final String CHALLENGE = "4e 54 4c 4d 53 53 50 00 02 00 00 00 0c 00 0c 00 38 00 00 00 33 82 8a e2 01 23 "
                + "45 67 89 ab cd ef 00 00 00 00 00 00 00 00 24 00 24 00 44 00 00 00 06 00 70 17 00 00 00 0f 53 00 65 00 "
                + "72 00 76 00 65 00 72 00 02 00 0c 00 44 00 6f 00 6d 00 61 00 69 00 6e 00 01 00 0c 00 53 00 65 00 72 00 "
                + "76 00 65 00 72 00 00 00 00 00";
        static final String AUTHENTICATE = "4e 54 4c 4d 53 53 50 00 03 00 00 00 18 00 18 00 6c 00 00 00 54 00 54 00 "
                + "84 00 00 00 0c 00 0c 00 48 00 00 00 08 00 08 00 54 00 00 00 10 00 10 00 5c 00 00 00 10 00 10 00 d8 00 "
                + "00 00 35 82 88 e2 05 01 28 0a 00 00 00 0f 44 00 6f 00 6d 00 61 00 69 00 6e 00 55 00 73 00 65 00 72 00 "
                + "43 00 4f 00 4d 00 50 00 55 00 54 00 45 00 52 00 86 c3 50 97 ac 9c ec 10 25 54 76 4a 57 cc cc 19 aa aa "
                + "aa aa aa aa aa aa 68 cd 0a b8 51 e5 1c 96 aa bc 92 7b eb ef 6a 1c 01 01 00 00 00 00 00 00 00 00 00 00 "
                + "00 00 00 00 aa aa aa aa aa aa aa aa 00 00 00 00 02 00 0c 00 44 00 6f 00 6d 00 61 00 69 00 6e 00 01 00 "
                + "0c 00 53 00 65 00 72 00 76 00 65 00 72 00 00 00 00 00 00 00 00 00 c5 da d2 54 4f c9 79 90 94 ce 1c e9 "
                + "0b c9 d0 3e";
        static final String TEMP = "01 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00 aa aa aa aa aa aa aa aa 00 00 00 00 "
                + "02 00 0c 00 44 00 6f 00 6d 00 61 00 69 00 6e 00 01 00 0c 00 53 00 65 00 72 00 76 00 65 00 72 00 00 00 "
                + "00 00 00 00 00 00";
        static final byte[] NTOWFV2 = Hex.bytes("0c868a403bfd7a93a3001ef22ef02e3f");

        @Test
        void ntowfv2_and_lmowfv2_4_2_4_1_1() {
            assertThat(Hex.of(user().responseKey("Domain"))).isEqualTo(Hex.of(NTOWFV2));
        }

        @Test
        void temp_4_2_4_1_3() {
            AvPairs serverName = ChallengeMessage.decode(Hex.bytes(CHALLENGE)).targetInfo();
            assertThat(Hex.of(NtlmV2Response.temp(0, CLIENT_CHALLENGE, serverName))).isEqualTo(Hex.of(Hex.bytes(TEMP)));
        }

        @Test
        void ntproofstr_4_2_4_2_2_and_session_base_key_4_2_4_1_2() {
            byte[] proof = NtlmCrypto.ntProofStr(NTOWFV2, SERVER_CHALLENGE, Hex.bytes(TEMP));
            assertThat(Hex.of(proof)).isEqualTo("68cd0ab851e51c96aabc927bebef6a1c");
            assertThat(Hex.of(NtlmCrypto.sessionBaseKeyV2(NTOWFV2, proof)))
                    .isEqualTo("8de40ccadbc14a82f15cb0ad0de95ca3");
        }

        @Test
        void lmv2_response_4_2_4_2_1() {
            assertThat(Hex.of(NtlmCrypto.lmv2Response(NTOWFV2, SERVER_CHALLENGE, CLIENT_CHALLENGE)))
                    .isEqualTo("86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa");
        }

        @Test
        void encrypted_session_key_4_2_4_2_3() {
            byte[] keyExchangeKey = Hex.bytes("8de40ccadbc14a82f15cb0ad0de95ca3");
            assertThat(Hex.of(Rc4.once(keyExchangeKey, RANDOM_SESSION_KEY)))
                    .isEqualTo("c5dad2544fc9799094ce1ce90bc9d03e");
        }

        @Test
        void challenge_message_4_2_4_3_decodes_and_reencodes_byte_exact() {
            ChallengeMessage message = ChallengeMessage.decode(Hex.bytes(CHALLENGE));
            assertThat(message.flags()).isEqualTo(CHALLENGE_FLAGS);
            assertThat(message.serverChallenge()).isEqualTo(SERVER_CHALLENGE);
            assertThat(message.targetName()).isEqualTo("Server");
            assertThat(message.targetInfo().string(AvId.MSV_AV_NB_DOMAIN_NAME)).contains("Domain");
            assertThat(message.targetInfo().string(AvId.MSV_AV_NB_COMPUTER_NAME)).contains("Server");
            assertThat(message.targetInfo().timestamp()).isEmpty();
            assertThat(Hex.of(message.encode())).isEqualTo(Hex.of(Hex.bytes(CHALLENGE)));
        }

        @Test
        void client_produces_the_authenticate_message_4_2_4_3_byte_exact() {
            NtlmClient client = NtlmClient.builder(NtlmCredentials.of("Domain\\User", PASSWORD))
                    .workstation("COMPUTER")
                    .version(new NtlmVersion(5, 1, 2600, 15))
                    .clock(Clock.fixed(NtlmCrypto.instant(0), ZoneOffset.UTC))
                    .nonceSource(length -> length == 8 ? CLIENT_CHALLENGE.clone() : RANDOM_SESSION_KEY.clone())
                    .build();
            client.negotiate();

            byte[] authenticate = client.authenticate(Hex.bytes(CHALLENGE));

            assertThat(Hex.of(authenticate)).isEqualTo(Hex.of(Hex.bytes(AUTHENTICATE)));
            assertThat(client.negotiatedFlags()).isEqualTo(0xe2888235);
            assertThat(client.exportedSessionKey()).isEqualTo(RANDOM_SESSION_KEY);
        }

        @Test
        void authenticate_message_4_2_4_3_decodes() {
            AuthenticateMessage message = AuthenticateMessage.decode(Hex.bytes(AUTHENTICATE));
            NtlmV2Response response = message.ntlmV2Response();
            assertThat(Hex.of(response.ntProofStr())).isEqualTo("68cd0ab851e51c96aabc927bebef6a1c");
            assertThat(response.clientChallenge()).isEqualTo(CLIENT_CHALLENGE);
            assertThat(response.timestamp()).isZero();
            assertThat(response.temp()).isEqualTo(Hex.bytes(TEMP));
            assertThat(message.hasMicField()).isFalse();
            assertThat(Hex.of(message.encode())).isEqualTo(Hex.of(Hex.bytes(AUTHENTICATE)));
        }

        @Test
        void seal_and_sign_keys_4_2_4_4() {
            assertThat(Hex.of(NtlmCrypto.sealKey(CHALLENGE_FLAGS, RANDOM_SESSION_KEY, true)))
                    .isEqualTo("59f600973cc4960a25480a7c196e4c58");
            assertThat(Hex.of(NtlmCrypto.signKey(CHALLENGE_FLAGS, RANDOM_SESSION_KEY, true)))
                    .isEqualTo("4788dc861b4782f35d43fd98fe1a2d39");
        }

        @Test
        void gss_wrapex_4_2_4_4_checksum_before_rc4() {
            byte[] signKey = Hex.bytes("4788dc861b4782f35d43fd98fe1a2d39");
            assertThat(Hex.of(Arrays.copyOf(NtlmCrypto.hmacMd5(signKey, new byte[4], PLAINTEXT), 8)))
                    .isEqualTo("70352851f2564309");
        }

        @Test
        void gss_wrapex_4_2_4_4_sealed_data_and_signature() {
            NtlmSession.Sealed sealed = NtlmSession.client(RANDOM_SESSION_KEY, CHALLENGE_FLAGS).seal(PLAINTEXT);
            assertThat(Hex.of(sealed.message())).isEqualTo("54e50165bf1936dc996020c1811b0f06fb5f");
            assertThat(Hex.of(sealed.signature())).isEqualTo("010000007fb38ec5c55d497600000000");
        }

        @Test
        void the_server_side_unseals_the_4_2_4_4_output() {
            NtlmSession server = NtlmSession.server(RANDOM_SESSION_KEY, CHALLENGE_FLAGS);
            byte[] plain = server.unseal(Hex.bytes("010000007fb38ec5c55d497600000000"),
                    Hex.bytes("54e50165bf1936dc996020c1811b0f06fb5f"));
            assertThat(plain).isEqualTo(PLAINTEXT);
        }
    }
}
