package io.tlsready.adapters.windows.hive;

import io.tlsready.domain.facts.EvidenceWarning;
import io.tlsready.domain.facts.Fact;
import io.tlsready.domain.facts.FactsRequest;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.facts.InstalledUpdates;
import io.tlsready.domain.facts.KeyRef;
import io.tlsready.domain.facts.Provenance;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.RegistryData;
import io.tlsready.domain.facts.RegistryPaths;
import io.tlsready.domain.facts.RegistryView;
import io.tlsready.domain.facts.SourceLine;
import io.tlsready.domain.facts.SystemInfo;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.port.EvidenceException;
import io.tlsready.domain.port.FactsSource;
import io.tlsready.regf.Hive;
import io.tlsready.regf.HiveFormatException;
import io.tlsready.regf.HiveKey;
import io.tlsready.regf.HiveRecovery;
import io.tlsready.regf.HiveValue;
import io.tlsready.regf.HiveWarning;
import io.tlsready.regf.RecoveryResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Facts from the SYSTEM and SOFTWARE hives of one installation. {@code CurrentControlSet} does not exist on
 * disk (it is a link made at boot): it is {@code ControlSet00N} with N from {@code Select\Current}. The 32-bit
 * view is the {@code WOW6432Node} subkey of SOFTWARE. Installed updates come from Component Based Servicing.
 */
final class HiveFactsSource implements FactsSource {

    static final String CBS_PACKAGES = "Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\Packages";
    /** CBS CurrentState 0x70: installed (the value community tools rely on; offline-formats.md §2.6). */
    static final long CBS_INSTALLED = 0x70;
    private static final Pattern CBS_KB = Pattern.compile("(?i)^Package_(?:\\d+_)?for_KB(\\d{5,8})~");

    private final HiveFiles files;

    HiveFactsSource(HiveFiles files) {
        this.files = files;
    }

    @Override
    public String describe() {
        return "hive files in " + files.folder();
    }

    @Override
    public HostFacts collect(FactsRequest request) {
        List<EvidenceWarning> warnings = new ArrayList<>();
        List<Provenance> provenance = new ArrayList<>();
        Optional<OpenHive> system = files.system().map(p -> HiveOpener.open(p, files.systemLogs(), warnings, provenance));
        Optional<OpenHive> software = files.software()
                .map(p -> HiveOpener.open(p, files.softwareLogs(), warnings, provenance));
        Optional<String> controlSet = system.flatMap(s -> currentControlSet(s, warnings));

        Map<ValueRef, Fact<RegValue>> values = new LinkedHashMap<>();
        for (ValueRef ref : request.values()) {
            values.put(ref, lookup(ref, system, software, controlSet));
        }
        Fact<InstalledUpdates> updates = request.installedUpdates()
                ? software.map(HiveFactsSource::cbsUpdates)
                        .orElse(Fact.notCollected("no SOFTWARE hive in " + files.folder()))
                : Fact.notCollected("not requested");
        String host = system.flatMap(s -> controlSet.flatMap(cs -> string(s,
                cs + "\\Control\\ComputerName\\ComputerName", "ComputerName")))
                .orElse(files.folder().toAbsolutePath().normalize().toString());
        system.ifPresent(h -> addHiveWarnings(h, warnings));
        software.ifPresent(h -> addHiveWarnings(h, warnings));
        Fact<SystemInfo> systemInfo = Fact.notCollected("hive files carry no systeminfo; the OS is identified from "
                + "the registry");
        Map<KeyRef, Fact<String>> keys = new LinkedHashMap<>();
        for (KeyRef ref : request.keys()) {
            keys.put(ref, lookupKey(ref, system, software, controlSet));
        }
        return new HostFacts(host, "hive files: " + files.folder(), values, systemInfo, updates, provenance, warnings,
                keys);
    }

    /** {@code Select\Current} names the control set Windows booted with; offline there is no CurrentControlSet. */
    private static Optional<String> currentControlSet(OpenHive system, List<EvidenceWarning> warnings) {
        Optional<Long> current = system.hive().key("Select").flatMap(k -> k.value("Current"))
                .map(v -> RegistryData.decode(v.type(), v.data()))
                .filter(RegValue.Dword.class::isInstance).map(v -> ((RegValue.Dword) v).value());
        if (current.isEmpty() || current.get() < 1 || current.get() > 999) {
            warnings.add(new EvidenceWarning(system.label(), "SYSTEM has no usable Select\\Current; "
                    + "CurrentControlSet values are NOT_COLLECTED"));
            return Optional.empty();
        }
        return Optional.of(String.format("ControlSet%03d", current.get()));
    }

    private Fact<RegValue> lookup(ValueRef ref, Optional<OpenHive> system, Optional<OpenHive> software,
            Optional<String> controlSet) {
        Located where = locate(ref.key(), ref.view(), system, software, controlSet);
        return where.missing() != null ? Fact.notCollected(where.missing()) : where.hive().value(where.relative(), ref.name());
    }

