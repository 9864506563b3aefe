package io.tlsready.domain.testing;

import io.tlsready.domain.facts.Fact;
import io.tlsready.domain.facts.FactsRequest;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.facts.KeyRef;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.RegistryPaths;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.port.FactsSource;
import io.tlsready.domain.port.RegistryEditException;
import io.tlsready.domain.port.RegistryEditor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A host whose registry lives in memory: a facts source for the audit and a {@link RegistryEditor} for fixes,
 * seeded from {@link Hosts} facts. Two faults, as the simulator has them: writes denied under a key, and one
 * write that loses the connection. Not thread-safe; one test, one host.
 */
public final class InMemoryHost implements FactsSource {

    private final HostFacts seed;
    private final Set<KeyRef> keys = new LinkedHashSet<>();
    private final Map<ValueRef, RegValue> values = new LinkedHashMap<>();
    private final Set<ValueRef> notCollected = new LinkedHashSet<>();
    private final List<String> deniedUnder = new ArrayList<>();
    private int writesBeforeDrop = -1;
    private int writes;
    private int collects;

    private InMemoryHost(HostFacts seed) {
        this.seed = seed;
        seed.values().forEach((ref, fact) -> {
            if (fact instanceof Fact.Present<RegValue> p) {
                values.put(ref, p.value());
                addKeyAndParents(new KeyRef(ref.key(), ref.view()));
            } else if (!fact.isCollected()) {
                notCollected.add(ref);
            }
        });
        seed.keys().forEach((ref, fact) -> {
            if (fact.isPresent()) {
                addKeyAndParents(ref);
            }
        });
    }

    public static InMemoryHost of(HostFacts facts) {
        return new InMemoryHost(facts);
    }

    /** Every write (create, set, delete) under {@code key} answers access denied. */
    public InMemoryHost denyWritesUnder(String key) {
        deniedUnder.add(RegistryPaths.normalize(key).toLowerCase(Locale.ROOT));
        return this;
    }

    /** After {@code n} successful writes, the next write loses the connection (once; it is not applied). */
    public InMemoryHost dropAfterWrites(int n) {
        writesBeforeDrop = n;
        return this;
    }

    /** How many times the host was audited. */
    public int collects() {
        return collects;
    }

    /** The whole registry as sorted lines ({@code key [view] name = TYPE display}), to compare states exactly. */
    public List<String> dump() {
        TreeMap<String, String> lines = new TreeMap<>();
        keys.forEach(k -> lines.put(k.key().toLowerCase(Locale.ROOT) + " [" + k.view() + "]", ""));
        values.forEach((ref, v) -> lines.put(ref.key().toLowerCase(Locale.ROOT) + " [" + ref.view() + "] "
                + ref.name().toLowerCase(Locale.ROOT), v.typeName() + " " + v.display()));
        List<String> out = new ArrayList<>();
        lines.forEach((k, v) -> out.add(v.isEmpty() ? k : k + " = " + v));
        return out;
    }

    public Optional<RegValue> value(ValueRef ref) {
        return Optional.ofNullable(values.get(ref));
    }

    @Override
    public String describe() {
        return seed.host() + " (in memory)";
    }

    @Override
    public HostFacts collect(FactsRequest request) {
        collects++;
        Map<ValueRef, Fact<RegValue>> answered = new LinkedHashMap<>();
        for (ValueRef ref : request.values()) {
            RegValue v = values.get(ref);
            if (v != null) {
                answered.put(ref, Fact.present(v, "memory"));
            } else if (notCollected.contains(ref)) {
                answered.put(ref, Fact.notCollected("not collected in the seed"));
            } else {
                answered.put(ref, Fact.absent("memory"));
            }
        }
        Map<KeyRef, Fact<String>> keyFacts = new LinkedHashMap<>();
        for (KeyRef k : request.keys()) {
            keyFacts.put(k, keys.contains(k) ? Fact.present(k.key(), "memory") : Fact.absent("memory"));
        }
        return new HostFacts(seed.host(), describe(), answered, seed.systemInfo(), seed.updates(), seed.provenance(),
                seed.warnings(), keyFacts);
    }

    /** An editor of this host; closing it changes nothing. */
    public RegistryEditor editor() {
        return new Editor();
    }

    private void addKeyAndParents(KeyRef key) {
        String path = key.key();
        while (path.indexOf('\\') > 0 && path.indexOf('\\') != path.lastIndexOf('\\')) {
            keys.add(new KeyRef(path, key.view()));
            path = RegistryPaths.parent(path);
        }
    }

    private final class Editor implements RegistryEditor {

        @Override
        public String host() {
            return seed.host();
        }

        @Override
        public Optional<RegValue> read(ValueRef ref) {
            return Optional.ofNullable(values.get(ref));
        }

        @Override
        public boolean keyExists(KeyRef key) {
            return keys.contains(key);
        }

        @Override
        public KeyContents contents(KeyRef key) {
            if (!keys.contains(key)) {
                throw new RegistryEditException(host(), key.key(), RegistryEditException.Cause.KEY_MISSING,
                        "key not found");
            }
            List<String> subkeys = keys.stream().filter(k -> k.view() == key.view()
                    && RegistryPaths.parent(k.key()).equalsIgnoreCase(key.key())).map(KeyRef::leaf).toList();
            List<String> names = values.keySet().stream().filter(v -> v.view() == key.view()
                    && v.key().equalsIgnoreCase(key.key())).map(ValueRef::name).toList();
            return new KeyContents(subkeys, names);
        }

        @Override
        public void createKey(KeyRef key) {
            beforeWrite(key.key());
            addKeyAndParents(key);
        }

        @Override
        public void write(ValueRef ref, RegValue value) {
            beforeWrite(ref.key());
            if (!keys.contains(new KeyRef(ref.key(), ref.view()))) {
                throw new RegistryEditException(host(), ref.key(), RegistryEditException.Cause.KEY_MISSING,
                        "key not found");
            }
            values.put(ref, value);
        }

        @Override
        public void deleteValue(ValueRef ref) {
            beforeWrite(ref.key());
            values.remove(ref);
        }

        @Override
        public void deleteKey(KeyRef key) {
            beforeWrite(key.key());
            if (keys.contains(key) && !contents(key).subkeys().isEmpty()) {
                throw new RegistryEditException(host(), key.key(), RegistryEditException.Cause.OTHER,
                        "key has subkeys");
            }
            values.keySet().removeIf(v -> v.view() == key.view() && v.key().equalsIgnoreCase(key.key()));
            keys.remove(key);
        }

        @Override
        public void close() {
        }

        private void beforeWrite(String key) {
            String lower = key.toLowerCase(Locale.ROOT);
            if (deniedUnder.stream().anyMatch(d -> lower.equals(d) || lower.startsWith(d + "\\"))) {
                throw new RegistryEditException(host(), key, RegistryEditException.Cause.ACCESS_DENIED,
                        "access denied");
            }
            if (writesBeforeDrop >= 0 && writes == writesBeforeDrop) {
                writesBeforeDrop = -1;
                throw new RegistryEditException(host(), key, RegistryEditException.Cause.CONNECTION,
                        "connection reset");
            }
            writes++;
        }
    }
}
