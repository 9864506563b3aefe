package io.tlsready.domain.port;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The transport/auth invariant: over plain http only an authentication that encrypts its messages may go. */
class RemoteTargetRefusalTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(RemoteTarget.Auth.class)
    void over_https_every_authentication_is_allowed(RemoteTarget.Auth auth) {
        assertThat(RemoteTarget.refusal(RemoteTarget.Transport.HTTPS, auth)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(RemoteTarget.Auth.class)
    void over_http_only_ntlm_and_kerberos_are_allowed_because_they_encrypt(RemoteTarget.Auth auth) {
        Optional<RemoteTarget.Refusal> refusal = RemoteTarget.refusal(RemoteTarget.Transport.HTTP, auth);
        assertThat(refusal.isPresent()).isEqualTo(auth == RemoteTarget.Auth.BASIC);
        assertThat(auth.encryptsOverHttp()).isEqualTo(auth != RemoteTarget.Auth.BASIC);
    }

    @Test
    void basic_over_http_is_refused_with_its_reason_and_the_two_safe_choices() {
        RemoteTarget target = new RemoteTarget("h", 5985, RemoteTarget.Transport.HTTP, RemoteTarget.Auth.BASIC, "u",
                () -> new char[0], Optional.empty(), Optional.empty(), false, Duration.ofSeconds(1));
        RemoteTarget.Refusal r = target.refusal().orElseThrow();
        assertThat(r.reason()).isEqualTo("Basic over http would send the password in clear text");
        assertThat(r.remedies()).containsExactly(new Hint.UseTransport(RemoteTarget.Transport.HTTPS),
                new Hint.ChooseAuth(Optional.of(RemoteTarget.Auth.NTLM)));
        assertThat(r.reason()).doesNotContain("--");
    }
}
