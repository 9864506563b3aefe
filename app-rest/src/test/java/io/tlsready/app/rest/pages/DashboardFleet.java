package io.tlsready.app.rest.pages;

import com.google.inject.Guice;
import io.tlsready.adapters.storage.StorageModule;
import io.tlsready.adapters.windows.offline.OfflineEvidenceModule;
import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.port.OfflineEvidence;
import io.tlsready.domain.port.ReportHistory;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.report.Verdict;
import io.tlsready.domain.rules.book.RuleBook;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A stored fleet for the dashboard at scale: real host reports (the bundled example sets and the corpus' systeminfo
 * files audited through the domain as the app audits uploads, plus unreachable hosts with the adapters' own error
 * texts), renamed to N hosts, over three days of history with verdict changes, saved through the storage adapter's
 * {@link ReportHistory} into {@code DATA/tlsready.db} before {@code tlsready serve} starts on DATA. Deterministic
 * (seeded random). Only the service's runtime class path is needed, so bench/pages.sh runs this very file:
 *
 * <pre>
 *   java -cp "app-rest/target/tlsready-app-rest.jar:app-rest/target/lib/*" \
 *       app-rest/src/test/java/io/tlsready/app/rest/pages/DashboardFleet.java DATA HOSTS EXAMPLES [CORPUS_KB]
 * </pre>
 */
public final class DashboardFleet {

    /**
     * How the seed went: hosts, reports saved, hosts per latest verdict, seconds spent auditing the evidence sets
     * once, and seconds spent saving (renaming included).
     */
    public record Seeded(int hosts, int reports, Map<Verdict, Integer> latest, double auditSeconds,
            double saveSeconds) {
        @Override
        public String toString() {
            return String.format("%d hosts, %d reports, latest verdicts %s; %.1f s auditing the templates, %.1f s "
                    + "saving (%.0f reports/s)", hosts, reports, latest, auditSeconds, saveSeconds,
                    reports / saveSeconds);
        }
    }

    /** One kind of unreachable host: what our adapters write for it ({@code %s} is the host). */
    private static final List<String> FAILURES = List.of(
            "%s:5985: unknown host (DNS name not found)",
            "%s:5985: connection refused (WinRM not listening on this port, service stopped, or a firewall rejects it)"
                    + " (3 attempts)",
            "%s:5985: could not connect within the connect timeout (host down, or a firewall drops WinRM traffic)",
            "no answer within 60 s",
            "%s:5985: HTTP 401 Unauthorized with NTLM: the user name or password is wrong, or the account may not"
                    + " use WinRM",
            "%s:5986: TLS handshake failed: PKIX path building failed: unable to find valid certification path to"
                    + " requested target",
            "%s:5985: the host answered without WinRM (HTTP 200, text/html); is this port a web server?");

    private static final String[] ROLES = {"web", "sql", "file", "dc", "app", "print", "mail", "backup"};

    private DashboardFleet() {
    }

    public static void main(String[] args) {
        Seeded seeded = seed(Path.of(args[0]), Integer.parseInt(args[1]), Path.of(args[2]),
                args.length > 3 ? Path.of(args[3]) : null);
        System.out.println("seeded " + seeded);
    }

    /**
     * Seeds {@code data} with {@code hosts} hosts: day 1 (two days ago) every host, day 2 about a fifth of them, today
     * about a third, some changing verdict (fixed, broken, gone unreachable, back).
     *
     * @param corpusKb the corpus' kb folder (systeminfo of many Windows versions), or null for the examples only
     */
    public static Seeded seed(Path data, int hosts, Path examples, Path corpusKb) {
        long start = System.nanoTime();
        Map<Verdict, List<HostReport>> templates = templates(examples, corpusKb);
        long audited = System.nanoTime();
        Random random = new Random(12);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<Verdict, Integer> latest = new EnumMap<>(Verdict.class);
        int reports = 0;
        try (StorageModule storage = StorageModule.sqlite(data)) {
            ReportHistory history = Guice.createInjector(storage).getInstance(ReportHistory.class);
            HostReport[] last = new HostReport[hosts];
            for (int day = 2; day >= 0; day--) {
                Instant morning = today.minusDays(day).atTime(6, 0).toInstant(ZoneOffset.UTC);
                for (int i = 0; i < hosts; i++) {
                    HostReport next = next(last[i], name(i), day, random, templates);
                    if (next != null) {
                        // a report every few ms of the working day, in host order
                        history.save(next, morning.plus(Duration.ofMillis(i * 5L)));
                        last[i] = next;
                        reports++;
                    }
                }
            }
            for (HostReport r : last) {
                latest.merge(r.verdict(), 1, Integer::sum);
            }
        }
        return new Seeded(hosts, reports, latest, (audited - start) / 1e9, (System.nanoTime() - audited) / 1e9);
    }

