package io.tlsready.adapters.windows.offline.kbtext;

import io.tlsready.domain.facts.EvidenceWarning;
import io.tlsready.domain.facts.InstalledUpdates;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Win32_QuickFixEngineering listings: {@code wmic qfe} tables (full, {@code list brief},
 * {@code get hotfixid}), {@code wmic qfe ... /format:csv} and {@code /format:list}, and PowerShell
 * {@code Get-HotFix} as a table, {@code Export-Csv}/{@code ConvertTo-Csv} or {@code Format-List};
 * plus wesng's "KBnnnn: title" update lists. The fixed-width tables are read by {@link HotFixTable}.
 */
final class HotFixText {

    /** Property names that may head a QFE column (WMI properties, PowerShell and wmic extras). */
    static final Set<String> COLUMNS = Set.of("caption", "csname", "description", "fixcomments", "hotfixid",
            "installdate", "installedby", "installedon", "name", "servicepackineffect", "status", "source",
            "pscomputername", "node", "__genus", "__class", "__superclass", "__dynasty", "__relpath",
            "__property_count", "__derivation", "__server", "__namespace", "__path", "path", "scope", "options",
            "classpath", "properties", "systemproperties", "qualifiers", "site", "container");
    private static final Pattern LIST_LINE = Pattern.compile("^\\s*([A-Za-z_]+)\\s*([:=])\\s*(.*)$");
    private static final Pattern UPDATE_LINE = Pattern.compile("^(?i)KB\\d{5,8}(\\s*,\\s*KB\\d{5,8})*\\s*:\\s*(.*)$");
    private static final Pattern KB_ANY = Pattern.compile("(?i)KB(\\d{5,8})(?!\\d)");
    private static final String NO_INSTANCES = "no instance(s) available.";
    private static final String NO_UPDATES = "there are no applicable updates.";

    private HotFixText() {
    }

    static boolean looksLike(List<String> lines) {
        return findCsvHeader(lines) >= 0 || HotFixTable.findTable(lines) != null || hasListKey(lines)
                || isNoInstances(lines) || isUpdateList(lines);
    }

    static Optional<KbEvidence> parse(String location, List<String> lines) {
        int csv = findCsvHeader(lines);
        if (csv >= 0) {
            return Optional.of(parseCsv(location, lines, csv));
        }
        HotFixTable.Table table = HotFixTable.findTable(lines);
        if (table != null) {
            return Optional.of(HotFixTable.parseTable(location, lines, table));
        }
        if (hasListKey(lines)) {
            return Optional.of(parseList(location, lines));
        }
        if (isNoInstances(lines)) {
            return Optional.of(new KbEvidence(KbEvidence.WMIC_QFE, Optional.empty(),
                    Optional.of(new InstalledUpdates(Set.of())), List.of()));
        }
        if (isUpdateList(lines)) {
            return Optional.of(parseUpdateList(location, lines));
        }
        return Optional.empty();
    }

    /**
     * The HotFixID, or on XP (where HotFixID is often "File 1") the KB that WMIC puts in
     * ServicePackInEffect instead.
     */
    static String effectiveId(String hotfixId, String servicePackInEffect) {
        if (SystemInfoText.KB_PREFIX.matcher(hotfixId).find() || servicePackInEffect.isEmpty()) {
            return hotfixId;
        }
        return SystemInfoText.KB_PREFIX.matcher(servicePackInEffect).find() ? servicePackInEffect : hotfixId;
    }

    /** Like SystemInfoText.collect, but a value cut off by a narrow console ("KB45341...") is not a KB. */
    static InstalledUpdates collect(String at, List<String> values, List<EvidenceWarning> warnings) {
        List<String> usable = new ArrayList<>();
        for (String v : values) {
            usable.add(v.endsWith("...") || v.endsWith("\u2026") ? "(cut off) " + v : v);
        }
        return SystemInfoText.collect(at, usable, warnings);
    }

    // ---- CSV (wmic /format:csv, Export-Csv, ConvertTo-Csv) -------------------------------------------

