package io.tlsready.adapters.windows.offline.reg;

import static io.tlsready.adapters.windows.offline.reg.RegData.allHex;
import static io.tlsready.adapters.windows.offline.reg.RegData.dword;
import static io.tlsready.adapters.windows.offline.reg.RegData.hexValue;
import static io.tlsready.adapters.windows.offline.reg.RegData.isHexDigit;
import static io.tlsready.adapters.windows.offline.reg.RegFileText.cutAtNul;
import static io.tlsready.adapters.windows.offline.reg.RegFileText.describe;
import static io.tlsready.adapters.windows.offline.reg.RegFileText.isBlankOrComment;
import static io.tlsready.adapters.windows.offline.reg.RegFileText.quote;
import static io.tlsready.adapters.windows.offline.reg.RegFileText.shorten;
import static io.tlsready.adapters.windows.offline.reg.RegFileText.skipBlanks;
import static io.tlsready.adapters.windows.offline.reg.RegFileText.stripLeading;

import io.tlsready.adapters.windows.offline.reg.ExportShape.Section;
import io.tlsready.adapters.windows.offline.reg.RegExport.Entry;
import io.tlsready.adapters.windows.offline.reg.RegExport.KeyDeletion;
import io.tlsready.adapters.windows.offline.reg.RegExport.RegKey;
import io.tlsready.adapters.windows.offline.reg.RegFileReader.Version;
import io.tlsready.domain.facts.EvidenceWarning;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.RegistryPaths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The import state machine: one .reg file's lines applied as regedit applies them, each skipped line a warning
 * naming {@code file:line}. One instance per file.
 */
final class RegImport {

    private static final List<String> ROOTS = List.of("HKEY_LOCAL_MACHINE", "HKEY_USERS", "HKEY_CLASSES_ROOT",
            "HKEY_CURRENT_CONFIG", "HKEY_CURRENT_USER", "HKEY_DYN_DATA");
    /** A garbage file after a valid header must not flood the report. */
    private static final int MAX_WARNINGS = 100;

    private final String source;
    private final Version version;
    private final Map<String, KeyBuilder> keys = new LinkedHashMap<>();
    private final List<KeyDeletion> deletions = new ArrayList<>();
    private final List<EvidenceWarning> warnings = new ArrayList<>();
    private int suppressedWarnings;
    /** The open key, or null after an invalid key line or a deletion (values then go nowhere). */
    private String current;
    /** Line of a key line regedit skipped while leaving {@code current} open, until the next good one; else 0. */
    private int afterBadKeyLine;
    /** Hex data still expecting continuation lines. */
    private PendingHex pending;
    /** Every valid key section line in file order, duplicates included: the file's shape. */
    private final List<Section> sections = new ArrayList<>();
    /** First line that deletes a key or value, or of a key line regedit skips; 0 if none. */
    private int firstDeletion;
    private int firstBadKeyLine;
    /** Set while parsing one line when an escape could not be read; the value becomes unreadable. */
    private String escapeDoubt;

    RegImport(String source, Version version) {
        this.source = source;
        this.version = version;
    }

    void run(List<String> lines) {
        if (version == Version.FUZZY) {
            warn(1, "header " + quote(lines.get(0).strip()) + " is accepted by regedit, which then imports"
                    + " nothing from the file");
            return;
        }
        for (int i = 1; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = lines.get(i);
            if (version == Version.WIN31) {
                win31Line(line, lineNo);
            } else if (pending == null || !continueHex(line, lineNo)) {
                line(line, lineNo);
            }
        }
        if (pending != null) {
            skipValue(pending.line, pending.name, "the file ends inside its hex data (the list is cut short)");
            pending = null;
        }
    }

