package io.tlsready.adapters.winrm.ntlm;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.adapters.winrm.encryption.EncryptedBodyException;
import io.tlsready.adapters.winrm.encryption.WinRmEncryption;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Seeded, bounded fuzzing: mutated tokens either decode or fail with {@link NtlmException}, mutated encrypted bodies
 * with {@link EncryptedBodyException}; nothing else (no index, arithmetic, null or argument exceptions) escapes.
 * Deterministic for a given seed.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS) // bounds a hang only: the machine may be busy
class NtlmFuzzTest {

    private static final long SEED = 0x4e544c4dL;
    private static final int ITERATIONS = 4000;
    private static final char[] PASSWORD = "fuzz-pass".toCharArray();

    @Test
    void message_decoders_only_throw_ntlm_exceptions() {
        List<byte[]> seeds = validTokens();
        Random random = new Random(SEED);
        List<Consumer<byte[]>> decoders = List.of(NegotiateMessage::decode, ChallengeMessage::decode,
                AuthenticateMessage::decode, AvPairs::decode, NtlmV2Response::decode,
                token -> AuthenticateMessage.decode(token).ntlmV2Response());
        int decoded = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] token = mutate(seeds.get(random.nextInt(seeds.size())), random);
            for (Consumer<byte[]> decoder : decoders) {
                decoded += runs(() -> decoder.accept(token)) ? 1 : 0;
            }
        }
        assertThat(decoded).as("some mutants still decode, so the fuzzer reaches past the header").isPositive();
    }

    @Test
    void unwrap_only_throws_encrypted_body_exceptions() {
        byte[] key = Hex.repeat(0x42, 16);
        int flags = NtlmClient.OFFERED_FLAGS;
        byte[] body = new WinRmEncryption(NtlmSession.client(key, flags))
                .wrap("<s:Envelope>fuzz</s:Envelope>".getBytes(StandardCharsets.UTF_8));
        Random random = new Random(SEED + 2);
        int opened = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] mutant = mutate(body, random);
            WinRmEncryption server = new WinRmEncryption(NtlmSession.server(key, flags));
            try {
                server.unwrap(mutant);
                opened++;
            } catch (EncryptedBodyException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
        assertThat(opened).isLessThan(ITERATIONS);
    }

    /** Runs the action; true when it returned, false on NtlmException; anything else fails the test. */
    static boolean runs(Runnable action) {
        try {
            action.run();
            return true;
        } catch (NtlmException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            return false;
        }
    }

    private static List<byte[]> validTokens() {
        List<byte[]> tokens = new ArrayList<>();
        NtlmCredentials account = NtlmCredentials.of("CORP\\fuzz", PASSWORD);
        NtlmClient client = NtlmClient.builder(account).targetName("HTTP/fuzz").channelBindings(new byte[16])
                .build();
        byte[] negotiate = client.negotiate();
        byte[] challenge = challengeLikeWindows();
        byte[] authenticate = client.authenticate(challenge);
        tokens.add(negotiate);
        tokens.add(challenge);
        tokens.add(authenticate);
        tokens.add(Hex.bytes(NtlmSpecVectorsTest.NtlmV2.CHALLENGE));
        tokens.add(Hex.bytes(NtlmSpecVectorsTest.NtlmV2.AUTHENTICATE));
        tokens.add(Hex.bytes(NtlmSpecVectorsTest.NtlmV1.AUTHENTICATE));
        tokens.add(AuthenticateMessage.decode(authenticate).ntChallengeResponse());
        tokens.add(ChallengeMessage.decode(challenge).targetInfo().encode());
        return tokens;
    }

    /** A CHALLENGE_MESSAGE as a Windows server sends it: Unicode, names, a timestamp (so the client adds a MIC). */
    private static byte[] challengeLikeWindows() {
        AvPairs info = AvPairs.of(List.of(AvPair.ofString(AvId.MSV_AV_NB_DOMAIN_NAME, "WORKGROUP"),
                AvPair.ofString(AvId.MSV_AV_NB_COMPUTER_NAME, "FUZZHOST"),
                AvPair.ofString(AvId.MSV_AV_DNS_DOMAIN_NAME, ""),
                AvPair.ofString(AvId.MSV_AV_DNS_COMPUTER_NAME, "fuzzhost"),
                AvPair.ofLong(AvId.MSV_AV_TIMESTAMP, NtlmCrypto.fileTime(Instant.now()))));
        int flags = NtlmClient.OFFERED_FLAGS | NegotiateFlags.NEGOTIATE_TARGET_INFO | NegotiateFlags.TARGET_TYPE_SERVER;
        return new ChallengeMessage(flags, Hex.repeat(0x11, 8), "FUZZHOST", info, NtlmVersion.DEFAULT).encode();
    }

    /** One to four mutations: bit flips, random bytes, little-endian field overwrites, truncation, extension. */
    static byte[] mutate(byte[] input, Random random) {
        byte[] out = input.clone();
        int rounds = 1 + random.nextInt(4);
        for (int r = 0; r < rounds; r++) {
            if (out.length == 0) {
                out = new byte[random.nextInt(64)];
                random.nextBytes(out);
                continue;
            }
            switch (random.nextInt(6)) {
                case 0:
                    out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
                    break;
                case 1:
                    out[random.nextInt(out.length)] = (byte) random.nextInt(256);
                    break;
                case 2: {
                    int at = random.nextInt(out.length);
                    int[] interesting = {0, 1, 0x7f, 0x80, 0xff, 0xffff, 0x7fffffff, 0x80000000, 0xffffffff,
                        out.length, out.length - 1, out.length + 1};
                    int value = interesting[random.nextInt(interesting.length)];
                    for (int b = 0; b < 4 && at + b < out.length; b++) {
                        out[at + b] = (byte) (value >>> (8 * b));
                    }
                    break;
                }
                case 3:
                    out = Arrays.copyOf(out, random.nextInt(out.length));
                    break;
                case 4: {
                    byte[] longer = Arrays.copyOf(out, out.length + 1 + random.nextInt(32));
                    for (int b = out.length; b < longer.length; b++) {
                        longer[b] = (byte) random.nextInt(256);
                    }
                    out = longer;
                    break;
                }
                default: {
                    byte[] noise = new byte[random.nextInt(128)];
                    random.nextBytes(noise);
                    out = noise;
                    break;
                }
            }
        }
        return out;
    }
}
