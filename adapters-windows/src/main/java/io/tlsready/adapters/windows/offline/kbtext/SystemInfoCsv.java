package io.tlsready.adapters.windows.offline.kbtext;

import io.tlsready.domain.port.EvidenceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code systeminfo /FO CSV}: a header row of labels (localized) and one row per host, every field quoted.
 * Multi-valued fields (processors, hotfixes, network cards) hold their entries comma-separated inside the
 * quotes. The columns come in the same order as the default list format, so each row is turned back into
 * list-format lines and read by the ordinary systeminfo reader.
 */
final class SystemInfoCsv {

    private static final Pattern VERSION = Pattern.compile("\\d{1,2}\\.\\d{1,2}\\.\\d{3,5}.*");
    private static final Pattern ENTRY = Pattern.compile("\\[\\d{2,3}\\]:.*");
    private static final int MIN_COLUMNS = 20;
    private static final String INDENT = " ".repeat(27);

    private SystemInfoCsv() {
    }

    /** Cheap sniff on the head of a file: a quoted header row of at least 20 labels, then a quoted row. */
    static boolean looksLike(List<String> lines) {
        List<String> nonBlank = lines.stream().filter(l -> !l.isBlank()).limit(2).toList();
        return nonBlank.size() == 2 && fields(nonBlank.get(0)).map(f -> f.size() >= MIN_COLUMNS).orElse(false)
                && nonBlank.get(1).startsWith("\"") && VERSION.matcher(thirdField(nonBlank.get(1))).matches();
    }

    private static String thirdField(String line) {
        String[] parts = line.split("\",\"", 4);
        return parts.length >= 3 ? parts[2] : "";
    }

    /** The file as list-format systeminfo lines, or empty when it is not systeminfo CSV. */
    static Optional<List<String>> toListLines(String location, List<String> lines) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines) {
            if (!line.isBlank()) {
                Optional<List<String>> fields = fields(line);
                if (fields.isEmpty()) {
                    return Optional.empty();
                }
                rows.add(fields.get());
            }
        }
        if (rows.size() < 2 || rows.get(0).size() < MIN_COLUMNS || rows.get(1).size() != rows.get(0).size()
                || !VERSION.matcher(rows.get(1).get(2)).matches()) {
            return Optional.empty();
        }
        if (rows.size() > 2) {
            throw new EvidenceException(location, "systeminfo CSV with " + (rows.size() - 1) + " hosts; give one host"
                    + " per file (the evidence files of one audit describe one host)");
        }
        List<String> header = rows.get(0);
        List<String> row = rows.get(1);
        List<String> out = new ArrayList<>();
        out.add("");
        for (int i = 0; i < header.size(); i++) {
            String label = header.get(i) + ":";
            List<String> parts = splitEntries(row.get(i));
            out.add(label + " ".repeat(Math.max(1, INDENT.length() - label.length())) + parts.get(0));
            for (int p = 1; p < parts.size(); p++) {
                out.add(INDENT + parts.get(p));
            }
        }
        return Optional.of(out);
    }

    /** "2 Hotfix(s) Installed.,[01]: KB1,[02]: KB2" -> its head and entries; other values stay whole. */
    private static List<String> splitEntries(String value) {
        String[] parts = value.split(",(?=\\[\\d{2,3}\\]:)");
        List<String> out = new ArrayList<>(List.of(parts));
        if (out.size() == 1 && ENTRY.matcher(value).matches()) {
            out.add(0, "");
        }
        return out;
    }

    /** RFC 4180 fields of one line: every field must be quoted, as systeminfo writes them. */
    static Optional<List<String>> fields(String line) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            if (line.charAt(i) != '"') {
                return Optional.empty();
            }
            StringBuilder sb = new StringBuilder();
            i++;
            while (true) {
                if (i >= n) {
                    return Optional.empty();
                }
                char c = line.charAt(i++);
                if (c == '"') {
                    if (i < n && line.charAt(i) == '"') {
                        sb.append('"');
                        i++;
                    } else {
                        break;
                    }
                } else {
                    sb.append(c);
                }
            }
            out.add(sb.toString());
            if (i < n) {
                if (line.charAt(i) != ',') {
                    return Optional.empty();
                }
                i++;
                if (i == n) {
                    out.add("");
                }
            }
        }
        return Optional.of(out);
    }
}
