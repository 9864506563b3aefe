package io.tlsready.adapters.windows;

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
 * (duplicate sections merged, the last value line winning), deletions, and the export roots whose
 * subtrees the file covers. Key paths use the short root spelling ({@code HKLM\...}).
 *
 * @param source      the file name, used in origins and warnings ("tls.reg:12")
 * @param encoding    how the bytes were decoded, e.g. "UTF-16LE" or "ANSI (windows-1252)"
 * @param header      the header line as written, e.g. "Windows Registry Editor Version 5.00"
 * @param keys        keys present after the import, in order of first appearance
 * @param deletedKeys {@code [-key]} lines in file order; keys re-created after a deletion are in {@code keys}
 * @param exportRoots keys whose parent key is not in the file: the subtrees this file covers
 * @param warnings    lines regedit would skip, and other doubts, each with {@code file:line}
 */
record RegExport(
        String source,
        String encoding,
        String header,
        List<RegKey> keys,
        List<KeyDeletion> deletedKeys,
        List<String> exportRoots,
        List<EvidenceWarning> warnings) {

    RegExport {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(header, "header");
        keys = List.copyOf(keys);
        deletedKeys = List.copyOf(deletedKeys);
        exportRoots = List.copyOf(exportRoots);
        warnings = List.copyOf(warnings);
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

    /** The last line about one value: it was set, or deleted with {@code "name"=-}. */
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
    }

    /** A {@code [-key]} line: the key and its whole subtree are gone unless re-created later in the file. */
    record KeyDeletion(String path, int line) {
        KeyDeletion {
            Objects.requireNonNull(path, "path");
        }
    }
}
