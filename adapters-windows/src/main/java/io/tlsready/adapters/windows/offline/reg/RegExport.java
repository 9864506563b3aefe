package io.tlsready.adapters.windows.offline.reg;

import io.tlsready.domain.facts.EvidenceWarning;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.RegistryPaths;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One .reg file as regedit would leave the registry after importing it: the keys in file order
 * (duplicate sections merged, the last value line winning), deletions, and what the file vouches for.
 * Key paths use the short root spelling ({@code HKLM\...}).
 *
 * <p>Only a file shaped like {@code reg export} output (design.md, "Offline snapshot semantics") vouches for
 * absence below its root; any other file is a capture and vouches only for the values it lists.
 *
 * @param source      the file name, used in origins and warnings ("tls.reg:12")
 * @param encoding    how the bytes were decoded, e.g. "UTF-16LE" or "ANSI (windows-1252)"
 * @param header      the header line as written, e.g. "Windows Registry Editor Version 5.00"
 * @param keys        keys present after the import, in order of first appearance
 * @param deletedKeys {@code [-key]} lines in file order; keys re-created after a deletion are in {@code keys}
 * @param exportRoots the subtree the file covers: its root when it is shaped like an export, else empty
 * @param captureWhy  why the file is taken as a capture ("" for an export), e.g. "deletes values (line 7)"
 * @param warnings    lines regedit would skip, and other doubts, each with {@code file:line}
 * @param path        the file as given (a path), for the file and line evidence carries (SARIF); {@code source}
 *                    when only the name is known
 */
public record RegExport(
        String source,
        String encoding,
        String header,
        List<RegKey> keys,
        List<KeyDeletion> deletedKeys,
        List<String> exportRoots,
        String captureWhy,
        List<EvidenceWarning> warnings,
        String path) {

    /** How evidence lines name a capture's origin (issue 8): the file vouches for nothing it does not list. */
    public static final String CAPTURE = "capture: lists only its own values";

    public RegExport {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(header, "header");
        keys = List.copyOf(keys);
        deletedKeys = List.copyOf(deletedKeys);
        exportRoots = List.copyOf(exportRoots);
        Objects.requireNonNull(captureWhy, "captureWhy");
        if (exportRoots.size() > 1 || exportRoots.isEmpty() == captureWhy.isEmpty()) {
            throw new IllegalArgumentException("an export has one root and no capture reason; a capture the reverse");
        }
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(path, "path");
    }

    /** A file known by its name only. */
    public RegExport(String source, String encoding, String header, List<RegKey> keys, List<KeyDeletion> deletedKeys,
            List<String> exportRoots, String captureWhy, List<EvidenceWarning> warnings) {
        this(source, encoding, header, keys, deletedKeys, exportRoots, captureWhy, warnings, source);
    }

    /** This file, read from {@code path}. */
    public RegExport at(String path) {
        return new RegExport(source, encoding, header, keys, deletedKeys, exportRoots, captureWhy, warnings, path);
    }

    /** True if the file is shaped like {@code reg export} output and so vouches for absence below its root. */
    public boolean isExport() {
        return !exportRoots.isEmpty();
    }

    /** The key with this path (any case, either root spelling), if the file leaves it in the registry. */
    Optional<RegKey> key(String path) {
        String wanted = fold(RegistryPaths.normalize(path));
        return keys.stream().filter(k -> fold(k.path()).equals(wanted)).findFirst();
    }

    /** Registry names compare case-insensitively; this is the folded form used as a map key. */
    static String fold(String name) {
        return name.toUpperCase(Locale.ROOT);
    }

    /** A key section (all sections of the same key merged) and its values by folded name. */
    record RegKey(String path, int line, Map<String, Entry> values) {
        RegKey {
            Objects.requireNonNull(path, "path");
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        Optional<Entry> value(String name) {
            return Optional.ofNullable(values.get(fold(name)));
        }
    }

    /** The last line about one value: it was set, deleted with {@code "name"=-}, or could not be read. */
    sealed interface Entry {
        String name();

        int line();

        record Set(String name, RegValue value, int line) implements Entry {
            public Set {
                Objects.requireNonNull(name, "name");
                Objects.requireNonNull(value, "value");
            }
        }

        record Deleted(String name, int line) implements Entry {
            public Deleted {
                Objects.requireNonNull(name, "name");
            }
        }

        /** A line regedit would skip: the file names the value, but what it says cannot be known. */
        record Unreadable(String name, int line, String why) implements Entry {
            public Unreadable {
                Objects.requireNonNull(name, "name");
                Objects.requireNonNull(why, "why");
            }
        }
    }

    /** A {@code [-key]} line: the key and its whole subtree are gone unless re-created later in the file. */
    record KeyDeletion(String path, int line) {
        KeyDeletion {
            Objects.requireNonNull(path, "path");
        }
    }
}
