package io.tlsready.domain.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.rules.book.RuleBook;
import io.tlsready.domain.testing.Hosts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The classifier against the texts the remote adapter and the fleet write (copied from their sources; the WinRM
 * adapter's tests check the real ones, produced against closed ports, unresolvable names and the simulator).
 */
class FailureCauseTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "srv1:5986: unknown host (DNS name not found)|DNS",
        "srv1:5986: connection refused (WinRM not listening on this port, service stopped, or a firewall rejects it)"
                + " (3 attempts)|REFUSED",
        "srv1:5986: could not connect within the connect timeout (host down, or a firewall drops WinRM traffic)"
                + "|TIMEOUT",
        "srv1:5986: connected, but no reply within 30 s (read timeout; the host or its WinRM service is stalled)"
                + "|TIMEOUT",
        "no answer within 60 s|TIMEOUT",
        "srv1:5986: no complete answer within the per-host deadline of 60 s|TIMEOUT",
        "srv1:5986: no route to host|TIMEOUT",
        "WinRM operation timed out on the host (OperationTimeout)|TIMEOUT",
        "srv1:5986: HTTP 401 Unauthorized with Basic: the user name or password is wrong, or the account cannot use"
                + " Basic (local accounts only; Basic needs HTTPS unless AllowUnencrypted) (the host offers Basic)|AUTH",
        "srv1:5985: HTTP 401: NTLM credentials rejected for user admin: wrong user name or password|AUTH",
        "srv1:5986: HTTP 403 Forbidden: the account was authenticated but may not use WinRM|AUTH",
        "access denied: the account is not allowed to use WMI over WinRM|AUTH",
        "srv1:5986: no password for user admin (give the password)|AUTH",
        "srv1:5986: TLS handshake failed: Received fatal alert: protocol_version|TLS",
        "certificate for host srv1 is self-signed (CN=srv1): pin it|TLS",
        "certificate for host srv1 expired on 2026-01-01: renew the WinRM HTTPS listener's certificate|TLS",
        "the TLS server at srv1 presented no certificate|TLS",
        "srv1:5986: HTTP 500 without a SOAP fault (a proxy, or the WinRM service failing)|PROTOCOL",
        "srv1:5986: the connection was closed or reset before a complete reply (Connection reset)|PROTOCOL",
        "srv1: reply contains a DOCTYPE; refused|PROTOCOL",
        "WMI class not found on the host|PROTOCOL",
        "unexpected error: java.lang.NullPointerException|OTHER",
        "credential profile 'prod' is not configured on this server|OTHER",
    })
    void the_texts_our_adapters_write_map_to_their_cause(String error, FailureCause cause) {
        assertThat(FailureCause.classify("srv1", error)).isEqualTo(cause);
    }

    @Test
    void the_host_name_in_the_text_does_not_decide_the_cause() {
        assertThat(FailureCause.classify("Refused-Timeout.example", "refused-timeout.example:5986: unknown host (DNS"
                + " name not found)")).isEqualTo(FailureCause.DNS);
        assertThat(FailureCause.classify("cert-ssl-01", "cert-ssl-01:5986: connection refused"))
                .isEqualTo(FailureCause.REFUSED);
        assertThat(FailureCause.classify("winrm-host", "winrm-host:5986: ???")).isEqualTo(FailureCause.OTHER);
    }

    @Test
    void an_audited_host_has_no_cause_and_an_unreachable_one_has_one() {
        AuditService audit = new AuditService(RuleBook.standard());
        assertThat(FailureCause.of(audit.evaluate(Hosts.ready("2019").named("srv1").build()))).isEmpty();
        assertThat(FailureCause.of(AuditService.failed("srv1", "WinRM srv1:5986", "srv1:5986: connection refused")))
                .contains(FailureCause.REFUSED);
    }

    @Test
    void every_cause_has_a_label_for_people() {
        assertThat(FailureCause.REFUSED.label()).isEqualTo("connection refused");
        assertThat(FailureCause.DNS.label()).isEqualTo("name not found");
        assertThat(FailureCause.values()).allSatisfy(c -> assertThat(c.label()).isNotBlank());
    }
}