    private Fact<String> lookupKey(KeyRef ref, Optional<OpenHive> system, Optional<OpenHive> software,
            Optional<String> controlSet) {
        Located where = locate(ref.key(), ref.view(), system, software, controlSet);
        return where.missing() != null ? Fact.notCollected(where.missing()) : where.hive().key(where.relative());
    }

    /** The hive and hive-relative path of a key, or why it cannot be read ({@code missing}). */
    private record Located(OpenHive hive, String relative, String missing) {
    }

    private Located locate(String key, RegistryView view, Optional<OpenHive> system, Optional<OpenHive> software,
            Optional<String> controlSet) {
        Optional<OpenHive> hive;
        String relative;
        if (RegistryPaths.startsWithKey(key, "HKLM\\SYSTEM")) {
            hive = system;
            relative = tail(key, "HKLM\\SYSTEM");
            if (RegistryPaths.startsWithKey(relative, "CurrentControlSet")) {
                if (controlSet.isEmpty()) {
                    return new Located(null, null, system.isPresent() ? "SYSTEM has no usable Select\\Current"
                            : "no SYSTEM hive in " + files.folder());
                }
                relative = controlSet.get() + relative.substring("CurrentControlSet".length());
            }
        } else if (RegistryPaths.startsWithKey(key, "HKLM\\SOFTWARE")) {
            hive = software;
            relative = tail(key, "HKLM\\SOFTWARE");
            if (view == RegistryView.WOW64_32) {
                relative = relative.isEmpty() ? "WOW6432Node" : "WOW6432Node\\" + relative;
            }
        } else {
            return new Located(null, null, key + " is not in the SYSTEM or SOFTWARE hive");
        }
        if (hive.isEmpty()) {
            String which = RegistryPaths.startsWithKey(key, "HKLM\\SYSTEM") ? "SYSTEM" : "SOFTWARE";
            return new Located(null, null, "no " + which + " hive in " + files.folder());
        }
        return new Located(hive.get(), relative, null);
    }

    /** Installed KBs: CBS packages named Package_[N_]for_KBnnnn~… whose CurrentState is 0x70. */
    private static Fact<InstalledUpdates> cbsUpdates(OpenHive software) {
        Optional<HiveKey> packages = software.hive().key(CBS_PACKAGES);
        if (packages.isEmpty()) {
            return Fact.notCollected("SOFTWARE has no Component Based Servicing package list (Windows before Vista?)");
        }
        TreeSet<String> kbs = new TreeSet<>();
        for (HiveKey p : packages.get().subkeys()) {
            Matcher m = CBS_KB.matcher(p.name());
            if (!m.find()) {
                continue;
            }
            Optional<RegValue> state = p.value("CurrentState").map(v -> RegistryData.decode(v.type(), v.data()));
            if (state.isPresent() && state.get() instanceof RegValue.Dword d && d.value() == CBS_INSTALLED) {
                kbs.add("KB" + m.group(1));
            }
        }
        return Fact.present(new InstalledUpdates(kbs), software.label() + ": " + CBS_PACKAGES, software.at());
    }

    private static Optional<String> string(OpenHive hive, String key, String name) {
        return hive.value(key, name).asOptional().filter(RegValue.Str.class::isInstance)
                .map(v -> ((RegValue.Str) v).value().trim()).filter(s -> !s.isEmpty());
    }

    private static void addHiveWarnings(OpenHive hive, List<EvidenceWarning> warnings) {
        for (HiveWarning w : hive.hive().warnings()) {
            if (hive.dirtyReported() && w.reason().startsWith("hive is dirty")) {
                continue; // recovery already said whether the logs were replayed
            }
            warnings.add(new EvidenceWarning(hive.label() + (w.keyPath().isEmpty() ? "" : " " + w.keyPath()), w.reason()));
        }
    }

    private static String tail(String key, String prefix) {
        return key.length() == prefix.length() ? "" : key.substring(prefix.length() + 1);
    }

    /**
     * An opened hive with the label used in origins and warnings ("SOFTWARE" or its path) and its file's path, the
     * file evidence points at as a whole (a hive has no lines).
     */
    record OpenHive(Hive hive, String label, boolean dirtyReported, String file) {

        private SourceLine at() {
            return SourceLine.file(file);
        }

