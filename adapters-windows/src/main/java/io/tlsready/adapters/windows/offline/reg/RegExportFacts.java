package io.tlsready.adapters.windows.offline.reg;

import io.tlsready.adapters.windows.offline.reg.RegExport.Entry;
import io.tlsready.adapters.windows.offline.reg.RegExport.KeyDeletion;
import io.tlsready.adapters.windows.offline.reg.RegExport.RegKey;
import io.tlsready.domain.facts.EvidenceWarning;
import io.tlsready.domain.facts.Fact;
import io.tlsready.domain.facts.KeyRef;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.RegistryPaths;
import io.tlsready.domain.facts.SourceLine;
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
 * semantics"): a file shaped like an export covers the subtree of its root, so a value missing there is
 * ABSENT; a capture vouches only for the values it lists; anything else, and any value a file names but
 * cannot be read, is NOT_COLLECTED. {@code CurrentControlSet} is resolved to
 * {@code ControlSet00N} through {@code HKLM\SYSTEM\Select\Current}, because exports of an offline or
 * backed-up system only have the numbered sets. Files that contradict each other are an error.
 */
public final class RegExportFacts {

    static final String CURRENT_CONTROL_SET = "HKLM\\SYSTEM\\CurrentControlSet";
    private static final String SELECT = "HKLM\\SYSTEM\\Select";
    private static final Pattern CONTROL_SET = Pattern.compile("(?i)^HKLM\\\\SYSTEM\\\\ControlSet(\\d{3})(\\\\.*)?$");

    private final List<FileIndex> files = new ArrayList<>();
    private final List<EvidenceWarning> warnings = new ArrayList<>();
    /** The numbered set CurrentControlSet stands for, or 0 if unknown. */
    private final int currentSet;
    /** Why CurrentControlSet cannot be resolved, when several sets are exported and Select is not; else null. */
    private final String ambiguity;