    private static int findCsvHeader(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue; // "#TYPE Microsoft.Management.ManagementObject#root\cimv2\Win32_QuickFixEngineering"
            }
            return csvDelimiter(line) != 0 ? i : -1;
        }
        return -1;
    }

    /** The delimiter (',' ';' or tab for -UseCulture/-Delimiter) that makes HotFixID a header field, or 0. */
    private static char csvDelimiter(String header) {
        for (char d : new char[] {',', ';', '\t'}) {
            List<String> fields = csvFields(header, d);
            if (fields.size() >= 2 && fields.stream().anyMatch(f -> f.trim().equalsIgnoreCase("hotfixid"))) {
                return d;
            }
        }
        return 0;
    }

    private static KbEvidence parseCsv(String location, List<String> lines, int headerLine) {
        String header = lines.get(headerLine).trim();
        char d = csvDelimiter(header);
        List<String> names = csvFields(header, d);
        int hot = indexOf(names, "hotfixid");
        int sp = indexOf(names, "servicepackineffect");
        List<String> values = new ArrayList<>();
        List<EvidenceWarning> warnings = new ArrayList<>();
        int short_ = 0;
        for (int i = headerLine + 1; i < lines.size(); i++) {
            String row = lines.get(i).trim();
            if (row.isEmpty() || row.equals(header)) {
                continue;
            }
            List<String> f = csvFields(row, d);
            if (f.size() <= hot) {
                short_++;
                continue;
            }
            values.add(effectiveId(f.get(hot).trim(), sp >= 0 && sp < f.size() ? f.get(sp).trim() : ""));
        }
        String at = location + ":" + (headerLine + 1);
        if (short_ > 0) {
            warnings.add(new EvidenceWarning(at, short_ + " CSV row(s) have no HotFixID field and were skipped"));
        }
        String kind = names.get(0).trim().equalsIgnoreCase("node") ? KbEvidence.WMIC_QFE : KbEvidence.GET_HOTFIX;
        return new KbEvidence(kind, Optional.empty(), Optional.of(collect(at, values, warnings)), warnings);
    }

    private static int indexOf(List<String> names, String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).trim().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** One CSV line: fields optionally in double quotes, "" inside quotes is a quote. */
    static List<String> csvFields(String line, char delimiter) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == delimiter) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    // ---- "Key : value" (Format-List) and "Key=value" (wmic /format:list, wmic qfe list full) --------

    private static boolean hasListKey(List<String> lines) {
        for (String line : lines) {
            Matcher m = LIST_LINE.matcher(line);
            if (m.matches() && m.group(1).equalsIgnoreCase("hotfixid")) {
                return true;
            }
        }
        return false;
    }

    private static KbEvidence parseList(String location, List<String> lines) {
        List<String> values = new ArrayList<>();
        Map<String, String> record = new HashMap<>();
        boolean equalsForm = false;
        int first = -1;
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = LIST_LINE.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            String key = m.group(1).toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(key)) {
                continue;
            }
            if (key.equals("hotfixid") && first < 0) {
                first = i;
                equalsForm = m.group(2).equals("=");
            }
            if (record.containsKey(key)) { // the same property again: the next object starts
                flush(record, values);
            }
            record.put(key, m.group(3).trim());
        }
        flush(record, values);
        List<EvidenceWarning> warnings = new ArrayList<>();
        InstalledUpdates updates = collect(location + ":" + (first + 1), values, warnings);
        String kind = equalsForm ? KbEvidence.WMIC_QFE : KbEvidence.GET_HOTFIX;
        return new KbEvidence(kind, Optional.empty(), Optional.of(updates), warnings);
    }

    private static void flush(Map<String, String> record, List<String> values) {
        if (record.containsKey("hotfixid")) {
            values.add(effectiveId(record.get("hotfixid"), record.getOrDefault("servicepackineffect", "")));
        }
        record.clear();
    }

    private static boolean isNoInstances(List<String> lines) {
        List<String> text = nonBlank(lines);
        return text.size() == 1 && text.get(0).trim().equalsIgnoreCase(NO_INSTANCES);
    }

    // ---- wesng update lists ------------------------------------------------------------------------

    private static boolean isUpdateList(List<String> lines) {
        List<String> text = nonBlank(lines);
        if (text.size() == 1 && text.get(0).trim().equalsIgnoreCase(NO_UPDATES)) {
            return true;
        }
        long matching = text.stream().filter(l -> UPDATE_LINE.matcher(l.trim()).matches()).count();
        return matching > 0 && matching * 10 >= text.size() * 9L;
    }

    /**
     * wesng's validation script lists updates found by the Windows Update search "IsInstalled=0": they are
     * offered, i.e. NOT installed. So no installed-update list comes from this file, only a warning.
     */
    private static KbEvidence parseUpdateList(String location, List<String> lines) {
        Set<String> kbs = new TreeSet<>();
        for (String line : lines) {
            if (UPDATE_LINE.matcher(line.trim()).matches()) {
                String ids = line.substring(0, line.indexOf(':'));
                Matcher m = KB_ANY.matcher(ids);
                while (m.find()) {
                    kbs.add("KB" + m.group(1));
                }
            }
        }
        String msg = kbs.isEmpty()
                ? "update list says no updates are offered; it does not list installed updates"
                : "lists " + kbs.size() + " update(s) Windows Update offers as not installed (" + String.join(", ", kbs)
                        + "); not used as installed-update evidence";
        return new KbEvidence(KbEvidence.UPDATE_LIST, Optional.empty(), Optional.empty(),
                List.of(new EvidenceWarning(location, msg)));
    }

    private static List<String> nonBlank(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            if (!l.isBlank()) {
                out.add(l);
            }
        }
        return out;
    }
}
