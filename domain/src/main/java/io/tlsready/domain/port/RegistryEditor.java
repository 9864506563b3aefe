package io.tlsready.domain.port;

import io.tlsready.domain.facts.KeyRef;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.ValueRef;
import java.util.List;
import java.util.Optional;

/**
 * Outgoing port: one host's registry (HKLM), read and written value by value, for {@code fix} and {@code rollback}.
 * Every call goes to the host (nothing is cached), so a read after a write is a real read-back. Views are explicit:
 * a {@link ValueRef} in the WOW64 view is written through the 32-bit view, never by spelling out WOW6432Node.
 *
 * <p>Failures are {@link RegistryEditException}s that say which key and why (access denied, key missing, the
 * connection lost); the editor never retries a write on its own.
 */
public interface RegistryEditor extends AutoCloseable {

    /** The host as reports name it. */
    String host();

    /** The value as it is now; empty when the value (or its key) does not exist. */
    Optional<RegValue> read(ValueRef ref);

    /** Whether the key exists. */
    boolean keyExists(KeyRef key);

    /** The names of the key's subkeys and values (the key must exist). */
    KeyContents contents(KeyRef key);

    /** Creates the key and any missing parents; a key that exists is left as it is. */
    void createKey(KeyRef key);

    /** Writes the value with its type (the key must exist). */
    void write(ValueRef ref, RegValue value);

    /** Deletes the value; a value that does not exist is not an error. */
    void deleteValue(ValueRef ref);

    /** Deletes an empty key (no subkeys); a key that does not exist is not an error. */
    void deleteKey(KeyRef key);

    @Override
    void close();

    /** What a key holds, by name. */
    record KeyContents(List<String> subkeys, List<String> values) {
        public KeyContents {
            subkeys = List.copyOf(subkeys);
            values = List.copyOf(values);
        }

        public boolean isEmpty() {
            return subkeys.isEmpty() && values.isEmpty();
        }
    }
}
