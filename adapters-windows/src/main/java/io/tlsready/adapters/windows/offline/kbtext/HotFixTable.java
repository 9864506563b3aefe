package io.tlsready.adapters.windows.offline.kbtext;

import io.tlsready.domain.facts.EvidenceWarning;
import io.tlsready.domain.facts.InstalledUpdates;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Fixed-width QFE tables: {@code wmic qfe} (full, {@code list brief}, {@code get hotfixid}), whose columns start
 * where the header's words do, and PowerShell {@code Get-HotFix}, whose dashes line gives each column's extent.
 */
final class HotFixTable {

    private HotFixTable() {
    }

    /** A column: name and [start, end) in the row (end = Integer.MAX_VALUE for the last one). */
    private record Column(String name, int start, int end) {}

    /** Header position and layout of a fixed-width table. */
    record Table(int headerLine, int firstRow, boolean powershell, List<Column> columns) {}

    /**
     * A header line whose words are all QFE property names, one of them HotFixID. WMIC on XP prints
     * "Please wait while WMIC is being installed." right before the header, on the same line; such a
     * prefix is cut off (rows are not prefixed, so columns count from the first header word).
     */
    static Table findTable(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.toLowerCase(Locale.ROOT).contains("hotfixid")) {
                continue;
            }
            for (int offset : headerStarts(line)) {
                List<Column> cols = headerColumns(line, offset);
                if (cols == null) {
                    continue;
                }
                int next = nextNonBlank(lines, i + 1);
                if (next >= 0 && isDashes(lines.get(next))) {
                    List<Column> ps = dashColumns(line, lines.get(next));
                    if (ps != null) {
                        return new Table(i, next + 1, true, ps);
                    }
                }
                return new Table(i, i + 1, false, cols);
            }
        }
        return null;
    }

    private static List<Integer> headerStarts(String line) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        String lower = line.toLowerCase(Locale.ROOT);
        for (String first : List.of("caption", "description", "hotfixid", "node", "source", "pscomputername")) {
            int at = lower.indexOf(first);
            if (at > 0) {
                starts.add(at);
            }
        }
        starts.sort(Integer::compare);
        return starts;
    }

    private static List<Column> headerColumns(String line, int offset) {
        String head = line.substring(offset);
        String prefix = line.substring(0, offset);
        int shift = prefix.isBlank() ? 0 : offset; // a real prefix is not part of the column layout
        List<int[]> words = words(head);
        if (words.isEmpty()) {
            return null;
        }
        boolean hasHotFix = false;
        List<Column> cols = new ArrayList<>();
        for (int w = 0; w < words.size(); w++) {
            String name = head.substring(words.get(w)[0], words.get(w)[1]);
            if (!HotFixText.COLUMNS.contains(name.toLowerCase(Locale.ROOT))) {
                return null;
            }
            hasHotFix |= name.equalsIgnoreCase("hotfixid");
            int start = words.get(w)[0] + offset - shift;
            int end = w + 1 < words.size() ? words.get(w + 1)[0] + offset - shift : Integer.MAX_VALUE;
            cols.add(new Column(name, start, end));
        }
        return hasHotFix ? cols : null;
    }

    /** PowerShell tables: the dashes line gives each column's exact extent. */
    private static List<Column> dashColumns(String header, String dashes) {
        List<int[]> runs = words(dashes);
        List<Column> cols = new ArrayList<>();
        for (int r = 0; r < runs.size(); r++) {
            int start = runs.get(r)[0];
            int end = r + 1 < runs.size() ? runs.get(r + 1)[0] : Integer.MAX_VALUE;
            String name = slice(header, start, Math.min(end, runs.get(r)[1] + 1)).trim();
            cols.add(new Column(name, start, end));
        }
        return cols.stream().anyMatch(c -> c.name().equalsIgnoreCase("hotfixid")) ? cols : null;
    }

    static KbEvidence parseTable(String location, List<String> lines, Table t) {
        Column hotfix = column(t.columns(), "hotfixid");
        Column sp = column(t.columns(), "servicepackineffect");
        String headerText = lines.get(t.headerLine()).trim();
        List<String> values = new ArrayList<>();
        List<EvidenceWarning> warnings = new ArrayList<>();
        for (int i = t.firstRow(); i < lines.size(); i++) {
            String row = lines.get(i);
            if (row.isBlank() || row.trim().equals(headerText) || isDashes(row)) {
                continue;
            }
            values.add(HotFixText.effectiveId(slice(row, hotfix.start(), hotfix.end()).trim(),
                    sp == null ? "" : slice(row, sp.start(), sp.end()).trim()));
        }
        String kind = t.powershell() ? KbEvidence.GET_HOTFIX : KbEvidence.WMIC_QFE;
        InstalledUpdates updates = HotFixText.collect(location + ":" + (t.headerLine() + 1), values, warnings);
        return new KbEvidence(kind, Optional.empty(), Optional.of(updates), warnings);
    }

    private static Column column(List<Column> cols, String name) {
        for (Column c : cols) {
            if (c.name().equalsIgnoreCase(name)) {
                return c;
            }
        }
        return null;
    }

    private static boolean isDashes(String line) {
        String t = line.trim();
        return !t.isEmpty() && t.chars().allMatch(c -> c == '-' || c == ' ') && t.contains("--");
    }

    /** [start, end) of each run of non-blank characters. */
    private static List<int[]> words(String s) {
        List<int[]> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(new int[] {start, i});
            }
        }
        return out;
    }

    private static String slice(String s, int start, int end) {
        if (start >= s.length() || start < 0) {
            return "";
        }
        return s.substring(start, Math.min(end, s.length()));
    }

    private static int nextNonBlank(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }
}
