package io.tlsready.adapters.windows.offline;

import io.tlsready.adapters.windows.offline.kbtext.KbEvidence;
import io.tlsready.adapters.windows.offline.kbtext.KbTextReader;
import io.tlsready.adapters.windows.offline.reg.RegExport;
import io.tlsready.adapters.windows.offline.reg.RegExportFacts;
import io.tlsready.adapters.windows.offline.reg.RegFileReader;
import io.tlsready.adapters.windows.snapshot.JsonSnapshot;
import io.tlsready.domain.facts.EvidenceWarning;
import io.tlsready.domain.facts.Fact;
import io.tlsready.domain.facts.FactsRequest;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.facts.InstalledUpdates;
import io.tlsready.domain.facts.KeyRef;
import io.tlsready.domain.facts.Provenance;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.SourceLine;
import io.tlsready.domain.facts.SystemInfo;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.port.EvidenceException;
import io.tlsready.domain.port.FactsSource;
import io.tlsready.domain.port.OfflineEvidence;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Offline evidence for one host: .reg exports, systeminfo / wmic qfe / Get-HotFix text and tlsready JSON
 * snapshots, recognised by content (people rename files). Every file is read and cross-checked in
 * {@link #open}, so a contradiction between files fails before any rule runs.
 */
final class OfflineEvidenceAdapter implements OfflineEvidence {

    /** Enough for every sniffer: headers, the JSON schema field. */
    private static final int HEAD_BYTES = 64 * 1024;

    @Inject
    OfflineEvidenceAdapter() {
    }

    @Override
    public FactsSource open(List<Path> files) {
        if (files.isEmpty()) {
            throw new EvidenceException("offline evidence", "no evidence files given");
        }
        List<RegExport> regs = new ArrayList<>();
        List<Loaded<KbEvidence>> kbs = new ArrayList<>();
        List<Loaded<HostFacts>> snapshots = new ArrayList<>();
        List<Provenance> provenance = new ArrayList<>();
        List<EvidenceWarning> warnings = new ArrayList<>();
        for (Path file : files) {
            byte[] bytes = EvidenceFiles.read(file);
            byte[] head = Arrays.copyOf(bytes, Math.min(bytes.length, HEAD_BYTES));
            switch (sniff(file, bytes, head)) {
                case REG -> {
                    RegExport reg = RegFileReader.parse(file, bytes);
                    regs.add(reg);
                    provenance.add(new Provenance("reg-export", file.toString(), reg.encoding() + ", "
                            + (reg.isExport() ? "export of " + reg.exportRoots().get(0)
                                    : RegExport.CAPTURE + " (" + reg.captureWhy() + ")") + ", "
                            + count(reg.warnings().size(), "warning")));
                    warnings.addAll(reg.warnings());
                }
                case SNAPSHOT -> {
                    HostFacts snap = JsonSnapshot.read(file);
                    snapshots.add(new Loaded<>(file, snap));
                    provenance.add(new Provenance("snapshot", file.toString(), "snapshot of " + snap.host()
                            + " from " + snap.source() + ", " + count(snap.values().size(), "registry value")));
                    warnings.addAll(snap.warnings());
                }
                case KB_TEXT -> {
                    KbEvidence kb = KbTextReader.read(file, bytes);
                    kbs.add(new Loaded<>(file, kb));
                    provenance.add(new Provenance(kb.kind(), file.toString(), kbDetail(kb)));
                    warnings.addAll(kb.warnings());
                }
            }
        }
        RegExportFacts registry = new RegExportFacts(regs);
        warnings.addAll(registry.warnings());
        return new Source(files, registry, kbs, snapshots, provenance, warnings);
    }

    private enum Kind { REG, SNAPSHOT, KB_TEXT }

    /** By content; the name only matters for a headerless .reg, so the reader can say why regedit refuses it. */
    private static Kind sniff(Path file, byte[] bytes, byte[] head) {
        if (RegFileReader.looksLike(head)) {
            return Kind.REG;
        }
        if (JsonSnapshot.looksLike(head)) {
            return Kind.SNAPSHOT;
        }
        if (KbTextReader.looksLike(bytes)) {
            return Kind.KB_TEXT;
        }
        if (looksLikeRegWithoutHeader(file, head)) {
            return Kind.REG;
        }
        throw new EvidenceException(file.toString(),
                "not a .reg export, systeminfo, wmic qfe, Get-HotFix or tlsready snapshot");
    }

    /** A file name ending in .reg, or a registry key line near the top, even without the header. */
    private static boolean looksLikeRegWithoutHeader(Path file, byte[] head) {
        String text = new String(head, StandardCharsets.ISO_8859_1).replace("\0", "");
        return EvidenceFiles.name(file).toLowerCase(Locale.ROOT).endsWith(".reg") || text.contains("[HKEY_");
    }

    private static String kbDetail(KbEvidence kb) {
        List<String> parts = new ArrayList<>();
        kb.systemInfo().ifPresent(si -> parts.add(si.osName() + " " + si.version()));
        kb.updates().ifPresent(u -> parts.add(count(u.kbs().size(), "update")));
        parts.add(count(kb.warnings().size(), "warning"));
        return String.join(", ", parts);
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private record Loaded<T>(Path file, T evidence) {
    }

    /** The merged evidence of one host; immutable, every contradiction already rejected. */
    private static final class Source implements FactsSource {
        private final String description;
        private final String host;
        private final RegExportFacts registry;
        private final List<Loaded<HostFacts>> snapshots;
        private final Optional<Loaded<SystemInfo>> systemInfo;
        private final Fact<InstalledUpdates> updates;
        private final List<Provenance> provenance;
        private final List<EvidenceWarning> warnings;

        Source(List<Path> files, RegExportFacts registry, List<Loaded<KbEvidence>> kbs,
               List<Loaded<HostFacts>> snapshots, List<Provenance> provenance, List<EvidenceWarning> warnings) {
            this.description = "offline evidence: " + files.stream().map(EvidenceFiles::name)
                    .collect(Collectors.joining(", "));
            this.registry = registry;
            this.snapshots = List.copyOf(snapshots);
            this.provenance = List.copyOf(provenance);
            this.warnings = List.copyOf(warnings);
            this.systemInfo = mergeSystemInfo(kbs, snapshots);
            this.updates = mergeUpdates(kbs, snapshots);
            this.host = systemInfo.flatMap(si -> si.evidence().hostName())
                    .or(() -> snapshots.stream().map(s -> s.evidence().host()).findFirst())
                    .orElseGet(() -> baseName(files.get(0)));
            for (Loaded<HostFacts> s : snapshots) {
                s.evidence().values().keySet().forEach(this::value);
            }
        }

        @Override
        public String describe() {
            return description;
        }

        @Override
        public HostFacts collect(FactsRequest request) {
            Map<ValueRef, Fact<RegValue>> values = new LinkedHashMap<>();
            for (ValueRef ref : request.values()) {
                values.put(ref, value(ref));
            }
            Fact<SystemInfo> si = !request.systemInfo() ? Fact.notCollected("not requested")
                    : systemInfo.<Fact<SystemInfo>>map(s -> Fact.present(s.evidence(), s.file().toString()))
                            .orElseGet(() -> Fact.notCollected("no systeminfo output among the evidence files"));
            Fact<InstalledUpdates> up = request.installedUpdates() ? updates : Fact.notCollected("not requested");
            Map<KeyRef, Fact<String>> keys = new LinkedHashMap<>();
            for (KeyRef ref : request.keys()) {
                keys.put(ref, key(ref));
            }
            return new HostFacts(host, description, values, si, up, provenance, warnings, keys);
        }

        /**
         * Whether a key exists, from the .reg files completed by the snapshots: a file that has the key wins over an
         * export that does not; two snapshots that disagree are a contradiction.
         */
        private Fact<String> key(KeyRef ref) {
            Fact<String> merged = registry.key(ref);
            Fact<String> fromSnapshot = null;
            String snapshotFile = "";
            for (Loaded<HostFacts> s : snapshots) {
                Fact<String> f = s.evidence().key(ref);
                if (!f.isCollected()) {
                    continue;
                }
                if (fromSnapshot != null && fromSnapshot.isPresent() != f.isPresent()) {
                    throw new EvidenceException(s.file().toString(), "contradicts " + snapshotFile + ": key " + ref
                            + (f.isPresent() ? " exists here but not there" : " is missing here but exists there"));
                }
                fromSnapshot = f;
                snapshotFile = s.file().toString();
            }
            if (fromSnapshot != null && (!merged.isCollected() || (fromSnapshot.isPresent() && !merged.isPresent()))) {
                return inFile(fromSnapshot, snapshotFile);
            }
            return merged;
        }

        /**
         * The .reg answer, completed by the snapshots. A value that one file has and another lacks (a
         * snapshot's ABSENT, a .reg deletion, an export that covers it) is a contradiction; a .reg capture that
         * does not list a value (NOT_COLLECTED) yields to a file that has it.
         */
        private Fact<RegValue> value(ValueRef ref) {
            Fact<RegValue> merged = registry.lookup(ref);
            boolean explicitAbsence = registry.statesAbsence(ref);
            String mergedFrom = origin(merged);
            for (Loaded<HostFacts> s : snapshots) {
                Fact<RegValue> f = s.evidence().value(ref);
                String here = s.file().toString();
                if (!f.isCollected()) {
                    continue;
                }
                if (!merged.isCollected() || (f.isPresent() && !merged.isPresent() && !explicitAbsence)) {
                    merged = inFile(f, here);
                    explicitAbsence = f.isAbsent();
                    mergedFrom = here;
                } else if (f.isPresent() != merged.isPresent()
                        || (f.isPresent() && !f.asOptional().equals(merged.asOptional()))) {
                    throw new EvidenceException(here, "contradicts " + mergedFrom + ": " + ref + " is " + show(f)
                            + " here but " + show(merged) + " there");
                } else if (f.isAbsent()) {
                    explicitAbsence = true;
                }
            }
            return merged;
        }

        /**
         * A snapshot's fact, read at the snapshot file as a whole (its origin names the file it was collected from,
         * which the user running this audit may not have): the file SARIF points at.
         */
        private static <T> Fact<T> inFile(Fact<T> f, String file) {
            if (f.at().isPresent()) {
                return f;
            }
            if (f instanceof Fact.Present<T> p) {
                return Fact.present(p.value(), p.origin(), SourceLine.file(file));
            }
            return f instanceof Fact.Absent<T> a ? Fact.absent(a.origin(), SourceLine.file(file)) : f;
        }

        private static String show(Fact<RegValue> f) {
            return f.asOptional().map(RegValue::display).orElse("absent");
        }

        private static String origin(Fact<RegValue> f) {
            if (f instanceof Fact.Present<RegValue> p) {
                return p.origin();
            }
            return f instanceof Fact.Absent<RegValue> a ? a.origin() : "";
        }

        /** systeminfo files and snapshots must agree on the OS; empty fields are filled from later files. */
        private static Optional<Loaded<SystemInfo>> mergeSystemInfo(List<Loaded<KbEvidence>> kbs,
                                                                   List<Loaded<HostFacts>> snapshots) {
            List<Loaded<SystemInfo>> all = new ArrayList<>();
            kbs.forEach(k -> k.evidence().systemInfo().ifPresent(si -> all.add(new Loaded<>(k.file(), si))));
            snapshots.forEach(s -> s.evidence().systemInfo().asOptional()
                    .ifPresent(si -> all.add(new Loaded<>(s.file(), si))));
            if (all.isEmpty()) {
                return Optional.empty();
            }
            Loaded<SystemInfo> first = all.get(0);
            SystemInfo merged = first.evidence();
            for (Loaded<SystemInfo> next : all.subList(1, all.size())) {
                SystemInfo b = next.evidence();
                agree(first, next, "OS version", merged.version(), b.version());
                agree(first, next, "service pack", merged.servicePack(), b.servicePack());
                agreeIfKnown(first, next, "host name", merged.hostName().map(h -> h.toUpperCase(Locale.ROOT)),
                        b.hostName().map(h -> h.toUpperCase(Locale.ROOT)));
                agreeIfKnown(first, next, "product type", merged.productType(), b.productType());
                agreeIfKnown(first, next, "architecture", merged.architecture(), b.architecture());
                merged = new SystemInfo(merged.hostName().or(b::hostName), merged.osName(), merged.version(),
                        merged.servicePack(), merged.productType().or(b::productType),
                        merged.architecture().or(b::architecture));
            }
            return Optional.of(new Loaded<>(first.file(), merged));
        }

        private static void agree(Loaded<SystemInfo> a, Loaded<SystemInfo> b, String what, Object x, Object y) {
            if (!x.equals(y)) {
                throw new EvidenceException(b.file().toString(), "contradicts " + a.file() + ": " + what + " " + y
                        + " here but " + x + " there; all files must describe one host");
            }
        }

        /** Fields a file may not state clash only when both files state them. */
        private static void agreeIfKnown(Loaded<SystemInfo> a, Loaded<SystemInfo> b, String what,
                                         Optional<?> x, Optional<?> y) {
            if (x.isPresent() && y.isPresent()) {
                agree(a, b, what, x.get(), y.get());
            }
        }

        /** The union of every installed-update list; NOT_COLLECTED when no file lists updates. */
        private static Fact<InstalledUpdates> mergeUpdates(List<Loaded<KbEvidence>> kbs,
                                                           List<Loaded<HostFacts>> snapshots) {
            Map<Path, InstalledUpdates> lists = new LinkedHashMap<>();
            kbs.forEach(k -> k.evidence().updates().ifPresent(u -> lists.merge(k.file(), u, InstalledUpdates::plus)));
            snapshots.forEach(s -> s.evidence().updates().asOptional()
                    .ifPresent(u -> lists.merge(s.file(), u, InstalledUpdates::plus)));
            if (lists.isEmpty()) {
                return Fact.notCollected("no systeminfo/wmic qfe/Get-HotFix evidence");
            }
            InstalledUpdates union = lists.values().stream().reduce(InstalledUpdates::plus).orElseThrow();
            String origin = lists.keySet().stream().map(EvidenceFiles::name).collect(Collectors.joining(", "));
            // the first file that lists updates (systeminfo, wmic qfe, Get-HotFix or a snapshot), as a whole
            return Fact.present(union, origin, SourceLine.file(lists.keySet().iterator().next().toString()));
        }

        private static String baseName(Path file) {
            String name = EvidenceFiles.name(file);
            int dot = name.lastIndexOf('.');
            return dot > 0 ? name.substring(0, dot) : name;
        }
    }
}
