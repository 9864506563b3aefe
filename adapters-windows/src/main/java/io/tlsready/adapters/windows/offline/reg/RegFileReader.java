package io.tlsready.adapters.windows.offline.reg;

import io.tlsready.adapters.windows.offline.reg.RegExport.Entry;
import io.tlsready.adapters.windows.offline.reg.RegExport.KeyDeletion;
import io.tlsready.adapters.windows.offline.reg.RegExport.RegKey;
import io.tlsready.domain.facts.EvidenceWarning;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.RegistryPaths;
import io.tlsready.domain.port.EvidenceException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a .reg file the way regedit imports it. Wine's regedit ({@code programs/regedit/regproc.c}),
 * which records Windows behaviour in its comments, is the executable spec: lines regedit skips are
 * skipped here too, but each one becomes a warning naming {@code file:line}, because a skipped line in
 * a "fix" file is exactly the silent failure an auditor needs to see. Only a file regedit would refuse
 * outright (no header) is an {@link EvidenceException}; nothing else ever escapes.
 *
 * <p>Deliberate tolerances beyond Wine, all harmless for reading evidence: UTF-8 (with or without BOM),
 * trailing blanks after the header, whitespace before a comma in hex data, and {@code 01,02\}
 * (continuation without the final comma).
 */
public final class RegFileReader {

    static final String HEADER_V5 = "Windows Registry Editor Version 5.00";
    static final String HEADER_V4 = "REGEDIT4";
    private static final String HEADER_WIN31 = "REGEDIT";
    private static final List<String> ROOTS = List.of("HKEY_LOCAL_MACHINE", "HKEY_USERS", "HKEY_CLASSES_ROOT",
            "HKEY_CURRENT_CONFIG", "HKEY_CURRENT_USER", "HKEY_DYN_DATA");
    private static final Charset ANSI = Charset.forName("windows-1252");
    /**
     * Keys every Windows registry has. A file whose root lies above one of them but that lacks it cannot be a
     * whole export of that root: it is a capture that merely starts with a bare hive root such as
     * {@code [HKEY_LOCAL_MACHINE\SOFTWARE]}.
     */
    private static final List<String> ALWAYS_THERE = List.of("HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion",
            "HKLM\\SYSTEM\\Select");
    private static final Pattern CONTROL_SET_ROOT =
            Pattern.compile("(?i)^(HKLM\\\\SYSTEM\\\\(?:CurrentControlSet|ControlSet\\d{3}))(?:\\\\Control)?$");
    /** A garbage file after a valid header must not flood the report. */
    private static final int MAX_WARNINGS = 100;

    private RegFileReader() {
    }

    /** The keys every Windows registry has below {@code root} (short form), which a whole export of it holds. */
    private static List<String> alwaysThere(String root) {
        List<String> keys = new ArrayList<>();
        for (String always : ALWAYS_THERE) {
            if (RegistryPaths.startsWithKey(always, root)) {
                keys.add(always);
            }
        }
        Matcher controlSet = CONTROL_SET_ROOT.matcher(root);
        if (controlSet.matches()) {
            keys.add(controlSet.group(1) + "\\Control\\ProductOptions");
        }
        return keys;
    }

