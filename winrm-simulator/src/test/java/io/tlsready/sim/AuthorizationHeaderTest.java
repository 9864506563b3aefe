package io.tlsready.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AuthorizationHeaderTest {

    @Test
    void the_scheme_is_kept_as_sent_and_matched_in_any_case() {
        AuthorizationHeader header = AuthorizationHeader.parse("  NEGOTIATE   TlRMTVNTUAAB  ").orElseThrow();
        assertThat(header.scheme()).isEqualTo("NEGOTIATE");
        assertThat(header.credentials()).isEqualTo("TlRMTVNTUAAB");
        assertThat(header.hasScheme("negotiate", "ntlm")).isTrue();
        assertThat(header.hasScheme("kerberos")).isFalse();
    }

    @Test
    void a_scheme_without_credentials_is_no_header() {
        assertThat(AuthorizationHeader.parse("Negotiate")).isEmpty();
        assertThat(AuthorizationHeader.parse("   ")).isEmpty();
    }

    @Test
    void credentials_decode_from_base64_or_not_at_all() {
        assertThat(AuthorizationHeader.parse("Basic YWxpY2U6cHc=").orElseThrow().decoded())
                .hasValueSatisfying(b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("alice:pw"));
        assertThat(AuthorizationHeader.parse("Basic not*base64").orElseThrow().decoded()).isEmpty();
    }
}
