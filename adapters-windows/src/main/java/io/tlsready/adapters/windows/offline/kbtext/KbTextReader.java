package io.tlsready.adapters.windows.offline.kbtext;

import io.tlsready.domain.facts.InstalledUpdates;
import io.tlsready.domain.port.EvidenceException;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Entry point for text evidence about OS identity and installed updates: systeminfo, wmic qfe,
 * Get-HotFix (table, CSV, list) and wesng update lists, in any encoding Windows writes them in.
 */
public final class KbTextReader {

    /** Far above any real systeminfo/qfe dump (the largest in the corpus is ~120 KB). */
    static final int MAX_BYTES = 32 * 1024 * 1024;
    /** looksLike only decodes this much. */
    private static final int SNIFF_BYTES = 64 * 1024;

    private KbTextReader() {
    }

    /** Cheap content sniff: is this one of the text kinds {@link #read} understands? Never throws. */
    public static boolean looksLike(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return false;
        }
        try {
            byte[] head = bytes.length > SNIFF_BYTES ? Arrays.copyOf(bytes, SNIFF_BYTES) : bytes;
            List<String> lines = lines(KbTextDecoder.decode("sniff", head).text());
            return SystemInfoText.looksLike(SystemInfoText.sections(lines)) || HotFixText.looksLike(lines)
                    || SystemInfoCsv.looksLike(lines);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Reads one file. Throws only {@link EvidenceException}, with a one-line message naming the file.
     *
     * @param file  used for messages and warning locations only
     * @param bytes the file content
     */
    public static KbEvidence read(Path file, byte[] bytes) {
        String location = String.valueOf(file);
        try {
            return parse(location, bytes);
        } catch (EvidenceException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // Defence in depth for the CLI contract (exit 2 with a message); the fuzz test calls parse()
            // directly so that such a bug still fails the build.
            throw new EvidenceException(location, "cannot be read as systeminfo / wmic qfe / Get-HotFix text ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** {@link #read} without the safety net; each listed KB with the line that lists it (issue 13). */
    static KbEvidence parse(String location, byte[] bytes) {
        KbTextDecoder.Decoded decoded = bytes == null || bytes.length > MAX_BYTES ? null
                : KbTextDecoder.decode(location, bytes);
        KbEvidence ev = parseLines(location, bytes, decoded);
        if (ev.updates().isEmpty()) {
            return ev;
        }
        Map<String, Integer> at = new HashMap<>();
        List<String> lines = lines(decoded.text());
        for (int i = 0; i < lines.size(); i++) {
            for (String kb : InstalledUpdates.findAll(lines.get(i))) {
                at.putIfAbsent(kb, i + 1);
            }
        }
        at.keySet().retainAll(ev.updates().get().kbs());
        return new KbEvidence(ev.kind(), ev.systemInfo(), ev.updates().map(u -> u.withLines(at)), ev.warnings());
    }

    private static KbEvidence parseLines(String location, byte[] bytes, KbTextDecoder.Decoded decoded) {
        if (bytes == null) {
            throw new EvidenceException(location, "no content");
        }
        if (bytes.length > MAX_BYTES) {
            throw new EvidenceException(location, "too large for systeminfo / wmic qfe / Get-HotFix text ("
                    + bytes.length + " bytes)");
        }
        List<String> lines = lines(decoded.text());
        if (lines.stream().allMatch(String::isBlank)) {
            throw new EvidenceException(location, "no text, only blank lines (" + decoded.encoding()
                    + "); an empty wmic qfe or systeminfo redirection?");
        }
        List<SystemInfoText.Section> sections = SystemInfoText.sections(lines);
        if (SystemInfoText.looksLike(sections)) {
            return SystemInfoText.parse(location, sections);
        }
        Optional<List<String>> csv = SystemInfoCsv.toListLines(location, lines);
        if (csv.isPresent()) {
            return SystemInfoText.parse(location, SystemInfoText.sections(csv.get()));
        }
        Optional<KbEvidence> qfe = HotFixText.parse(location, lines);
        if (qfe.isPresent()) {
            return qfe.get();
        }
        throw new EvidenceException(location, "not systeminfo, wmic qfe, Get-HotFix or update-list text"
                + " (read as " + decoded.encoding() + "; first line: '" + firstLine(lines) + "')");
    }

    /**
     * Lines of the text. "\r\r\n" (wmic output redirected through cmd on XP) is one line break; a leading
     * BOM character (a UTF-8 BOM inside UTF-16, or a BOM that followed an 8-bit prefix) is dropped.
     */
    static List<String> lines(String text) {
        String t = text.replace("\uFEFF", "").replace("\u0000", "").replace("\r\r\n", "\n");
        return List.of(t.split("\r\n|\r|\n", -1));
    }

    private static String firstLine(List<String> lines) {
        for (String l : lines) {
            if (!l.isBlank()) {
                String t = l.strip();
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < t.length() && sb.length() < 60; i++) {
                    char c = t.charAt(i);
                    sb.append(Character.isISOControl(c) || Character.isSurrogate(c) ? '?' : c);
                }
                return t.length() > 60 ? sb + "..." : sb.toString();
            }
        }
        return "";
    }
}
