package io.tlsready.adapters.windows;

import io.tlsready.adapters.windows.RegExport.Entry;
import io.tlsready.adapters.windows.RegExport.KeyDeletion;
import io.tlsready.adapters.windows.RegExport.RegKey;
import io.tlsready.domain.facts.EvidenceWarning;
import io.tlsready.domain.facts.Fact;
import io.tlsready.domain.facts.KeyRef;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.RegistryPaths;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.port.EvidenceException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers registry values from one or more .reg files of one host (design.md, "Offline snapshot
 * semantics"): a file covers the subtree of each export root, so a value missing inside a covered
 * subtree is ABSENT and anything elsewhere is NOT_COLLECTED. {@code CurrentControlSet} is resolved to
 * {@code ControlSet00N} through {@code HKLM\SYSTEM\Select\Current}, because exports of an offline or
 * backed-up system only have the numbered sets. Files that contradict each other are an error.
 */
final class RegExportFacts {

    static final String CURRENT_CONTROL_SET = "HKLM\\SYSTEM\\CurrentControlSet";
    private static final String SELECT = "HKLM\\SYSTEM\\Select";
    private static final Pattern CONTROL_SET = Pattern.compile("(?i)^HKLM\\\\SYSTEM\\\\ControlSet(\\d{3})(\\\\.*)?$");

    private final List<FileIndex> files = new ArrayList<>();
    private final List<EvidenceWarning> warnings = new ArrayList<>();
    /** The numbered set CurrentControlSet stands for, or 0 if unknown. */
    private final int currentSet;
    /** Why CurrentControlSet cannot be resolved, when several sets are exported and Select is not; else null. */
    private final String ambiguity;

    RegExportFacts(List<RegExport> exports) {
        List<FileIndex> literal = new ArrayList<>();
        for (RegExport e : exports) {
            literal.add(new FileIndex(e, UnaryOperator.identity()));
        }
        TreeSet<Integer> sets = new TreeSet<>();
        for (RegExport e : exports) {
            e.keys().forEach(k -> controlSetNumber(k.path()).ifPresent(sets::add));
            e.deletedKeys().forEach(d -> controlSetNumber(d.path()).ifPresent(sets::add));
        }
        Optional<Integer> selected = selectCurrent(literal);
        String unresolved = null;
        if (selected.isPresent()) {
            currentSet = selected.get();
        } else if (sets.size() == 1) {
            currentSet = sets.first();
            warnings.add(new EvidenceWarning(exports.get(0).source(), "HKLM\\SYSTEM\\Select is not in the evidence;"
                    + " taking " + setName(currentSet) + ", the only control set exported, as CurrentControlSet"));
        } else {
            currentSet = 0;
            if (sets.size() > 1) {
                unresolved = "the evidence has " + String.join(", ", sets.stream().map(RegExportFacts::setName)
                        .toList()) + " but not HKLM\\SYSTEM\\Select, so which one is CurrentControlSet is unknown;"
                        + " add: reg export HKLM\\SYSTEM\\Select select.reg";
            }
        }
        ambiguity = unresolved;
        UnaryOperator<String> canonical = currentSet == 0 ? UnaryOperator.identity() : this::resolveControlSet;
        for (RegExport e : exports) {
            files.add(new FileIndex(e, canonical));
        }
        checkContradictions();
    }

    /** PRESENT, ABSENT (covered but missing, or deleted) or NOT_COLLECTED (no file covers the key). */
    Fact<RegValue> lookup(ValueRef ref) {
        String physical = ref.physicalKey();
        String key = currentSet == 0 ? physical : resolveControlSet(physical);
        Map<Kind, Answer> first = answers(key, ref.name());
        if (first.containsKey(Kind.SET)) {
            return Fact.present(first.get(Kind.SET).value(), first.get(Kind.SET).origin());
        }
        Answer absent = first.getOrDefault(Kind.DELETED, first.get(Kind.MISSING));
        if (absent != null) {
            return Fact.absent(absent.origin());
        }
        return Fact.notCollected(notCollectedReason(physical, key));
    }

    /**
     * Whether a key exists: PRESENT when a file has a section for it or below it, ABSENT when a file deletes it or
     * an export root covers it without it, NOT_COLLECTED otherwise. Same coverage as {@link #lookup}.
     */
    Fact<String> key(KeyRef ref) {
        String physical = ref.physicalKey();
        String key = currentSet == 0 ? physical : resolveControlSet(physical);
        Answer absent = null;
        for (FileIndex f : files) {
            Answer a = f.keyAnswer(key);
            if (a.kind() == Kind.SET) {
                return Fact.present(physical, a.origin());
            }
            if (absent == null && (a.kind() == Kind.DELETED || a.kind() == Kind.MISSING)) {
                absent = a;
            }
        }
        return absent != null ? Fact.absent(absent.origin()) : Fact.notCollected(notCollectedReason(physical, key));
    }

    /** True if a file explicitly deletes the value or its key ({@code "name"=-}, {@code [-key]}) and none sets it. */
    boolean deletes(ValueRef ref) {
        String physical = ref.physicalKey();
        Map<Kind, Answer> first = answers(currentSet == 0 ? physical : resolveControlSet(physical), ref.name());
        return first.containsKey(Kind.DELETED) && !first.containsKey(Kind.SET);
    }

    /** The first answer of each kind; contradictions were rejected up front, so the first file speaks for all. */
    private Map<Kind, Answer> answers(String key, String name) {
        Map<Kind, Answer> first = new EnumMap<>(Kind.class);
        for (FileIndex f : files) {
            Answer a = f.answer(key, name);
            first.putIfAbsent(a.kind(), a);
        }
        return first;
    }

    /** Doubts about the merge itself (e.g. an assumed control set); the readers' warnings are in each export. */
    List<EvidenceWarning> warnings() {
        return List.copyOf(warnings);
    }

    private String notCollectedReason(String physical, String key) {
        boolean underCcs = RegistryPaths.startsWithKey(physical, CURRENT_CONTROL_SET);
        if (files.isEmpty()) {
            return "no .reg export among the evidence files; add: reg export \"" + physical + "\" file.reg";
        }
        if (underCcs && ambiguity != null) {
            return ambiguity;
        }
        String mapped = underCcs && !key.equals(physical)
                ? " (CurrentControlSet is " + setName(currentSet) + " here)" : "";
        return "no .reg file covers " + key + mapped + "; add: reg export \"" + physical + "\" file.reg";
    }

    private Optional<Integer> selectCurrent(List<FileIndex> literal) {
        Answer found = null;
        for (FileIndex f : literal) {
            Answer a = f.answer(SELECT, "Current");
            if (a.kind() != Kind.SET) {
                continue;
            }
            if (found != null && !found.value().equals(a.value())) {
                throw contradiction(SELECT + "\\Current", found, a);
            }
            found = a;
        }
        if (found == null) {
            return Optional.empty();
        }
        if (found.value() instanceof RegValue.Dword d && d.value() >= 1 && d.value() <= 999) {
            return Optional.of((int) d.value());
        }
        warnings.add(new EvidenceWarning(found.origin(), "HKLM\\SYSTEM\\Select\\Current is "
                + found.value().display() + ", not a control set number; ignored"));
        return Optional.empty();
    }

    private String resolveControlSet(String path) {
        return RegistryPaths.startsWithKey(path, CURRENT_CONTROL_SET)
                ? "HKLM\\SYSTEM\\" + setName(currentSet) + path.substring(CURRENT_CONTROL_SET.length())
                : path;
    }

    /** A value set in one file must not be set differently, or deleted, in another. */
    private void checkContradictions() {
        for (FileIndex f : files) {
            for (Map.Entry<String, Map<String, Entry>> key : f.keys.entrySet()) {
                for (Entry e : key.getValue().values()) {
                    if (!(e instanceof Entry.Set set)) {
                        continue;
                    }
                    String path = f.paths.get(key.getKey());
                    Answer mine = new Answer(Kind.SET, set.value(), f.origin(set.line()));
                    for (FileIndex other : files) {
                        if (other == f) {
                            continue;
                        }
                        Answer theirs = other.answer(path, set.name());
                        if (theirs.kind() == Kind.DELETED
                                || (theirs.kind() == Kind.SET && !theirs.value().equals(set.value()))) {
                            throw contradiction(path + "\\" + displayName(set.name()), mine, theirs);
                        }
                    }
                }
            }
        }
    }

    private static EvidenceException contradiction(String what, Answer a, Answer b) {
        return new EvidenceException(a.origin(), "contradicts " + b.origin() + ": " + what + " is "
                + a.value().display() + " in one file and " + describe(b) + " in the other");
    }

    private static String describe(Answer a) {
        return a.kind() == Kind.SET ? a.value().display() : "deleted";
    }

    private static String displayName(String name) {
        return name.isEmpty() ? "(Default)" : name;
    }

    private static Optional<Integer> controlSetNumber(String path) {
        Matcher m = CONTROL_SET.matcher(path);
        return m.matches() && Integer.parseInt(m.group(1)) > 0 ? Optional.of(Integer.parseInt(m.group(1)))
                : Optional.empty();
    }

    private static String setName(int n) {
        return String.format("ControlSet%03d", n);
    }

    private enum Kind { SET, DELETED, MISSING, NOT_COVERED }

    /** One file's answer for one value; {@code value} only for SET. */
    private record Answer(Kind kind, RegValue value, String origin) {
    }

    /** One file's final state, key paths rewritten by the control-set mapping and folded for lookup. */
    private static final class FileIndex {
        private final String source;
        private final Map<String, String> paths = new LinkedHashMap<>();
        private final Map<String, Map<String, Entry>> keys = new LinkedHashMap<>();
        private final Map<String, Integer> keyLines = new LinkedHashMap<>();
        private final List<KeyDeletion> deletions = new ArrayList<>();
        private final List<String> roots = new ArrayList<>();

        FileIndex(RegExport export, UnaryOperator<String> canonical) {
            source = export.source();
            for (RegKey k : export.keys()) {
                String path = canonical.apply(k.path());
                String folded = RegExport.fold(path);
                paths.putIfAbsent(folded, path);
                keyLines.putIfAbsent(folded, k.line());
                Map<String, Entry> values = keys.computeIfAbsent(folded, x -> new LinkedHashMap<>());
                // CurrentControlSet and ControlSet00N sections of one file merge; the later line wins.
                k.values().forEach((name, entry) -> values.merge(name, entry,
                        (old, neu) -> neu.line() >= old.line() ? neu : old));
            }
            export.deletedKeys().forEach(d -> deletions.add(new KeyDeletion(canonical.apply(d.path()), d.line())));
            export.exportRoots().forEach(r -> roots.add(canonical.apply(r)));
        }

        Answer answer(String key, String name) {
            String folded = RegExport.fold(key);
            Map<String, Entry> values = keys.get(folded);
            if (values != null) {
                Entry e = values.get(RegExport.fold(name));
                if (e instanceof Entry.Set set) {
                    return new Answer(Kind.SET, set.value(), origin(set.line()));
                }
                if (e instanceof Entry.Deleted) {
                    return new Answer(Kind.DELETED, null, origin(e.line()) + " deletes the value");
                }
                return new Answer(Kind.MISSING, null,
                        origin(keyLines.get(folded)) + " has the key without this value");
            }
            for (int i = deletions.size() - 1; i >= 0; i--) {
                KeyDeletion d = deletions.get(i);
                if (RegistryPaths.startsWithKey(key, d.path())) {
                    return new Answer(Kind.DELETED, null, origin(d.line()) + " deletes " + d.path());
                }
            }
            for (String root : roots) {
                if (RegistryPaths.startsWithKey(key, root)) {
                    return new Answer(Kind.MISSING, null, source + " exports " + root + " without this key");
                }
            }
            return new Answer(Kind.NOT_COVERED, null, source);
        }

        /** SET (with the first section's line) when the key or a descendant has a section; as answer() otherwise. */
        Answer keyAnswer(String key) {
            String folded = RegExport.fold(key);
            for (Map.Entry<String, Integer> k : keyLines.entrySet()) {
                if (RegistryPaths.startsWithKey(k.getKey(), folded)) {
                    return new Answer(Kind.SET, null, origin(k.getValue()));
                }
            }
            Answer a = answer(key, "");
            return a.kind() == Kind.SET ? new Answer(Kind.MISSING, null, a.origin()) : a;
        }

        String origin(int line) {
            return source + ":" + line;
        }
    }
}
