package io.tlsready.app.cli;

import io.tlsready.app.cli.fleet.ResumeLog;
import io.tlsready.domain.inventory.HostPort;
import io.tlsready.domain.inventory.Inventory;
import io.tlsready.domain.inventory.InventoryHost;
import io.tlsready.domain.port.RemoteTarget;
import io.tlsready.domain.report.HostReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The hosts of a remote audit before anyone is contacted: inventory values over command-line defaults, each
 * checked against the domain's transport/auth invariant, deduplicated; and, once audited, the reports put back
 * in inventory order.
 */
final class PlannedHosts {

    /** One host's settings after the inventory and the command line are merged. */
    record Planned(String host, int port, RemoteTarget.Transport transport, RemoteTarget.Auth auth, String user,
            String origin) {
        String label() {
            return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
        }
    }

    private PlannedHosts() {
    }

    /** Hosts with their settings: inventory values over command-line defaults, checked, deduplicated. */
    static List<Planned> plan(TargetOptions t, RemoteOptions r, PrintWriter err, java.io.InputStream stdin) {
        List<InventoryHost> entries = new ArrayList<>();
        if (t.host != null) {
            HostPort.Parsed p = HostPort.parse(t.host);
            entries.add(InventoryHost.of(p.value().orElseThrow(() -> new UsageException("--host " + p.problem())),
                    "--host"));
        } else {
            Inventory inv = OutputTarget.isDash(t.inventory) ? Inventory.parse("stdin", EvidenceList.text(stdin))
                    : Inventory.read(t.inventory);
            inv.warnings().forEach(w -> err.println("tlsready: warning: " + w));
            entries.addAll(inv.hosts());
            if (entries.isEmpty()) {
                throw new UsageException(t.inventory + ": no hosts in this inventory");
            }
        }
        Map<String, Planned> unique = new LinkedHashMap<>();
        List<String> ignoredCertChecks = new ArrayList<>();
        for (InventoryHost h : entries) {
            RemoteTarget.Transport transport = h.transport().orElse(r.transport);
            RemoteTarget.Auth auth = h.auth().orElse(r.auth);
            int port = h.port().orElse(RemoteTarget.defaultPort(transport));
            String user = h.user().orElse(r.user == null ? "" : r.user);
            String where = h.origin() + ": " + h.name() + ": ";
            RemoteTarget.refusal(transport, auth).ifPresent(refused -> {
                throw new UsageException(where + CliHints.refusal(refused));
            });
            if (user.isEmpty() && auth != RemoteTarget.Auth.KERBEROS) {
                throw new UsageException(where + "no user: give --user"
                        + (t.inventory != null ? " or a user for this host in the inventory" : ""));
            }
            if (h.certValidationIgnored()) {
                ignoredCertChecks.add(h.name());
            }
            Planned p = new Planned(h.address(), port, transport, auth, user, h.origin());
            unique.putIfAbsent(p.label().toLowerCase(Locale.ROOT), p);
        }
        if (!ignoredCertChecks.isEmpty() && !r.insecureSkipTlsVerify) {
            err.println("tlsready: warning: ansible_winrm_server_cert_validation=ignore is not honoured for "
                    + ignoredCertChecks.size() + " host(s) (e.g. " + ignoredCertChecks.get(0) + "): certificates are "
                    + "still validated; use --ca-cert, --pin-sha256 or, knowingly, --insecure-skip-tls-verify");
        }
        return new ArrayList<>(unique.values());
    }

    /** The first user named, for the password prompt. */
    static String firstUser(List<Planned> todo) {
        return todo.stream().map(Planned::user).filter(u -> !u.isEmpty()).findFirst().orElse("the account");
    }

    /** Inventory order: hosts from the earlier run and from this one, then any earlier host not listed now. */
    static List<HostReport> merge(List<Planned> planned, List<RemoteTarget> targets, List<HostReport> fresh,
            Map<String, ResumeLog.Done> previous) {
        Map<String, HostReport> byLabel = new HashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            byLabel.put(targets.get(i).label(), fresh.get(i));
        }
        Map<String, HostReport> old = new LinkedHashMap<>();
        previous.forEach((label, d) -> old.put(label, d.report()));
        List<HostReport> hosts = new ArrayList<>();
        for (Planned p : planned) {
            HostReport h = byLabel.containsKey(p.label()) ? byLabel.get(p.label()) : old.remove(p.label());
            if (h != null) {
                hosts.add(h);
            }
        }
        hosts.addAll(old.values());
        return hosts;
    }
}
