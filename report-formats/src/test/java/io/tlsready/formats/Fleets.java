package io.tlsready.formats;

import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.report.AuditReport;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.rules.book.RuleBook;
import io.tlsready.domain.testing.Hosts;
import java.util.ArrayList;
import java.util.List;

/**
 * Fleets for the HTML report's tests, every host audited by the real rule book from the domain's host builders:
 * READY hosts on current Windows, NOT_READY ones failing different rules, and hosts that could not be audited for
 * each kind of reason a remote run writes.
 */
final class Fleets {

    static final AuditService AUDIT = new AuditService(RuleBook.standard());

    /** Error texts as the remote adapter and the fleet write them, one per failure cause. */
    static final List<String> ERRORS = List.of(
            "%s:5985: connection refused (Connection refused)",
            "unknown host %s (Name or service not known)",
            "no answer within 60 s",
            "%s:5985: HTTP 401: NTLM credentials rejected",
            "%s:5986: TLS handshake failed: certificate not trusted (PKIX path building failed)",
            "%s:5985: SOAP fault: wsman:InternalError");

    private Fleets() {
    }

    /** {@code n} hosts named {@code prefix-001}…: about half NOT_READY, a third READY, the rest not audited. */
    static AuditReport mixed(String prefix, int n) {
        List<HostReport> hosts = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            hosts.add(host(String.format("%s-%03d", prefix, i), i));
        }
        return new AuditReport(hosts, "0.1.0-test", "2026-12-07T10:00:00Z");
    }

    /** The {@code i}-th host of a mixed fleet. */
    static HostReport host(String name, int i) {
        return switch (i % 10) {
            case 0, 5 -> AUDIT.evaluate(Hosts.ready(i % 20 == 0 ? "2019" : "2022").named(name).build());
            case 1 -> AUDIT.evaluate(Hosts.ready("2012R2").named(name).build());
            case 2, 6 -> AUDIT.evaluate(Hosts.windows("2008R2").x64().coverAll().named(name).build());
            case 3 -> AUDIT.evaluate(Hosts.ready("2012R2").named(name)
                    .dword(Hosts.TLS12_CLIENT, "Enabled", 0).build());
            case 4, 8 -> AUDIT.evaluate(Hosts.windows("2012").x64().coverAll().named(name)
                    .dword(Hosts.FIPS, "Enabled", 1).build());
            case 7 -> AUDIT.evaluate(Hosts.ready("2008SP2").named(name).build());
            default -> AuditService.failed(name, "winrm " + name + ":5985",
                    String.format(ERRORS.get(i / 10 % ERRORS.size()), name));
        };
    }

    /** {@code n} copies of one NOT_READY host under different names: what differs is only the name. */
    static AuditReport renamed(int n) {
        List<HostReport> hosts = new ArrayList<>();
        HostReport one = AUDIT.evaluate(Hosts.windows("2008R2").x64().coverAll().named("h").build());
        for (int i = 1; i <= n; i++) {
            hosts.add(new HostReport(String.format("srv-%05d", i), one.source(), one.os(), one.verdict(),
                    one.findings(), one.provenance(), one.warnings(), one.error()));
        }
        return new AuditReport(hosts, "0.1.0-test", "2026-12-07T10:00:00Z");
    }
}
