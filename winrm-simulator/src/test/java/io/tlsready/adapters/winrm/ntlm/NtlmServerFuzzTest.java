package io.tlsready.adapters.winrm.ntlm;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.sim.ntlm.NtlmServer;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The adapter's NTLM client and the simulator's NTLM server under seeded, bounded fuzzing: mutated tokens either
 * work or fail with {@link NtlmException} (a hostile token is a rejected result on the server side); nothing else
 * escapes. In the adapter's package for its fuzzing helpers (adapter test-jar); here because the server is the
 * simulator's.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class NtlmServerFuzzTest {

    private static final long SEED = 0x4e544c4dL;
    private static final char[] PASSWORD = "fuzz-pass".toCharArray();

    @Test
    void client_and_server_only_fail_cleanly_on_hostile_tokens() {
        Random random = new Random(SEED + 1);
        NtlmCredentials account = NtlmCredentials.of("fuzz", PASSWORD);
        NtlmClient template = NtlmClient.builder(account).build();
        NtlmServer templateServer = NtlmServer.builder().account(account).build();
        byte[] negotiate = template.negotiate();
        byte[] challenge = templateServer.challenge(negotiate);
        byte[] authenticate = template.authenticate(challenge);
        for (int i = 0; i < 300; i++) {
            byte[] badChallenge = NtlmFuzzTest.mutate(challenge, random);
            NtlmClient client = NtlmClient.builder(account).build();
            client.negotiate();
            NtlmFuzzTest.runs(() -> client.authenticate(badChallenge));

            byte[] badNegotiate = NtlmFuzzTest.mutate(negotiate, random);
            NtlmFuzzTest.runs(() -> NtlmServer.builder().account(account).build().challenge(badNegotiate));
        }
        for (int i = 0; i < 300; i++) {
            NtlmServer server = NtlmServer.builder().account(account).build();
            NtlmClient client = NtlmClient.builder(account).build();
            byte[] freshAuthenticate = client.authenticate(server.challenge(client.negotiate()));
            byte[] bad = NtlmFuzzTest.mutate(random.nextBoolean() ? freshAuthenticate : authenticate, random);
            NtlmServer.Result result = server.authenticate(bad);
            assertThat(result).isNotNull();
        }
    }
}
