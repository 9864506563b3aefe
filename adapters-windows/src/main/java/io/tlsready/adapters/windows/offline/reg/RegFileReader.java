package io.tlsready.adapters.windows.offline.reg;

import static io.tlsready.adapters.windows.offline.reg.RegFileText.decode;
import static io.tlsready.adapters.windows.offline.reg.RegFileText.firstLine;
import static io.tlsready.adapters.windows.offline.reg.RegFileText.lines;
import static io.tlsready.adapters.windows.offline.reg.RegFileText.quote;
import static io.tlsready.adapters.windows.offline.reg.RegFileText.shorten;
import static io.tlsready.adapters.windows.offline.reg.RegFileText.startsWith;
import static io.tlsready.adapters.windows.offline.reg.RegFileText.stripLeading;
import static io.tlsready.adapters.windows.offline.reg.RegFileText.utf16le;

import io.tlsready.domain.port.EvidenceException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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
 *
 * <p>This class reads the header and hands the lines on: {@link RegFileText} decodes bytes into lines,
 * {@link RegImport} applies them, {@link RegData} turns value data into registry values and {@link ExportShape}
 * decides whether the file is an export or a capture.
 */
public final class RegFileReader {

    static final String HEADER_V5 = "Windows Registry Editor Version 5.00";
    static final String HEADER_V4 = "REGEDIT4";
    private static final String HEADER_WIN31 = "REGEDIT";

    private RegFileReader() {
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
        RegFileText.Decoded decoded = decode(location, bytes);
        List<String> lines = lines(decoded.text());
        String header = lines.get(0);
        Version version = version(header)
                .orElseThrow(() -> new EvidenceException(location, "not a registry script: first line is "
                        + quote(shorten(header)) + " (regedit expects \"" + HEADER_V5 + "\" or \"" + HEADER_V4 + "\")"));
        RegImport parser = new RegImport(fileName(file), version);
        parser.run(lines);
        return parser.result(decoded.encoding(), header.strip()).at(location);
    }

    private static String fileName(Path file) {
        Path name = file.getFileName();
        return name != null ? name.toString() : file.toString();
    }

    /** Which regedit dialect the header announces. */
    enum Version {
        WIN31, V4, V5,
        /** "REGEDIT 4", "REGEDIT4FOO": regedit accepts the file and imports nothing (Wine notes). */
        FUZZY
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
}