    /** True if the bytes start like a registry script (any header regedit accepts, in any encoding). */
    public static boolean looksLike(byte[] head) {
        String text;
        if (startsWith(head, 0xFF, 0xFE)) {
            text = utf16le(head, 2, head.length - ((head.length - 2) % 2));
        } else if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            text = new String(head, 3, head.length - 3, StandardCharsets.UTF_8);
        } else {
            text = new String(head, StandardCharsets.ISO_8859_1);
        }
        String first = stripLeading(firstLine(text));
        return first.startsWith(HEADER_WIN31) || first.startsWith(HEADER_V5);
    }

    /** Parses a registry script; {@code file} names it in errors, its file name in origins ("tls.reg:12"). */
    public static RegExport parse(Path file, byte[] bytes) {
        String location = file.toString();
        Decoded decoded = decode(location, bytes);
        List<String> lines = lines(decoded.text());
        String header = lines.get(0);
        Version version = version(header)
                .orElseThrow(() -> new EvidenceException(location, "not a registry script: first line is "
                        + quote(shorten(header)) + " (regedit expects \"" + HEADER_V5 + "\" or \"" + HEADER_V4 + "\")"));
        Parser parser = new Parser(fileName(file), version);
        parser.run(lines);
        return parser.result(decoded.encoding(), header.strip());
    }

    private static String fileName(Path file) {
        Path name = file.getFileName();
        return name != null ? name.toString() : file.toString();
    }

    private enum Version {
        WIN31, V4, V5,
        /** "REGEDIT 4", "REGEDIT4FOO": regedit accepts the file and imports nothing (Wine notes). */
        FUZZY
    }

    private record Decoded(String text, String encoding) {
    }

    private static Decoded decode(String location, byte[] b) {
        if (b.length == 0) {
            throw new EvidenceException(location, "not a registry script: the file is empty");
        }
        if (startsWith(b, 0xFF, 0xFE)) {
            if (b.length % 2 != 0) {
                throw new EvidenceException(location, "truncated UTF-16LE text: odd number of bytes ("
                        + b.length + "); the file was cut or is not UTF-16");
            }
            return new Decoded(utf16le(b, 2, b.length), "UTF-16LE");
        }
        if (startsWith(b, 0xFE, 0xFF)) {
            throw new EvidenceException(location, "not a registry script: UTF-16 big-endian text, which regedit"
                    + " refuses; save it as UTF-16LE (\"Unicode\") or ANSI");
        }
        if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
            return new Decoded(new String(b, 3, b.length - 3, StandardCharsets.UTF_8), "UTF-8 (BOM)");
        }
        if (b.length >= 4 && b[0] != 0 && b[1] == 0 && b[2] != 0 && b[3] == 0) {
            throw new EvidenceException(location, "not a registry script: UTF-16 text without a byte-order mark,"
                    + " which regedit refuses; save it as UTF-16LE with BOM (\"Unicode\") or ANSI");
        }
        if (isAscii(b)) {
            return new Decoded(new String(b, StandardCharsets.US_ASCII), "ASCII");
        }
        try {
            String utf8 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b)).toString();
            return new Decoded(utf8, "UTF-8");
        } catch (CharacterCodingException notUtf8) {
            return new Decoded(new String(b, ANSI), "ANSI (windows-1252)");
        }
    }

    /** Lines split at CR, LF or CRLF; a NUL ends a line's content, as in regedit's C strings. */
    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                out.add(cutAtNul(text.substring(start, i)));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < n || out.isEmpty()) {
            out.add(cutAtNul(text.substring(start)));
        }
        return out;
    }

    private static Optional<Version> version(String firstLine) {
        String h = firstLine.strip();
        if (h.equals(HEADER_V5)) {
            return Optional.of(Version.V5);
        }
        if (h.equals(HEADER_V4)) {
            return Optional.of(Version.V4);
        }
        if (h.equals(HEADER_WIN31)) {
            return Optional.of(Version.WIN31);
        }
        return h.startsWith(HEADER_WIN31) ? Optional.of(Version.FUZZY) : Optional.empty();
    }

    /** The import state machine; one instance per file. */
    private static final class Parser {
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

        Parser(String source, Version version) {
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
            String captureWhy = captureWhy();
            List<String> roots = captureWhy.isEmpty() ? List.of(sections.get(0).path()) : List.of();
            if (suppressedWarnings > 0) {
                warnings.add(new EvidenceWarning(source, suppressedWarnings + " more skipped lines not listed"));
            }
            return new RegExport(source, encoding, header, keyList, deletions, roots, captureWhy, warnings);
        }

        /**
         * "" if the file is shaped like {@code reg export} output: its first section is its root, every later section
         * a descendant of that root, in order (depth first: a key before the keys below it, each subtree in one
         * piece, no key twice). Otherwise why it is a capture. Keys the file leaves out between its sections are
         * tolerated; a root above a key every Windows registry has must contain that key.
         */
        private String captureWhy() {
            if (version == Version.WIN31) {
                return "a Windows 3.1 registration file";
            }
            if (sections.isEmpty()) {
                return "it has no key sections";
            }
            if (firstDeletion > 0) {
                return "it deletes keys or values (line " + firstDeletion + "), as a change set does";
            }
            if (firstBadKeyLine > 0) {
                return "line " + firstBadKeyLine + " is a key line regedit skips";
            }
            Section root = sections.get(0);
            String top = RegExport.fold(root.path());
            Set<String> seen = new HashSet<>(Set.of(top));
            Set<String> aboveSeen = new HashSet<>();
            Set<String> left = new HashSet<>();
            String previous = top;
            for (Section s : sections.subList(1, sections.size())) {
                String at = "[" + shorten(RegistryPaths.longForm(s.path())) + "] (line " + s.line() + ")";
                String key = RegExport.fold(s.path());
                if (!RegistryPaths.startsWithKey(key, top)) {
                    return at + " is not below its first section [" + shorten(RegistryPaths.longForm(root.path()))
                            + "]";
                }
                if (!seen.add(key)) {
                    return at + " appears a second time";
                }
                if (aboveSeen.contains(key)) {
                    return at + " comes after a key below it";
                }
                for (String k = previous; !RegistryPaths.startsWithKey(key, k); k = RegistryPaths.parent(k)) {
                    left.add(k);
                }
                for (String k = RegistryPaths.parent(key); k.length() > top.length(); k = RegistryPaths.parent(k)) {
                    if (left.contains(k)) {
                        return at + " comes back below a key the file had already left";
                    }
                    aboveSeen.add(k);
                }
                previous = key;
            }
            for (String always : alwaysThere(root.path())) {
                if (!seen.contains(RegExport.fold(always))) {
                    return "it starts at [" + shorten(RegistryPaths.longForm(root.path())) + "] but lacks ["
                            + RegistryPaths.longForm(always) + "], which every Windows registry has";
                }
            }
            return "";
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
            store(p.name, hexValue(p.type, p.bytes.toByteArray()), p.line);
        }

        private RegValue hexValue(int type, byte[] b) {
            switch (type) {
                case 1:
                case 2:
                    return new RegValue.Str(cutAtNul(text(b)), type == 2);
                case 7:
                    return new RegValue.MultiStr(multiString(text(b)));
                case 4:
                    return b.length == 4 ? new RegValue.Dword(littleEndian(b)) : new RegValue.Raw(type, b);
                case 11:
                    return b.length == 8 ? new RegValue.Qword(littleEndian(b)) : new RegValue.Raw(type, b);
                default:
                    return new RegValue.Raw(type, b);
            }
        }

        /** String data in hex form is UTF-16LE in version 5 files and ANSI in REGEDIT4 ones. */
        private String text(byte[] b) {
            return version == Version.V5 ? utf16le(b, 0, b.length - b.length % 2) : new String(b, ANSI);
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

    private static final class PendingHex {
        final String name;
        final int type;
        final int line;
        /** Why the value's name is doubtful (an unknown escape), or null. */
        final String nameDoubt;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        PendingHex(String name, int type, int line, String nameDoubt) {
            this.name = name;
            this.type = type;
            this.line = line;
            this.nameDoubt = nameDoubt;
        }
    }

    /** A {@code [key]} line as written, for the export-shape check. */
    private record Section(String path, int line) {
    }

    private record Unescaped(String text, int end) {
    }

    /** 1 to 8 hex digits, blanks around, optional {@code ;comment}; -1 if malformed. */
    private static long dword(String s) {
        int i = skipBlanks(s, 0);
        int start = i;
        while (i < s.length() && isHexDigit(s.charAt(i))) {
            i++;
        }
        if (i == start || i - start > 8 || !isBlankOrComment(s.substring(i))) {
            return -1;
        }
        return Long.parseLong(s.substring(start, i), 16);
    }

    /** REG_MULTI_SZ: strings up to the first empty one, as Windows reads the list. */
    private static List<String> multiString(String s) {
        List<String> out = new ArrayList<>();
        for (String part : s.split("\0", -1)) {
            if (part.isEmpty()) {
                break;
            }
            out.add(part);
        }
        return out;
    }

    private static long littleEndian(byte[] b) {
        long v = 0;
        for (int i = b.length - 1; i >= 0; i--) {
            v = (v << 8) | (b[i] & 0xFF);
        }
        return v;
    }

    private static boolean hasValidRoot(String keyName) {
        int cut = keyName.indexOf('\\');
        String root = cut < 0 ? keyName : keyName.substring(0, cut);
        return ROOTS.stream().anyMatch(root::equalsIgnoreCase);
    }

    private static String utf16le(byte[] b, int from, int to) {
        char[] chars = new char[Math.max(0, (to - from) / 2)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) ((b[from + 2 * i] & 0xFF) | (b[from + 2 * i + 1] & 0xFF) << 8);
        }
        return new String(chars);
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(byte[] b) {
        for (byte x : b) {
            if (x < 0) {
                return false;
            }
        }
        return true;
    }

    private static String firstLine(String text) {
        int end = 0;
        while (end < text.length() && text.charAt(end) != '\r' && text.charAt(end) != '\n') {
            end++;
        }
        return text.substring(0, end);
    }

    private static String cutAtNul(String s) {
        int nul = s.indexOf('\0');
        return nul < 0 ? s : s.substring(0, nul);
    }

    private static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean allHex(String s) {
        return s.chars().allMatch(c -> isHexDigit((char) c));
    }

    private static int skipBlanks(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static String stripLeading(String s) {
        return s.substring(skipBlanks(s, 0));
    }

    private static boolean isBlankOrComment(String s) {
        String t = stripLeading(s);
        return t.isEmpty() || t.charAt(0) == ';';
    }

    private static String describe(String valueName) {
        return valueName.isEmpty() ? "default value @" : "value " + quote(valueName);
    }

    /** Quoted for a one-line message, control characters made visible. */
    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            boolean invisible = c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0xFFFD || Character.isSurrogate(c);
            b.append(invisible ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return b.append('"').toString();
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