    RegExport result(String encoding, String header) {
        List<RegKey> keyList = new ArrayList<>();
        for (KeyBuilder kb : keys.values()) {
            keyList.add(new RegKey(kb.path, kb.line, kb.values));
        }
        String captureWhy = ExportShape.captureWhy(version, sections, firstDeletion, firstBadKeyLine);
        List<String> roots = captureWhy.isEmpty() ? List.of(sections.get(0).path()) : List.of();
        if (suppressedWarnings > 0) {
            warnings.add(new EvidenceWarning(source, suppressedWarnings + " more skipped lines not listed"));
        }
        return new RegExport(source, encoding, header, keyList, deletions, roots, captureWhy, warnings);
    }

    private void line(String line, int no) {
        escapeDoubt = null;
        String t = stripLeading(line);
        if (t.isEmpty() || t.charAt(0) == ';') {
            return;
        }
        switch (t.charAt(0)) {
            case '[':
                keyLine(t, no);
                break;
            case '@':
                valueLine("", t.substring(1), no);
                break;
            case '"':
                Unescaped name = unescape(t, 1, no);
                if (name == null) {
                    skipLine(no, t, "the value name has no closing quote");
                } else {
                    valueLine(name.text(), t.substring(name.end()), no);
                }
                break;
            default:
                skipLine(no, t, "not a [key], \"name\"=data, @=data or ; comment line");
        }
    }

    private void keyLine(String t, int no) {
        int close = t.lastIndexOf(']');
        if (close < 1 || t.charAt(1) == ' ' || t.charAt(1) == '\t') {
            // regedit leaves the previous key open in this case, so later values still land there.
            skipLine(no, t, close < 1 ? "key line without a closing ]" : "key name starts with a blank");
            badKeyLine(no);
            return;
        }
        String name = t.substring(1, close);
        afterBadKeyLine = 0;
        if (name.startsWith("-")) {
            current = null;
            deletion(no);
            deleteKey(name.substring(1), no);
        } else if (hasValidRoot(name)) {
            current = RegistryPaths.normalize(name);
            keys.computeIfAbsent(RegExport.fold(current), k -> new KeyBuilder(current, no));
            sections.add(new Section(current, no));
        } else {
            current = null;
            badKeyLine(no);
            warn(no, "unknown root key in [" + shorten(name) + "]; regedit ignores this section and its"
                    + " values (the root must be spelled out, e.g. HKEY_LOCAL_MACHINE, not HKLM)");
        }
    }

    private void deletion(int no) {
        if (firstDeletion == 0) {
            firstDeletion = no;
        }
    }

    /** A key line regedit skips: values up to the next good one land in the previous key, or nowhere. */
    private void badKeyLine(int no) {
        if (firstBadKeyLine == 0) {
            firstBadKeyLine = no;
        }
        afterBadKeyLine = no;
    }

    private void deleteKey(String target, int no) {
        if (!hasValidRoot(target)) {
            warn(no, "key deletion [-" + shorten(target) + "] ignored: unknown root key");
            return;
        }
        String path = RegistryPaths.normalize(target);
        if (!path.contains("\\")) {
            warn(no, "key deletion [-" + shorten(target) + "] ignored: regedit refuses to delete a root key");
            return;
        }
        keys.values().removeIf(k -> RegistryPaths.startsWithKey(k.path, path));
        deletions.add(new KeyDeletion(path, no));
    }

