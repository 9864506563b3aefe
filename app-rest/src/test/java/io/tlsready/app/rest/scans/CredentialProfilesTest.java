package io.tlsready.app.rest.scans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsready.domain.port.RemoteTarget;
import io.tlsready.domain.scan.ScanTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialProfilesTest {

    private static final String SECRET = "s3cret-Never-Shown";

    @TempDir
    Path tmp;

    private Path file(String json, String mode) throws Exception {
        Path f = tmp.resolve("creds.json");
        Files.writeString(f, json);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
        return f;
    }

    private static String profile(String extra) {
        return "{\"profiles\": {\"fleet\": {\"user\": \"CONTOSO\\\\auditor\", \"password\": \"" + SECRET
                + "\", \"auth\": \"NTLM\", \"transport\": \"https\"" + extra + "}}}";
    }

    @Test
    void a_profile_gives_remote_targets_with_its_account_and_the_hosts_own_settings() throws Exception {
        Files.writeString(tmp.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        CredentialProfiles profiles = CredentialProfiles.load(file(profile(", \"port\": 15986, \"caBundle\": "
                + "\"ca.pem\", \"pinSha256\": \"" + "AB:".repeat(31) + "AB\", \"timeoutSeconds\": 9"), "rw-------"));
        CredentialProfile p = profiles.profile("fleet").orElseThrow();
        RemoteTarget plain = p.target(ScanTarget.named("srv1"));
        assertThat(plain.host()).isEqualTo("srv1");
        assertThat(plain.port()).isEqualTo(15986);
        assertThat(plain.transport()).isEqualTo(RemoteTarget.Transport.HTTPS);
        assertThat(plain.auth()).isEqualTo(RemoteTarget.Auth.NTLM);
        assertThat(plain.user()).isEqualTo("CONTOSO\\auditor");
        assertThat(plain.password().get()).containsExactly(SECRET.toCharArray());
        assertThat(plain.caBundle()).contains(tmp.resolve("ca.pem").toAbsolutePath());
        assertThat(plain.pinSha256()).contains("ab".repeat(32));
        assertThat(plain.timeout()).isEqualTo(Duration.ofSeconds(9));
        assertThat(plain.insecureSkipVerify()).isFalse();
        RemoteTarget own = p.target(new ScanTarget("web", "10.0.0.5", OptionalInt.of(5985), Optional.of("http"),
                Optional.empty(), Optional.of("contoso\\AUDITOR")));
        assertThat(own.host()).isEqualTo("10.0.0.5");
        assertThat(own.port()).isEqualTo(5985);
        assertThat(own.transport()).isEqualTo(RemoteTarget.Transport.HTTP);
        assertThat(p.refusal(ScanTarget.named("srv1"))).isEmpty();
        assertThat(profiles.profile("other")).isEmpty();
    }

    @Test
    void the_password_is_in_no_string_the_profiles_make() throws Exception {
        CredentialProfiles profiles = CredentialProfiles.load(file(profile(""), "r--------"));
        CredentialProfile p = profiles.profile("fleet").orElseThrow();
        assertThat(profiles.toString()).contains("fleet").doesNotContain(SECRET);
        assertThat(p.toString()).doesNotContain(SECRET);
        assertThat(p.target(ScanTarget.named("srv1")).toString()).doesNotContain(SECRET);
    }

    @Test
    void a_file_others_can_read_is_refused_naming_the_file_and_its_mode() throws Exception {
        Path f = file(profile(""), "rw-r--r--");
        assertThatThrownBy(() -> CredentialProfiles.load(f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(f + ": mode 644 ").hasMessageContaining("chmod 600")
                .hasMessageNotContaining(SECRET);
        Path g = file(profile(""), "rw-rw----");
        assertThatThrownBy(() -> CredentialProfiles.load(g)).hasMessageContaining("mode 660");
    }

    @Test
    void a_duplicate_key_is_refused_rather_than_the_last_one_winning() throws Exception {
        Path f = file("{\"profiles\": {\"fleet\": {\"user\": \"a\", \"password\": \"" + SECRET + "\", \"password\": "
                + "\"other\", \"auth\": \"ntlm\", \"transport\": \"https\"}}}", "rw-------");
        assertThatThrownBy(() -> CredentialProfiles.load(f)).hasMessageStartingWith(f + ": duplicate key 'password'")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void broken_json_is_refused_by_position_without_quoting_the_text() throws Exception {
        Path f = file("{\"profiles\": {\"fleet\": {\"user\": \"a\", \"password\": " + SECRET + "}}}", "rw-------");
        assertThatThrownBy(() -> CredentialProfiles.load(f)).hasMessageStartingWith(f + ": not valid JSON at line 1")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void missing_and_wrong_fields_are_named_with_their_profile() throws Exception {
        assertThatThrownBy(() -> CredentialProfiles.load(file("{\"profiles\": {\"p\": {\"user\": \"a\", "
                + "\"auth\": \"ntlm\", \"transport\": \"https\"}}}", "rw-------")))
                .hasMessageEndingWith("profile 'p': password is missing");
        assertThatThrownBy(() -> CredentialProfiles.load(file(profile("").replace("NTLM", "digest"), "rw-------")))
                .hasMessageEndingWith("profile 'fleet': auth must be one of basic, ntlm, kerberos");
        assertThatThrownBy(() -> CredentialProfiles.load(file(profile(", \"pasword\": \"x\""), "rw-------")))
                .hasMessageContaining("profile 'fleet': unknown field 'pasword'");
        assertThatThrownBy(() -> CredentialProfiles.load(file(profile(", \"port\": 0"), "rw-------")))
                .hasMessageEndingWith("profile 'fleet': port must be a number 1..65535");
        assertThatThrownBy(() -> CredentialProfiles.load(file(profile(", \"caBundle\": \"missing.pem\""),
                "rw-------"))).hasMessageEndingWith("profile 'fleet': caBundle missing.pem: cannot read it");
        assertThatThrownBy(() -> CredentialProfiles.load(file("{\"fleet\": {}}", "rw-------")))
                .hasMessageContaining("expected {\"profiles\"");
        assertThatThrownBy(() -> CredentialProfiles.load(tmp.resolve("absent.json")))
                .hasMessageEndingWith("absent.json: no such file");
    }

    @Test
    void a_profile_refuses_hosts_naming_another_account_or_basic_over_http() throws Exception {
        CredentialProfile p = CredentialProfiles.load(file(profile(""), "rw-------")).profile("fleet").orElseThrow();
        ScanTarget other = new ScanTarget("srv1", "srv1", OptionalInt.empty(), Optional.empty(), Optional.empty(),
                Optional.of("administrator"));
        assertThat(p.refusal(other)).hasValueSatisfying(m -> assertThat(m).contains("'administrator'")
                .contains("'fleet'").doesNotContain(SECRET));
        ScanTarget basic = new ScanTarget("srv2", "srv2", OptionalInt.empty(), Optional.of("http"),
                Optional.of("basic"), Optional.empty());
        assertThat(p.refusal(basic)).hasValueSatisfying(m -> assertThat(m).startsWith("host 'srv2': Basic over http"));
    }
}
