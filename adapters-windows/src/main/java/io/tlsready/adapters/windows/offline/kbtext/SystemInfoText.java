package io.tlsready.adapters.windows.offline.kbtext;

import static io.tlsready.adapters.windows.offline.kbtext.SystemInfoLabels.DC_WORDS;
import static io.tlsready.adapters.windows.offline.kbtext.SystemInfoLabels.HOST;
import static io.tlsready.adapters.windows.offline.kbtext.SystemInfoLabels.HOTFIX;
import static io.tlsready.adapters.windows.offline.kbtext.SystemInfoLabels.OS_CONFIG;
import static io.tlsready.adapters.windows.offline.kbtext.SystemInfoLabels.OS_NAME;
import static io.tlsready.adapters.windows.offline.kbtext.SystemInfoLabels.OS_VERSION;
import static io.tlsready.adapters.windows.offline.kbtext.SystemInfoLabels.SERVER_WORDS;
import static io.tlsready.adapters.windows.offline.kbtext.SystemInfoLabels.SYSTEM_TYPE;
import static io.tlsready.adapters.windows.offline.kbtext.SystemInfoLabels.WORKSTATION_WORDS;
import static io.tlsready.adapters.windows.offline.kbtext.SystemInfoLabels.containsAny;
import static io.tlsready.adapters.windows.offline.kbtext.SystemInfoLabels.normalizeLabel;
import static io.tlsready.adapters.windows.offline.kbtext.SystemInfoLabels.normalizeValue;

import io.tlsready.domain.facts.Architecture;
import io.tlsready.domain.facts.EvidenceWarning;
import io.tlsready.domain.facts.InstalledUpdates;
import io.tlsready.domain.facts.ProductType;
import io.tlsready.domain.facts.SystemInfo;
import io.tlsready.domain.facts.WindowsVersion;
import io.tlsready.domain.port.EvidenceException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code systeminfo} (default /FO LIST) output in any display language.
 *
 * <p>Labels are localized but the line order is fixed (Host Name, OS Name, OS Version, OS Manufacturer,
 * OS Configuration, ... System Type ... Hotfix(s), Network Card(s)), and the OS Version value always
 * starts with "major.minor.build". So that line is the anchor; known labels are used where they match and
 * positions relative to the anchor otherwise.
 */
final class SystemInfoText {

    private static final Pattern VERSION_VALUE = Pattern.compile("^\\d{1,2}\\.\\d{1,2}\\.\\d{3,5}(?!\\d)");
    /** "[01]: KB2534111", French "[01] : ...", with NBSP. */
    private static final Pattern ENTRY = Pattern.compile("^[\\s\\u00A0]*\\[(\\d{1,4})\\][\\s\\u00A0]*:[\\s\\u00A0]*(.*)$");
    /** What is left when the output buffer was cut inside an entry: "[246]", "[24", "[". */
    private static final Pattern PARTIAL_ENTRY = Pattern.compile("^[\\s\\u00A0]*\\[\\d{0,4}\\]?[\\s\\u00A0]*$");
    /** KB at the start of an entry: "KB2534111", "KB2876331 - Update", "KB893803v2", "KB936929_WM11x64". */
    static final Pattern KB_PREFIX = Pattern.compile("^(?i)KB\\s?(\\d{5,8})(?!\\d)");
    private static final Pattern FIRST_NUMBER = Pattern.compile("\\d+");
    private static final Pattern TRAILING_NUMBER = Pattern.compile("(\\S+)\\s+(\\d{3,5})\\s*$");

    private static final Pattern CLIENT_NAME = Pattern.compile("(?i)windows\\W*(xp|vista|7|8|8\\.1|10|11)\\b");

    private SystemInfoText() {
    }

    /** One top-level "Label: value" line and its indented continuation lines. */
    record Section(int lineNo, String label, String value, List<Line> more) {
        String normLabel() {
            return normalizeLabel(label);
        }
    }

    /** A line with its 1-based number in the file. */
    record Line(int no, String text) {}

