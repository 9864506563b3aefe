package io.tlsready.adapters.windows.live;

import io.tlsready.domain.facts.RegistryView;
import java.util.List;

/**
 * Writes and lists this machine's HKLM in an explicit view, answering Win32 error codes as they are. The seam
 * between the JNA calls (Windows only) and their meaning for the editor (tested everywhere). Uses only JDK types,
 * so loading it loads no JNA. Every {@code subKey} is a path below HKLM.
 */
interface RegistryEdits {

    /** ERROR_SUCCESS. */
    int OK = 0;
    /** ERROR_FILE_NOT_FOUND: the key (or value) does not exist. */
    int NOT_FOUND = 2;
    /** ERROR_PATH_NOT_FOUND: a parent key does not exist. */
    int PATH_NOT_FOUND = 3;
    /** ERROR_ACCESS_DENIED. */
    int ACCESS_DENIED = 5;

    /** Whether the key can be opened for reading: {@link #OK}, {@link #NOT_FOUND} or another error. */
    int openKey(String subKey, RegistryView view);

    /** The key's subkey and value names, or the error that stopped the listing. */
    Listing list(String subKey, RegistryView view);

    /** RegCreateKeyEx: the key and any missing parents; an existing key is left as it is. */
    int createKey(String subKey, RegistryView view);

    /** RegSetValueEx on an existing key. */
    int setValue(String subKey, RegistryView view, String name, int type, byte[] data);

    /** RegDeleteValue; {@link #NOT_FOUND} when the key or the value does not exist. */
    int deleteValue(String subKey, RegistryView view, String name);

    /** RegDeleteKeyEx (the key must have no subkeys); {@link #NOT_FOUND} when it does not exist. */
    int deleteKey(String subKey, RegistryView view);

    /** The text Windows gives for an error code, for messages. */
    String describe(int error);

    /** The outcome of listing a key. */
    record Listing(int error, List<String> subkeys, List<String> values) {
        public Listing {
            subkeys = List.copyOf(subkeys);
            values = List.copyOf(values);
        }

        static Listing failed(int error) {
            return new Listing(error, List.of(), List.of());
        }
    }
}