    private void valueLine(String name, String afterName, int no) {
        String r = stripLeading(afterName);
        if (!r.startsWith("=")) {
            skipValue(no, name, "expected = after the value name");
            return;
        }
        String data = r.substring(1).strip();
        if (data.startsWith("-")) {
            if (isBlankOrComment(data.substring(1))) {
                store(name, null, no);
            } else {
                skipValue(no, name, "unexpected text after =-");
            }
        } else if (data.startsWith("\"")) {
            Unescaped text = unescape(data, 1, no);
            if (text == null) {
                skipValue(no, name, "the string has no closing quote");
            } else if (!isBlankOrComment(data.substring(text.end()))) {
                skipValue(no, name, "unexpected text after the closing quote");
            } else {
                store(name, RegValue.Str.of(cutAtNul(text.text())), no);
            }
        } else if (data.startsWith("dword:")) {
            long dword = dword(data.substring(6));
            if (dword < 0) {
                skipValue(no, name, "dword data must be 1 to 8 hex digits: " + quote(data));
            } else {
                store(name, new RegValue.Dword(dword), no);
            }
        } else if (data.startsWith("hex:")) {
            startHex(name, 3, data.substring(4), no);
        } else if (data.startsWith("hex(")) {
            int close = data.indexOf(')');
            String code = close < 0 ? "" : data.substring(4, close);
            if (code.isEmpty() || code.length() > 8 || !allHex(code) || close + 1 >= data.length()
                    || data.charAt(close + 1) != ':') {
                skipValue(no, name, "malformed hex(type) prefix: " + quote(data));
            } else {
                startHex(name, (int) Long.parseLong(code, 16), data.substring(close + 2), no);
            }
        } else {
            String hint = data.toLowerCase(Locale.ROOT).matches("(dword|hex)[:(].*")
                    ? " (type tags must be lower-case; regedit ignores " + quote(shorten(data)) + ")"
                    : "";
            skipValue(no, name, "unknown data type " + quote(shorten(data)) + hint);
        }
    }

    private void startHex(String name, int type, String data, int no) {
        pending = new PendingHex(name, type, no, escapeDoubt);
        hexChunk(data, no);
    }

    /** Handles a line while hex data awaits continuation; false if the line is not hex (then parsed anew). */
    private boolean continueHex(String line, int no) {
        String t = stripLeading(line);
        if (t.isEmpty() || t.charAt(0) == ';') {
            return true;
        }
        if (!isHexDigit(t.charAt(0))) {
            String name = pending.name;
            int first = pending.line;
            pending = null;
            skipValue(first, name, "its hex data continues on line " + no + " with a line that is not hex");
            return false;
        }
        hexChunk(t, no);
        return true;
    }

    /** Appends comma-separated bytes; finishes the value, waits for more after a trailing {@code \}, or drops it. */
    private void hexChunk(String s, int no) {
        int i = 0;
        int n = s.length();
        while (true) {
            i = skipBlanks(s, i);
            if (i >= n || s.charAt(i) == ';') {
                finishHex();
                return;
            }
            if (s.charAt(i) == '\\') {
                continuation(s, i, no);
                return;
            }
            int start = i;
            while (i < n && isHexDigit(s.charAt(i))) {
                i++;
            }
            if (i == start || i - start > 8 || Long.parseLong(s.substring(start, i), 16) > 0xFF) {
                badHex(s, no);
                return;
            }
            pending.bytes.write(Integer.parseInt(s.substring(start, i), 16));
            i = skipBlanks(s, i);
            if (i >= n || s.charAt(i) == ';') {
                finishHex();
                return;
            }
            if (s.charAt(i) == '\\') {
                continuation(s, i, no);
                return;
            }
            if (s.charAt(i) != ',') {
                badHex(s, no);
                return;
            }
            i++;
        }
    }

    private void continuation(String s, int backslash, int no) {
        if (!isBlankOrComment(s.substring(backslash + 1))) {
            badHex(s, no);
        }
    }

    private void badHex(String s, int no) {
        String name = pending.name;
        int first = pending.line;
        pending = null;
        skipValue(first, name, "malformed hex data " + quote(shorten(s.strip()))
                + (first == no ? "" : " on line " + no));
    }

    private void finishHex() {
        PendingHex p = pending;
        pending = null;
        escapeDoubt = p.nameDoubt;
        store(p.name, hexValue(p.type, p.bytes.toByteArray(), version), p.line);
    }