    /** Splits text into top-level sections. Labels are padded to one value column, which is found first. */
    static List<Section> sections(List<String> lines) {
        int column = valueColumn(lines);
        List<Section> out = new ArrayList<>();
        List<Line> more = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            if (isIndent(line.charAt(0))) {
                if (more != null) {
                    more.add(new Line(i + 1, line));
                }
                continue;
            }
            String[] lv = splitLabel(line, column);
            more = new ArrayList<>();
            out.add(new Section(i + 1, lv[0], lv[1], more));
        }
        return out;
    }

    private static boolean isIndent(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0';
    }

    /** The most common column where a value starts after "Label:" padding. */
    private static int valueColumn(List<String> lines) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (String line : lines) {
            if (line.isEmpty() || isIndent(line.charAt(0))) {
                continue;
            }
            int colon = colonFollowedBySpace(line, 0);
            if (colon < 0) {
                continue;
            }
            int v = colon + 1;
            while (v < line.length() && isIndent(line.charAt(v))) {
                v++;
            }
            if (v < line.length()) {
                counts.merge(v, 1, Integer::sum);
            }
        }
        int best = -1;
        int bestCount = 0;
        for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount || (e.getValue() == bestCount && e.getKey() < best)) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }

    private static int colonFollowedBySpace(String line, int from) {
        for (int i = Math.max(0, from); i < line.length(); i++) {
            char c = line.charAt(i);
            if ((c == ':' || c == '\uFF1A') && (i + 1 == line.length() || isIndent(line.charAt(i + 1)))) {
                return i;
            }
        }
        return -1;
    }

    private static String[] splitLabel(String line, int column) {
        if (column > 0 && line.length() >= column && isIndent(line.charAt(column - 1))) {
            String head = line.substring(0, column).replace('\u00A0', ' ').trim();
            if (head.endsWith(":") || head.endsWith("\uFF1A")) {
                return new String[] {head.substring(0, head.length() - 1).trim(), clean(line.substring(column))};
            }
        }
        // Label longer than the column ("Virtueller Arbeitsspeicher: Zurzeit verwendet: 3.537 MB"): the value
        // is not needed, so splitting at the first "label: " is good enough.
        int colon = colonFollowedBySpace(line, 0);
        if (colon < 0) {
            return new String[] {clean(line), ""};
        }
        return new String[] {clean(line.substring(0, colon)), clean(line.substring(colon + 1))};
    }

    private static String clean(String s) {
        return s.replace('\u00A0', ' ').trim();
    }

    /** Index of the OS Version section: the first value that starts with "N.N.NNNN", after an OS name line. */
    static int anchor(List<Section> sections) {
        for (int i = 0; i < sections.size(); i++) {
            if (VERSION_VALUE.matcher(sections.get(i).value()).find()) {
                return i >= 1 ? i : -1;
            }
        }
        return -1;
    }

    /** An OS Version line after a name line, and either a known label or the usual run of lines after it. */
    static boolean looksLike(List<Section> sections) {
        int v = anchor(sections);
        return v >= 0 && (labelledAs(sections.get(v), OS_VERSION) || labelledAs(sections.get(v - 1), OS_NAME)
                || sections.size() - v >= 8);
    }

    static KbEvidence parse(String location, List<Section> sections) {
        int v = anchor(sections);
        if (v < 0 || !looksLike(sections)) {
            throw new EvidenceException(location, "not systeminfo output (no 'OS Version' line)");
        }
        List<EvidenceWarning> warnings = new ArrayList<>();
        Section versionLine = sections.get(v);
        WindowsVersion version = WindowsVersion.find(versionLine.value()).orElseThrow();

        Section nameLine = labelled(sections, OS_NAME, 0, v).orElse(sections.get(v - 1));
        String osName = nameLine.value();
        if (osName.isEmpty()) {
            throw new EvidenceException(location + ":" + nameLine.lineNo(), "systeminfo has an empty OS name");
        }
        Optional<String> host = labelled(sections, HOST, 0, v).map(Section::value)
                .or(() -> v >= 2 && !labelledAs(sections.get(v - 2), OS_NAME) ? Optional.of(sections.get(v - 2).value())
                        : Optional.empty())
                .filter(h -> !h.isEmpty());

        Optional<Architecture> arch = systemType(sections, v);
        if (arch.isEmpty()) {
            if (sections.size() - v < 12) {
                throw new EvidenceException(location, "truncated systeminfo: ends before the 'System Type' line");
            }
            warnings.add(new EvidenceWarning(location, "systeminfo 'System Type' not recognised; architecture unknown"));
        }
        Optional<ProductType> productType = productType(location, sections, v, osName, warnings);
        int sp = servicePack(versionLine.value(), version);
        SystemInfo info = new SystemInfo(host, osName, version, sp, productType, arch);
        Optional<InstalledUpdates> updates = hotfixes(location, sections, v, warnings);
        return new KbEvidence(KbEvidence.SYSTEMINFO, Optional.of(info), updates, warnings);
    }

    private static Optional<Section> labelled(List<Section> sections, Set<String> labels, int from, int to) {
        for (int i = Math.max(0, from); i < Math.min(to, sections.size()); i++) {
            if (labelledAs(sections.get(i), labels)) {
                return Optional.of(sections.get(i));
            }
        }
        return Optional.empty();
    }

    private static boolean labelledAs(Section s, Set<String> labels) {
        return labels.contains(s.normLabel());
    }

    private static Optional<Architecture> systemType(List<Section> sections, int v) {
        Optional<Section> labelled = labelled(sections, SYSTEM_TYPE, v, sections.size());
        if (labelled.isPresent()) {
            Optional<Architecture> a = Architecture.parse(labelled.get().value());
            if (a.isPresent()) {
                return a;
            }
        }
        // The value is English in every locale seen ("x64-based PC"); it is line 11 after OS Version.
        for (int i = v + 1; i < Math.min(sections.size(), v + 16); i++) {
            String value = sections.get(i).value();
            if (value.toLowerCase(Locale.ROOT).contains("based")) {
                Optional<Architecture> a = Architecture.parse(value);
                if (a.isPresent()) {
                    return a;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<ProductType> productType(String location, List<Section> sections, int v, String osName,
                                                     List<EvidenceWarning> warnings) {
        Section config = labelled(sections, OS_CONFIG, v, Math.min(sections.size(), v + 6))
                .orElse(v + 2 < sections.size() ? sections.get(v + 2) : null);
        if (config != null) {
            String norm = normalizeValue(config.value());
            if (containsAny(norm, DC_WORDS)) {
                return Optional.of(ProductType.DOMAIN_CONTROLLER);
            }
            if (containsAny(norm, WORKSTATION_WORDS)) {
                return Optional.of(ProductType.WORKSTATION);
            }
            if (containsAny(norm, SERVER_WORDS)) {
                return Optional.of(ProductType.SERVER);
            }
        }
        String where = config != null ? location + ":" + config.lineNo() : location;
        String said = config != null ? "'" + config.value() + "'" : "missing";
        if (osName.toLowerCase(Locale.ROOT).contains("server")) {
            warnings.add(new EvidenceWarning(where, "OS Configuration " + said
                    + " not recognised; product type SERVER taken from the OS name (domain controller not detectable)"));
            return Optional.of(ProductType.SERVER);
        }
        if (CLIENT_NAME.matcher(osName).find()) {
            warnings.add(new EvidenceWarning(where, "OS Configuration " + said
                    + " not recognised; product type WORKSTATION taken from the OS name"));
            return Optional.of(ProductType.WORKSTATION);
        }
        warnings.add(new EvidenceWarning(where, "OS Configuration " + said + " not recognised; product type unknown"));
        return Optional.empty();
    }

    /**
     * "6.1.7601 Service Pack 1 Build 7601" -> 1; "6.0.6003 Service Pack 2 Build 6003" -> 2;
     * "10.0.17763 N/D Compilación 17763" -> 0. Whatever the language, the service pack is the number
     * between the version and the trailing "build-word NNNN".
     */
    static int servicePack(String value, WindowsVersion version) {
        Matcher start = VERSION_VALUE.matcher(value);
        String rest = start.find() ? value.substring(start.end()) : value;
        Matcher build = TRAILING_NUMBER.matcher(rest);
        if (build.find() && Integer.parseInt(build.group(2)) == version.build()) {
            rest = rest.substring(0, build.start());
        }
        Matcher n = FIRST_NUMBER.matcher(rest);
        if (n.find() && n.group().length() <= 2) {
            return Integer.parseInt(n.group());
        }
        return 0;
    }

    private static Optional<InstalledUpdates> hotfixes(String location, List<Section> sections, int v,
                                                       List<EvidenceWarning> warnings) {
        Section hf = findHotfixSection(sections, v);
        if (hf == null) {
            warnings.add(new EvidenceWarning(location, "systeminfo has no recognisable Hotfix(s) section;"
                    + " installed updates not collected from this file"));
            return Optional.empty();
        }
        String at = location + ":" + hf.lineNo();
        Matcher count = FIRST_NUMBER.matcher(hf.value());
        int claimed = count.find() && count.group().length() <= 5 ? Integer.parseInt(count.group()) : 0;

        List<String> values = new ArrayList<>();
        List<Integer> valueLines = new ArrayList<>();
        boolean cutMarker = false;
        for (Line l : hf.more()) {
            Matcher e = ENTRY.matcher(l.text());
            if (e.matches()) {
                values.add(e.group(2).trim());
                valueLines.add(l.no());
                cutMarker = false;
            } else if (PARTIAL_ENTRY.matcher(l.text()).matches()) {
                cutMarker = true;
            }
        }
        int listed = values.size();
        boolean truncated = listed < claimed;
        String droppedNote = "";
        if (truncated && !cutMarker && listed > 0) {
            // systeminfo cut its buffer inside this last entry ("[240]: KB2862"): its number is not reliable.
            droppedNote = "; the last entry '" + values.get(listed - 1) + "' (line " + valueLines.get(listed - 1)
                    + ") may be cut off and is ignored";
            values.remove(listed - 1);
        }
        if (truncated) {
            warnings.add(new EvidenceWarning(at, "systeminfo reports " + claimed + " hotfixes but lists only " + listed
                    + " (systeminfo truncates long lists); the installed-update list is incomplete" + droppedNote));
        }
        InstalledUpdates updates = collect(at, values, warnings);
        return Optional.of(truncated ? updates.incomplete() : updates);
    }

    /** KB numbers of the entries; entries that name no KB ("File 1", "Q147222", "943729", a GUID) are reported. */
    static InstalledUpdates collect(String at, List<String> values, List<EvidenceWarning> warnings) {
        Set<String> kbs = new TreeSet<>();
        Set<String> other = new LinkedHashSet<>();
        int otherCount = 0;
        for (String value : values) {
            Matcher m = KB_PREFIX.matcher(value);
            if (m.find()) {
                kbs.add("KB" + m.group(1));
            } else if (!value.isEmpty()) {
                otherCount++;
                if (other.size() < 5) {
                    other.add(value.length() > 40 ? value.substring(0, 40) + "..." : value);
                }
            }
        }
        if (otherCount > 0) {
            warnings.add(new EvidenceWarning(at, otherCount + " hotfix entr" + (otherCount == 1 ? "y names" : "ies name")
                    + " no KB number and " + (otherCount == 1 ? "is" : "are") + " not counted (e.g. "
                    + String.join(", ", other) + ")"));
        }
        return new InstalledUpdates(kbs);
    }

    /**
     * By label; else the section whose entries are KB numbers; else the section just before the network
     * cards (the only one with nested entries), which is where systeminfo always prints its hotfixes.
     */
    private static Section findHotfixSection(List<Section> sections, int v) {
        for (int i = v + 1; i < sections.size(); i++) {
            Section s = sections.get(i);
            if (HOTFIX.contains(s.normLabel()) || s.normLabel().startsWith("hotfix")) {
                return s;
            }
        }
        for (int i = v + 1; i < sections.size(); i++) {
            for (Line l : sections.get(i).more()) {
                Matcher e = ENTRY.matcher(l.text());
                if (e.matches() && KB_PREFIX.matcher(e.group(2).trim()).find()) {
                    return sections.get(i);
                }
            }
        }
        for (int i = v + 2; i < sections.size(); i++) {
            if (hasNestedEntries(sections.get(i))) {
                return sections.get(i - 1);
            }
        }
        return null;
    }

    private static boolean hasNestedEntries(Section s) {
        int first = -1;
        for (Line l : s.more()) {
            int indent = 0;
            while (indent < l.text().length() && isIndent(l.text().charAt(indent))) {
                indent++;
            }
            if (first < 0) {
                first = indent;
            } else if (indent > first) {
                return true;
            }
        }
        return false;
    }
}
