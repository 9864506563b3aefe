package io.tlsready.adapters.winrm.kerberos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Where the Kerberos settings come from, and how the JDK's Kerberos errors are recognised. (Logins against a real
 * KDC: winrm-simulator's Kerberos tests and app-cli's KerberosErrorsIT.)
 */
class KerberosLoginTest {

    @Test
    void krb5ccname_is_a_file_cache_with_or_without_its_prefix() {
        assertThat(KerberosLogin.Settings.from(Map.of("KRB5CCNAME", "FILE:/tmp/krb5cc_7")::get).ticketCache())
                .contains(Path.of("/tmp/krb5cc_7"));
        assertThat(KerberosLogin.Settings.from(Map.of("KRB5CCNAME", "/tmp/cc")::get).ticketCache())
                .contains(Path.of("/tmp/cc"));
        assertThat(KerberosLogin.Settings.from(Map.<String, String>of()::get)).isEqualTo(new KerberosLogin.Settings(
                Optional.empty(), Optional.empty(), Optional.empty()));
    }

    @Test
    void krb5_config_takes_the_first_file_of_a_list() {
        assertThat(KerberosLogin.Settings.from(Map.of("KRB5_CONFIG", "/etc/a.conf:/etc/b.conf")::get).krb5Config())
                .contains(Path.of("/etc/a.conf"));
    }

    @Test
    void a_cache_java_cannot_read_is_one_clear_line_before_any_kdc_traffic() {
        KerberosLogin.Settings settings = KerberosLogin.Settings.from(Map.of("KRB5CCNAME", "KEYRING:persistent:1000")
                ::get);
        assertThat(settings.ticketCache()).isEmpty();
        assertThatThrownBy(() -> KerberosLogin.login("alice@EXAMPLE.TEST", new char[0], settings))
                .isInstanceOf(KerberosException.class)
                .hasMessage("Kerberos: KRB5CCNAME is a KEYRING: cache, which Java cannot read; use a FILE: cache"
                        + " (kinit -c FILE:/tmp/krb5cc_tlsready, then KRB5CCNAME=FILE:/tmp/krb5cc_tlsready)");
    }

    @Test
    void an_unreadable_krb5_config_is_named() {
        KerberosLogin.Settings settings = KerberosLogin.Settings.from(Map.of("KRB5_CONFIG", "/nonexistent/krb5.conf")
                ::get);
        assertThatThrownBy(() -> KerberosLogin.login("alice@EXAMPLE.TEST", "pw".toCharArray(), settings))
                .hasMessage("Kerberos: KRB5_CONFIG=/nonexistent/krb5.conf: cannot read it");
    }

    @Test
    void the_kerberos_error_code_is_read_from_the_jdk_message_anywhere_in_the_causes() {
        Exception jdk17 = new Exception("No valid credentials provided (Mechanism level: Server not found in"
                + " Kerberos database (7) - LOOKING_UP_SERVER)");
        assertThat(KerberosLogin.errorCode(new RuntimeException("wrapper", jdk17))).contains(7);
        assertThat(KerberosLogin.errorCode(new Exception("Pre-authentication information was invalid (24)")))
                .contains(24);
        assertThat(KerberosLogin.errorCode(new Exception("Clock skew too great (37) - PROCESS_TGS"))).contains(37);
        assertThat(KerberosLogin.errorCode(new Exception("Receive timed out"))).isEmpty();
        assertThat(KerberosLogin.describeContextFailure(jdk17, "HTTP/web1.example.test"))
                .startsWith("Kerberos: the KDC has no service principal HTTP/web1.example.test (register it: setspn");
    }
}
