package io.tlsready.domain.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsready.domain.access.AccessToken;
import io.tlsready.domain.access.Role;
import io.tlsready.domain.access.TokenSecret;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link AccessTokens} must do. */
public abstract class AccessTokensContract {

    protected static final Instant T0 = Instant.parse("2026-03-01T10:15:30.5Z");

    protected abstract AccessTokens tokens();

    protected abstract AccessTokens reopened();

    protected static AccessToken token(String name, Role role, String secret) {
        return new AccessToken(TokenSecret.newId(), name, role, TokenSecret.hash(secret), T0, Optional.empty());
    }

    @Test
    void an_added_token_is_found_by_its_hash_while_active() {
        String secret = TokenSecret.generate();
        AccessToken t = tokens().add(token("alice", Role.OPERATOR, secret));

        assertThat(tokens().active(TokenSecret.hash(secret))).contains(t);
        assertThat(tokens().active(TokenSecret.hash(secret + "x"))).isEmpty();
        assertThat(tokens().all()).containsExactly(t);
    }

    @Test
    void token_names_are_unique_even_among_revoked_tokens() {
        tokens().add(token("grafana", Role.READER, "s1"));
        tokens().revoke("grafana", T0);

        assertThatThrownBy(() -> tokens().add(token("grafana", Role.OPERATOR, "s2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grafana");
        assertThat(tokens().all()).hasSize(1);
    }

    @Test
    void a_token_is_revoked_by_id_or_by_name_and_stays_listed() {
        AccessToken a = tokens().add(token("a", Role.READER, "sa"));
        AccessToken b = tokens().add(token("b", Role.OPERATOR, "sb"));
        Instant later = T0.plusSeconds(30);

        AccessToken revokedA = tokens().revoke(a.id(), later).orElseThrow();
        AccessToken revokedB = tokens().revoke("b", later.plusSeconds(1)).orElseThrow();

        assertThat(revokedA.revoked()).contains(later);
        assertThat(revokedB.revoked()).contains(later.plusSeconds(1));
        assertThat(tokens().active(a.hash())).isEmpty();
        assertThat(tokens().active(b.hash())).isEmpty();
        assertThat(tokens().all()).containsExactly(revokedA, revokedB);
        assertThat(tokens().revoke("nobody", later)).isEmpty();
    }

    @Test
    void revoking_twice_keeps_the_first_time() {
        AccessToken a = tokens().add(token("a", Role.READER, "sa"));
        tokens().revoke("a", T0.plusSeconds(1));

        assertThat(tokens().revoke(a.id(), T0.plusSeconds(99)).orElseThrow().revoked()).contains(T0.plusSeconds(1));
    }

    @Test
    void tokens_are_listed_oldest_first() {
        AccessToken z = tokens().add(token("zed", Role.READER, "1"));
        AccessToken a = tokens().add(token("amy", Role.OPERATOR, "2"));

        assertThat(tokens().all()).containsExactly(z, a);
    }

    @Test
    void hostile_token_names_are_kept_as_data() {
        String name = "x\u0000'\\\"--\ud800";
        AccessToken t = tokens().add(token(name, Role.READER, "s"));

        assertThat(tokens().all()).containsExactly(t);
        assertThat(tokens().revoke(name, T0)).map(AccessToken::name).contains(name);
    }

    @Test
    void tokens_survive_closing_and_reopening_the_store() {
        AccessToken a = tokens().add(token("a", Role.OPERATOR, "sa"));
        AccessToken b = tokens().revoke(tokens().add(token("b", Role.READER, "sb")).id(), T0).orElseThrow();

        AccessTokens again = reopened();

        assertThat(again.all()).containsExactly(a, b);
        assertThat(again.active(a.hash())).contains(a);
    }
}