        /**
         * PRESENT or ABSENT, except where reading the path ran into damaged cells: then the key may exist and
         * was unreadable, so the honest answer is NOT_COLLECTED. Damage is seen two ways: new warnings during this
         * lookup, or, when a subkey or value is not found, warnings already recorded at the key whose list was
         * searched (the hive reports each damaged cell once, so a second lookup through it adds no warning).
         */
        Fact<RegValue> value(String keyPath, String name) {
            int before = hive.warnings().size();
            try {
                Walk walk = walk(keyPath);
                if (!walk.found()) {
                    return notFound(walk.key(), keyPath, before, label + " has no key " + keyPath);
                }
                HiveKey key = walk.key();
                Optional<HiveValue> value = key.value(name);
                if (value.isEmpty()) {
                    return notFound(key, keyPath, before, label + " has " + keyPath + " without this value");
                }
                // Decoded before the damage check: a damaged data cell must make the value NOT_COLLECTED, never
                // a cut value (an empty REG_DWORD reads as a wrong type, and the OS default would apply).
                RegValue data = RegistryData.decode(value.get().type(), value.get().data());
                if (!value.get().dataDamage().isEmpty()) {
                    return Fact.notCollected(label + " " + keyPath + "\\" + (name.isEmpty() ? "(Default)" : name)
                            + " is damaged: " + value.get().dataDamage());
                }
                if (hive.warnings().size() != before) {
                    return damaged(keyPath, hive.warnings().get(hive.warnings().size() - 1));
                }
                return Fact.present(data, label + " " + keyPath, at());
            } catch (HiveFormatException e) {
                return Fact.notCollected(label + ": " + e.getMessage());
            }
        }

        /** Whether a key exists, with the same damage rules as {@link #value}. */
        Fact<String> key(String keyPath) {
            int before = hive.warnings().size();
            try {
                Walk walk = walk(keyPath);
                if (!walk.found()) {
                    return notFound(walk.key(), keyPath, before, label + " has no key " + keyPath);
                }
                HiveKey key = walk.key();
                if (hive.warnings().size() != before) {
                    return damaged(keyPath, hive.warnings().get(hive.warnings().size() - 1));
                }
                return Fact.present(key.path(), label + " " + keyPath, at());
            } catch (HiveFormatException e) {
                return Fact.notCollected(label + ": " + e.getMessage());
            }
        }

        /** Where a walk down {@code keyPath} ended: the key itself, or the last key whose subkeys were searched. */
        private record Walk(HiveKey key, boolean found) {
        }

        private Walk walk(String keyPath) {
            HiveKey key = hive.root();
            for (String part : keyPath.split("\\\\")) {
                if (part.isEmpty()) {
                    continue;
                }
                Optional<HiveKey> next = key.subkey(part);
                if (next.isEmpty()) {
                    return new Walk(key, false);
                }
                key = next.get();
            }
            return new Walk(key, true);
        }

        /** ABSENT, unless the list that was searched ({@code searched}'s subkeys or values) is known to be damaged. */
        private <T> Fact<T> notFound(HiveKey searched, String keyPath, int warningsBefore, String absent) {
            List<HiveWarning> all = hive.warnings();
            if (all.size() != warningsBefore) {
                return damaged(keyPath, all.get(all.size() - 1));
            }
            for (int i = all.size() - 1; i >= 0; i--) {
                HiveWarning w = all.get(i);
                boolean hiveLevel = w.keyPath().isEmpty() && w.cellOffset() < 0;
                if (!hiveLevel && w.keyPath().equalsIgnoreCase(searched.path())) {
                    return damaged(keyPath, w);
                }
            }
            return Fact.absent(absent, at());
        }

        private <T> Fact<T> damaged(String keyPath, HiveWarning w) {
            return Fact.notCollected(label + " is damaged on the way to " + keyPath + ": " + w.reason());
        }
    }

    /** Opens one hive file, replaying its transaction logs when it is dirty. */
    static final class HiveOpener {
        private HiveOpener() {
        }

        static OpenHive open(Path file, List<Path> logs, List<EvidenceWarning> warnings, List<Provenance> provenance) {
            String label = file.getFileName().toString();
            try {
                RecoveryResult recovery = HiveRecovery.recover(file, logs);
                // Recovery reports a dirty hive either way: replayed (current) or not (why: no logs, bad logs).
                Hive hive = recovery.open(file.toString());
                recovery.warnings().forEach(w -> warnings.add(new EvidenceWarning(file.toString(), w.reason())));
                String state = !recovery.dirty() ? "clean"
                        : recovery.recovered() ? "dirty, recovered from " + logs.size() + " log file(s): "
                                + recovery.entriesApplied() + " log entries, " + recovery.pagesApplied() + " pages"
                                + (recovery.baseBlockRestored() ? ", base block restored" : "")
                        : "dirty, NOT recovered (recent changes may be missing)";
                provenance.add(new Provenance("hive", file.toString(), state));
                return new OpenHive(hive, label, recovery.dirty(), file.toString());
            } catch (java.io.IOException e) {
                throw new EvidenceException(file.toString(), "cannot read: " + e.getMessage());
            } catch (HiveFormatException e) {
                throw new EvidenceException(file.toString(), "not a usable registry hive: " + e.getMessage());
            }
        }
    }
}