    public RegExportFacts(List<RegExport> exports) {
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

    /**
     * NOT_COLLECTED if any file names the value on a line it cannot read (never ABSENT: the OS default must not
     * stand in for a value the host may well have); else PRESENT; else ABSENT (an export covers it and lacks it,
     * or a file deletes it); else NOT_COLLECTED (no export covers the key, no capture lists the value).
     */
    public Fact<RegValue> lookup(ValueRef ref) {
        String physical = ref.physicalKey();
        String key = currentSet == 0 ? physical : resolveControlSet(physical);
        Map<Kind, List<Answer>> all = answers(key, ref.name());
        if (all.containsKey(Kind.UNREADABLE)) {
            Answer u = all.get(Kind.UNREADABLE).get(0);
            return Fact.notCollected(u.origin() + " names this value, but the line cannot be read: " + u.why());
        }
        if (all.containsKey(Kind.SET)) {
            Answer set = all.get(Kind.SET).get(0);
            return Fact.present(set.value(), set.shown(), set.at());
        }
        List<Answer> absent = all.getOrDefault(Kind.DELETED, all.get(Kind.MISSING));
        if (absent != null) {
            Answer a = absent.get(0);
            return a.at() != null ? Fact.absent(a.shown(), a.at()) : Fact.absent(a.shown());
        }
        return Fact.notCollected(notCollectedReason(physical, key, all.getOrDefault(Kind.NOT_COVERED, List.of())));
    }

    /**
     * Whether a key exists: PRESENT when a file has a section for it or below it, ABSENT when a file deletes it or
     * an export root covers it without it, NOT_COLLECTED otherwise. Same coverage as {@link #lookup}.
     */
    public Fact<String> key(KeyRef ref) {
        String physical = ref.physicalKey();
        String key = currentSet == 0 ? physical : resolveControlSet(physical);
        Answer absent = null;
        List<Answer> notCovered = new ArrayList<>();
        for (FileIndex f : files) {
            Answer a = f.keyAnswer(key);
            if (a.kind() == Kind.SET) {
                return Fact.present(physical, a.shown(), a.at());
            }
            if (absent == null && (a.kind() == Kind.DELETED || a.kind() == Kind.MISSING)) {
                absent = a;
            } else if (a.kind() == Kind.NOT_COVERED) {
                notCovered.add(a);
            }
        }
        if (absent != null) {
            return absent.at() != null ? Fact.absent(absent.shown(), absent.at()) : Fact.absent(absent.shown());
        }
        return Fact.notCollected(notCollectedReason(physical, key, notCovered));
    }

    /**
     * True if a file states that the value is not there (an export that covers it and lacks it, {@code "name"=-},
     * {@code [-key]}) and none sets it or names it unreadably: a snapshot that has the value contradicts this.
     */
    public boolean statesAbsence(ValueRef ref) {
        String physical = ref.physicalKey();
        Map<Kind, List<Answer>> all = answers(currentSet == 0 ? physical : resolveControlSet(physical), ref.name());
        return (all.containsKey(Kind.DELETED) || all.containsKey(Kind.MISSING))
                && !all.containsKey(Kind.SET) && !all.containsKey(Kind.UNREADABLE);
    }

    /** Every file's answer by kind, in file order; contradictions were rejected up front. */
    private Map<Kind, List<Answer>> answers(String key, String name) {
        Map<Kind, List<Answer>> all = new EnumMap<>(Kind.class);
        for (FileIndex f : files) {
            Answer a = f.answer(key, name);
            all.computeIfAbsent(a.kind(), k -> new ArrayList<>()).add(a);
        }
        return all;
    }

    /** Doubts about the merge itself (e.g. an assumed control set); the readers' warnings are in each export. */
    public List<EvidenceWarning> warnings() {
        return List.copyOf(warnings);
    }

    private String notCollectedReason(String physical, String key, List<Answer> notCovered) {
        boolean underCcs = RegistryPaths.startsWithKey(physical, CURRENT_CONTROL_SET);
        if (files.isEmpty()) {
            return "no .reg export among the evidence files; add: reg export \"" + physical + "\" file.reg";
        }
        if (underCcs && ambiguity != null) {
            return ambiguity;
        }
        String mapped = underCcs && !key.equals(physical)
                ? " (CurrentControlSet is " + setName(currentSet) + " here)" : "";
        List<String> captures = notCovered.stream().map(Answer::origin).filter(o -> o != null).toList();
        String listed = captures.isEmpty() ? "" : String.join("; ", captures) + "; ";
        return listed + "no .reg export covers " + key + mapped + "; add: reg export \"" + physical + "\" file.reg";
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

    /**
     * A value set in one file must not be set differently or deleted in another, and a value one export has must
     * not be missing from another export that covers it: evidence that contradicts itself is an error naming both
     * files, never a silent pick. A capture (a change set) that sets a value an export lacks describes the registry
     * after it is imported: its value is taken, with a warning naming both files.
     */
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
                        String what = path + "\\" + displayName(set.name());
                        if (theirs.kind() == Kind.DELETED || (theirs.kind() == Kind.MISSING && f.export)
                                || (theirs.kind() == Kind.SET && !theirs.value().equals(set.value()))) {
                            throw contradiction(what, mine, theirs);
                        }
                        if (theirs.kind() == Kind.MISSING) {
                            warnings.add(new EvidenceWarning(mine.origin(), what + " is set by this capture but absent"
                                    + " from " + theirs.origin() + "; taking the capture's value, as if it was imported"
                                    + " after that export"));
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
        if (a.kind() == Kind.SET) {
            return a.value().display();
        }
        return a.kind() == Kind.MISSING ? "absent" : "deleted";
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

    private enum Kind { SET, DELETED, MISSING, UNREADABLE, NOT_COVERED }

    /**
     * One file's answer for one value; {@code value} only for SET, {@code why} only for UNREADABLE. A NOT_COVERED
     * answer has an origin only from a capture that has the key or a key above it (it says why it does not count).
     */
    private record Answer(Kind kind, RegValue value, String origin, String why, String kindTag, SourceLine at) {
        Answer(Kind kind, RegValue value, String origin) {
            this(kind, value, origin, "", "", null);
        }

        Answer(Kind kind, RegValue value, String origin, String why, String kindTag) {
            this(kind, value, origin, why, kindTag, null);
        }

        /** The same answer, read at {@code at} (the value's line, or its key's when the value is absent). */
        Answer at(SourceLine line) {
            return new Answer(kind, value, origin, why, kindTag, line);
        }

        /** The origin as evidence lines show it: with the kind the file was taken as. */
        String shown() {
            return origin + kindTag;
        }
    }

    /** One file's final state, key paths rewritten by the control-set mapping and folded for lookup. */
    private static final class FileIndex {
        private final String source;
        private final String path;
        /** Shaped like reg export output: vouches for absence below its root. */
        private final boolean export;
        /** What evidence lines append to this file's line numbers, e.g. " (capture: lists only its own values)". */
        private final String kindTag;
        private final Map<String, String> paths = new LinkedHashMap<>();
        private final Map<String, Map<String, Entry>> keys = new LinkedHashMap<>();
        private final Map<String, Integer> keyLines = new LinkedHashMap<>();
        private final List<KeyDeletion> deletions = new ArrayList<>();
        private final List<String> roots = new ArrayList<>();

        FileIndex(RegExport export, UnaryOperator<String> canonical) {
            source = export.source();
            path = export.path();
            this.export = export.isExport();
            kindTag = this.export ? " (export)" : " (" + RegExport.CAPTURE + ")";
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
                    return new Answer(Kind.SET, set.value(), origin(set.line()), "", kindTag).at(at(set.line()));
                }
                if (e instanceof Entry.Deleted) {
                    return new Answer(Kind.DELETED, null, origin(e.line()) + " deletes the value", "", kindTag)
                            .at(at(e.line()));
                }
                if (e instanceof Entry.Unreadable u) {
                    return new Answer(Kind.UNREADABLE, null, origin(u.line()), u.why(), "");
                }
                return export
                        ? new Answer(Kind.MISSING, null, origin(keyLines.get(folded)) + " has the key without this value")
                                .at(at(keyLines.get(folded)))
                        : new Answer(Kind.NOT_COVERED, null, origin(keyLines.get(folded)) + kindTag
                                + " has the key but does not list this value");
            }
            for (int i = deletions.size() - 1; i >= 0; i--) {
                KeyDeletion d = deletions.get(i);
                if (RegistryPaths.startsWithKey(key, d.path())) {
                    return new Answer(Kind.DELETED, null, origin(d.line()) + " deletes " + d.path(), "", kindTag)
                            .at(at(d.line()));
                }
            }
            for (String root : roots) {
                if (RegistryPaths.startsWithKey(key, root)) {
                    // the line of the export root's section: the file shows the whole subtree from there
                    Integer rootLine = keyLines.get(RegExport.fold(root));
                    return new Answer(Kind.MISSING, null, source + " exports " + root + " without this key")
                            .at(at(rootLine == null ? 0 : rootLine));
                }
            }
            if (!export) {
                for (Map.Entry<String, String> k : paths.entrySet()) {
                    if (RegistryPaths.startsWithKey(key, k.getValue())) {
                        // e.g. a bare [HKEY_LOCAL_MACHINE]: it looks like it covers the key, and does not.
                        return new Answer(Kind.NOT_COVERED, null, source + kindTag + " does not list this value");
                    }
                }
            }
            return new Answer(Kind.NOT_COVERED, null, null);
        }

        /** SET (with the first section's line) when the key or a descendant has a section; as answer() otherwise. */
        Answer keyAnswer(String key) {
            String folded = RegExport.fold(key);
            for (Map.Entry<String, Integer> k : keyLines.entrySet()) {
                if (RegistryPaths.startsWithKey(k.getKey(), folded)) {
                    return new Answer(Kind.SET, null, origin(k.getValue()), "", kindTag).at(at(k.getValue()));
                }
            }
            Answer a = answer(key, "");
            return a.kind() == Kind.SET ? new Answer(Kind.MISSING, null, a.origin(), "", kindTag).at(a.at()) : a;
        }

        String origin(int line) {
            return source + ":" + line;
        }

        /** The file and line for evidence (0: the file as a whole, e.g. its export root covers the key). */
        SourceLine at(int line) {
            return new SourceLine(path, line);
        }
    }
}
