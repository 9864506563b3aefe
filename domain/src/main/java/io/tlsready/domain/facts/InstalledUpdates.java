package io.tlsready.domain.facts;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The installed-update list (Win32_QuickFixEngineering, systeminfo "Hotfix(s)", CBS packages).
 * Only a list that was collected as a whole may prove that a KB is missing: {@code complete} is false when
 * the source is known to have cut it short (systeminfo stops listing after a few hundred hotfixes).
 * {@code lines} says on which line of its one file each KB is listed (issue 13: evidence file and line), empty when
 * the list has no lines (hives, snapshots) or merges several files; like {@link Fact.Present#at} it is where the KB
 * was shown, not what was observed, so it takes no part in equality.
 */
public record InstalledUpdates(Set<String> kbs, boolean complete, Map<String, Integer> lines) {

    private static final Pattern KB = Pattern.compile("(?i)\\bKB ?(\\d{5,8})\\b");

    public InstalledUpdates {
        TreeSet<String> norm = new TreeSet<>();
        for (String kb : kbs) {
            norm.add(normalize(kb));
        }
        kbs = Set.copyOf(norm);
        lines = Map.copyOf(lines);
    }

    public InstalledUpdates(Set<String> kbs, boolean complete) {
        this(kbs, complete, Map.of());
    }

    /** A complete list. */
    public InstalledUpdates(Set<String> kbs) {
        this(kbs, true);
    }

    /** The same list, each KB with the (1-based) line of its file that lists it. */
    public InstalledUpdates withLines(Map<String, Integer> kbLines) {
        return new InstalledUpdates(kbs, complete, kbLines);
    }

    /** The line of this list's file that lists {@code kb}, 0 when unknown. */
    public int lineOf(String kb) {
        return lines.getOrDefault(normalize(kb), 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InstalledUpdates u && kbs.equals(u.kbs) && complete == u.complete;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kbs, complete);
    }

    public static InstalledUpdates of(Collection<String> kbs) {
        return new InstalledUpdates(Set.copyOf(kbs));
    }

    /** The same KBs, marked as a list that may lack some. */
    public InstalledUpdates incomplete() {
        return new InstalledUpdates(kbs, false, lines);
    }

    /** "kb3140245", "KB 3140245", "3140245" -> "KB3140245". */
    public static String normalize(String kb) {
        String t = kb.trim().toUpperCase(Locale.ROOT).replace(" ", "");
        if (t.startsWith("KB")) {
            t = t.substring(2);
        }
        if (!t.matches("\\d{5,8}")) {
            throw new IllegalArgumentException("not a KB number: " + kb);
        }
        return "KB" + t;
    }

    /** Every KB number mentioned in a line of text. */
    public static Set<String> findAll(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = KB.matcher(text);
        while (m.find()) {
            out.add("KB" + m.group(1));
        }
        return out;
    }

    public boolean contains(String kb) {
        return kbs.contains(normalize(kb));
    }

    public InstalledUpdates plus(InstalledUpdates other) {
        TreeSet<String> all = new TreeSet<>(kbs);
        all.addAll(other.kbs);
        // One whole list (wmic qfe, Get-HotFix) makes the union whole, whatever a truncated one lacked. Lines are
        // those of one file: a union of two lists has none.
        return new InstalledUpdates(all, complete || other.complete);
    }
}