    /** Windows 3.1 "REGEDIT" files: only {@code HKEY_CLASSES_ROOT\key = text} lines set anything. */
    private void win31Line(String line, int no) {
        if (!line.startsWith("HKEY_CLASSES_ROOT")) {
            if (!line.isBlank()) {
                skipLine(no, line, "a Windows 3.1 registration file only sets HKEY_CLASSES_ROOT lines");
            }
            return;
        }
        int end = 0;
        while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
            end++;
        }
        int v = skipBlanks(line, end);
        if (v < line.length() && line.charAt(v) == '=') {
            v++;
        }
        if (v < line.length() && line.charAt(v) == ' ') {
            v++;
        }
        current = RegistryPaths.normalize(line.substring(0, end));
        keys.computeIfAbsent(RegExport.fold(current), k -> new KeyBuilder(current, no));
        store("", RegValue.Str.of(line.substring(v)), no);
    }

    /**
     * Records a value (null = deleted with {@code =-}); the last line about a value wins. A value read through
     * a doubtful escape, or sitting below a key line regedit skipped, is recorded as unreadable.
     */
    private void store(String name, RegValue value, int no) {
        if (current == null) {
            warn(no, describe(name) + " is not inside a valid key section; regedit ignores it");
            return;
        }
        if (value == null) {
            deletion(no);
        }
        if (escapeDoubt != null) {
            put(new Entry.Unreadable(name, no, escapeDoubt));
        } else if (afterBadKeyLine > 0) {
            warn(no, describe(name) + " follows the key line " + afterBadKeyLine + " that regedit skips; regedit"
                    + " would put it in [" + shorten(RegistryPaths.longForm(current)) + "]; not used");
            put(new Entry.Unreadable(name, no, "it follows line " + afterBadKeyLine
                    + ", a key line regedit skips, so which key it belongs to is unknown"));
        } else {
            put(value == null ? new Entry.Deleted(name, no) : new Entry.Set(name, value, no));
        }
    }

    private void put(Entry entry) {
        keys.get(RegExport.fold(current)).values.put(RegExport.fold(entry.name()), entry);
    }

    private Unescaped unescape(String s, int from, int no) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                return new Unescaped(out.toString(), i + 1);
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i >= s.length()) {
                return null;
            }
            char e = s.charAt(i);
            switch (e) {
                case 'n':
                    out.append('\n');
                    break;
                case 'r':
                    out.append('\r');
                    break;
                case '0':
                    out.append('\0');
                    break;
                case '\\':
                case '"':
                    out.append(e);
                    break;
                default:
                    warn(no, "unknown escape \\" + e + " (write \\\\ for a backslash); regedit reads it as "
                            + e + ", which may not be what was meant");
                    escapeDoubt = "line " + no + " has the unknown escape \\" + e;
                    out.append(e);
            }
        }
        return null;
    }

    private void skipLine(int no, String text, String why) {
        warn(no, "skipped " + quote(shorten(text.strip())) + ": " + why);
    }

    /** A value line regedit skips: warned, and the value becomes unreadable (never absent) in the open key. */
    private void skipValue(int no, String name, String why) {
        warn(no, describe(name) + " skipped: " + why);
        if (current != null) {
            put(new Entry.Unreadable(name, no, why));
        }
    }

    private void warn(int line, String message) {
        if (warnings.size() < MAX_WARNINGS) {
            warnings.add(new EvidenceWarning(source + ":" + line, message));
        } else {
            suppressedWarnings++;
        }
    }

    private static final class KeyBuilder {
        final String path;
        final int line;
        final Map<String, Entry> values = new LinkedHashMap<>();

        KeyBuilder(String path, int line) {
            this.path = path;
            this.line = line;
        }
    }

    private record Unescaped(String text, int end) {
    }

    private static boolean hasValidRoot(String keyName) {
        int cut = keyName.indexOf('\\');
        String root = cut < 0 ? keyName : keyName.substring(0, cut);
        return ROOTS.stream().anyMatch(root::equalsIgnoreCase);
    }
}