    /** "web-0042.corp.example" */
    static String name(int i) {
        return String.format("%s-%04d.corp.example", ROLES[i % ROLES.length], i);
    }

    /** This host's report of the day, or null when it was not audited that day. */
    private static HostReport next(HostReport before, String host, int day, Random random,
            Map<Verdict, List<HostReport>> templates) {
        double dice = random.nextDouble();
        if (before == null) { // the first audit of every host: mostly not ready, some ready, a few unknown/unreachable
            if (dice < 0.55) {
                return renamed(pick(templates.get(Verdict.NOT_READY), random), host);
            } else if (dice < 0.85) {
                return renamed(pick(templates.get(Verdict.READY), random), host);
            } else if (dice < 0.91) {
                return renamed(pick(templates.get(Verdict.UNKNOWN), random), host);
            }
            return unreachable(host, random);
        }
        if (dice > (day == 1 ? 0.2 : 0.3)) {
            return null;
        }
        double change = random.nextDouble();
        if (before.error().isPresent()) { // back again, usually as before it went away: not ready
            return change < 0.6 ? renamed(pick(templates.get(Verdict.NOT_READY), random), host)
                    : unreachable(host, random);
        }
        if (before.verdict() == Verdict.NOT_READY && change < 0.5) { // fixed
            return renamed(pick(templates.get(Verdict.READY), random), host);
        }
        if (before.verdict() == Verdict.READY && change < 0.15) { // broken again, or gone
            return change < 0.1 ? renamed(pick(templates.get(Verdict.NOT_READY), random), host)
                    : unreachable(host, random);
        }
        return renamed(before, host); // audited again, unchanged
    }

    private static HostReport unreachable(String host, Random random) {
        String text = FAILURES.get(random.nextInt(FAILURES.size()));
        return AuditService.failed(host, "winrm " + host, text.contains("%s") ? String.format(text, host) : text);
    }

    private static HostReport pick(List<HostReport> from, Random random) {
        return from.get(random.nextInt(from.size()));
    }

    private static HostReport renamed(HostReport r, String host) {
        return new HostReport(host, r.source(), r.os(), r.verdict(), r.findings(), r.provenance(), r.warnings(),
                r.error());
    }

    /** The example sets and the corpus' systeminfo files, each audited once, by verdict. */
    static Map<Verdict, List<HostReport>> templates(Path examples, Path corpusKb) {
        OfflineEvidence evidence = Guice.createInjector(new OfflineEvidenceModule()).getInstance(OfflineEvidence.class);
        AuditService audits = new AuditService(RuleBook.standard());
        Map<Verdict, List<HostReport>> out = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            out.put(v, new ArrayList<>());
        }
        List<List<Path>> sets = new ArrayList<>();
        for (Path dir : list(examples, Files::isDirectory)) {
            sets.add(list(dir, Files::isRegularFile));
        }
        if (corpusKb != null && Files.isDirectory(corpusKb)) {
            for (Path file : list(corpusKb, p -> p.getFileName().toString().endsWith("systeminfo.txt"))) {
                sets.add(List.of(file));
            }
        }
        for (List<Path> files : sets) {
            try {
                HostReport r = audits.audit(evidence.open(files));
                out.get(r.verdict()).add(r);
            } catch (RuntimeException e) {
                // evidence the tool refuses (an unsupported mix) is no template; the rest are enough
            }
        }
        for (Verdict v : Verdict.values()) {
            if (out.get(v).isEmpty()) {
                throw new IllegalStateException("no " + v + " report among " + sets.size() + " evidence sets");
            }
        }
        return out;
    }

    private static List<Path> list(Path dir, java.util.function.Predicate<Path> which) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(which).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
