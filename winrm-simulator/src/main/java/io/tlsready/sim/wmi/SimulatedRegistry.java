package io.tlsready.sim.wmi;

import io.tlsready.domain.facts.Fact;
import io.tlsready.domain.facts.KeyRef;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.RegistryPaths;
import io.tlsready.domain.facts.ValueRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The part of a host's registry that its facts describe, in physical paths (32-bit values under their explicit
 * {@code SOFTWARE\WOW6432Node\…} path, {@code HKLM\SYSTEM\CurrentControlSet} as the live control set).
 *
 * <p>Rules, per physical key, over the facts of the values requested in it:
 * <ul>
 * <li>a PRESENT fact is a value of that type;</li>
 * <li>a key whose requested values are all NOT_COLLECTED is <b>denied</b>: StdRegProv answers ReturnValue 5, so a
 *     remote client reports those values NOT_COLLECTED too;</li>
 * <li>otherwise the key <b>exists</b> if a value in it is PRESENT or NOT_COLLECTED, or an ABSENT fact's origin says
 *     the key is there without the value ({@link #KEY_EXISTS}: "has the key without this value", "value not found",
 *     "deletes the value", …); an ABSENT origin that says nothing, or that the key is missing, leaves it missing
 *     (ReturnValue 2). Either way a remote client reports those values ABSENT;</li>
 * <li>a NOT_COLLECTED value in an existing key is listed by EnumValues (as REG_SZ) and its getters answer 5, so it
 *     stays NOT_COLLECTED remotely;</li>
 * <li>every ancestor of an existing or denied key exists (with no values of its own), so EnumKey walks down to it.</li>
 * </ul>
 * A real host differs in ways no evidence shows: other values and subkeys exist, access is denied per key (by ACL),
 * not per value, and ControlSet00N paths are not aliased to CurrentControlSet here.
 */
final class SimulatedRegistry {

    /** ABSENT origins that say the key exists and only the value is missing (offline readers' wording). */
    static final Pattern KEY_EXISTS = Pattern.compile(
            "(?i)(without this value|value not found|value not set|default value not set|deletes the value"
                    + "|value is not there|no such value)");

    /**
     * Keys every Windows install has, whatever its evidence shows: without them a fix on a simulated host would create
     * (and its rollback remove) {@code SecurityProviders\SCHANNEL}, which no real host lacks.
     */
    static final List<String> ALWAYS_PRESENT = List.of(
            "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL");

    private final Map<String, Key> keys = new LinkedHashMap<>();

    /** One key: its display spelling, values (name, case-insensitive) and values that were never collected. */
    static final class Key {
        private final String path;
        private final TreeMap<String, RegValue> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private final TreeSet<String> uncollected = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        private boolean denied;

        Key(String path) {
            this.path = path;
        }

        String path() {
            return path;
        }

        boolean denied() {
            return denied;
        }

        /** Values by name in name order. */
        Map<String, RegValue> values() {
            return Collections.unmodifiableMap(values);
        }

        boolean uncollected(String name) {
            return uncollected.contains(name);
        }

        /** Names for EnumValues: present values and uncollected ones. */
        List<String> names() {
            TreeSet<String> all = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            all.addAll(values.keySet());
            all.addAll(uncollected);
            return new ArrayList<>(all);
        }
    }

    SimulatedRegistry(Map<ValueRef, Fact<RegValue>> facts) {
        Map<String, List<Map.Entry<ValueRef, Fact<RegValue>>>> byKey = new LinkedHashMap<>();
        Map<String, String> spelling = new LinkedHashMap<>();
        facts.entrySet().stream()
                .sorted(Map.Entry.comparingByKey((a, b) -> a.toString().compareToIgnoreCase(b.toString())))
                .forEach(e -> {
                    String physical = RegistryPaths.normalize(e.getKey().physicalKey());
                    String k = upper(physical);
                    byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(e);
                    spelling.putIfAbsent(k, physical);
                });
        for (Map.Entry<String, List<Map.Entry<ValueRef, Fact<RegValue>>>> e : byKey.entrySet()) {
            build(spelling.get(e.getKey()), e.getValue());
        }
        ALWAYS_PRESENT.forEach(this::create);
    }

    /** Values as above, plus keys known to exist (PRESENT) or whose parent was never collected (denied). */
    SimulatedRegistry(Map<ValueRef, Fact<RegValue>> facts, Map<KeyRef, Fact<String>> keyFacts) {
        this(facts);
        keyFacts.forEach((ref, fact) -> {
            String physical = RegistryPaths.normalize(ref.physicalKey());
            if (fact.isPresent()) {
                keyAt(physical);
                addAncestors(physical);
            } else if (!fact.isCollected() && !keys.containsKey(upper(RegistryPaths.parent(physical)))) {
                keyAt(RegistryPaths.parent(physical)).denied = true;
                addAncestors(RegistryPaths.parent(physical));
            }
        });
    }

    private void build(String path, List<Map.Entry<ValueRef, Fact<RegValue>>> entries) {
        boolean anyPresent = false;
        boolean anyUncollected = false;
        boolean absentSaysKeyExists = false;
        boolean allUncollected = true;
        for (Map.Entry<ValueRef, Fact<RegValue>> e : entries) {
            Fact<RegValue> f = e.getValue();
            if (f instanceof Fact.Present<RegValue> p) {
                anyPresent = true;
                allUncollected = false;
            } else if (f instanceof Fact.Absent<RegValue> a) {
                allUncollected = false;
                absentSaysKeyExists |= KEY_EXISTS.matcher(a.origin()).find();
            } else {
                anyUncollected = true;
            }
        }
        if (allUncollected) {
            keyAt(path).denied = true;
            addAncestors(path);
            return;
        }
        if (!anyPresent && !anyUncollected && !absentSaysKeyExists) {
            return;
        }
        Key key = keyAt(path);
        for (Map.Entry<ValueRef, Fact<RegValue>> e : entries) {
            String name = e.getKey().name();
            Fact<RegValue> f = e.getValue();
            if (f instanceof Fact.Present<RegValue> p) {
                key.values.putIfAbsent(name, p.value());
            } else if (f instanceof Fact.NotCollected) {
                key.uncollected.add(name);
            }
        }
        addAncestors(path);
    }

    private Key keyAt(String path) {
        return keys.computeIfAbsent(upper(path), k -> new Key(path));
    }

    private void addAncestors(String path) {
        for (String p = RegistryPaths.parent(path); p.contains("\\"); p = RegistryPaths.parent(p)) {
            keyAt(p);
        }
    }

    /** The key at a physical path ({@code HKLM\…}), if it exists or is denied. */
    Optional<Key> key(String path) {
        return Optional.ofNullable(keys.get(upper(RegistryPaths.normalize(path))));
    }

    /** Direct subkey names of an existing key, in the spelling of the evidence. */
    List<String> subkeys(String path) {
        String prefix = upper(RegistryPaths.normalize(path)) + "\\";
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Key> e : keys.entrySet()) {
            String k = e.getKey();
            if (k.startsWith(prefix) && k.indexOf('\\', prefix.length()) < 0) {
                String display = e.getValue().path;
                out.add(display.substring(display.lastIndexOf('\\') + 1));
            }
        }
        out.sort(String.CASE_INSENSITIVE_ORDER);
        return out;
    }

    int keyCount() {
        return keys.size();
    }

    /** Every key, sorted by path segment by segment, case-insensitively (ties: by spelling), for an export. */
    List<Key> sortedKeys() {
        List<Key> out = new ArrayList<>(keys.values());
        out.sort((a, b) -> {
            String[] x = a.path.split("\\\\");
            String[] y = b.path.split("\\\\");
            for (int i = 0; i < Math.min(x.length, y.length); i++) {
                int c = x[i].compareToIgnoreCase(y[i]);
                if (c == 0) {
                    c = x[i].compareTo(y[i]);
                }
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(x.length, y.length);
        });
        return out;
    }

    /** The nearest key at or above {@code path} that exists (or is denied), if any. */
    Optional<Key> nearest(String path) {
        for (String p = RegistryPaths.normalize(path); p.contains("\\"); p = RegistryPaths.parent(p)) {
            Optional<Key> k = key(p);
            if (k.isPresent()) {
                return k;
            }
        }
        return Optional.empty();
    }

    /** Creates the key and every missing ancestor (CreateKey); an existing key is left as it is. */
    Key create(String path) {
        String normal = RegistryPaths.normalize(path);
        addAncestors(normal);
        return keyAt(normal);
    }

    /** Whether an existing key has subkeys. */
    boolean hasSubkeys(String path) {
        return !subkeys(path).isEmpty();
    }

    /** Removes a key (with its values); the caller checked it has no subkeys. */
    void delete(String path) {
        keys.remove(upper(RegistryPaths.normalize(path)));
    }

    /** Sets a value in an existing key (it is readable from now on). */
    static void set(Key key, String name, RegValue value) {
        key.uncollected.remove(name);
        key.values.put(name, value);
    }

    /** Removes a value; false when the key has no such value. */
    static boolean remove(Key key, String name) {
        boolean had = key.uncollected.remove(name);
        return key.values.remove(name) != null || had;
    }

    private static String upper(String path) {
        return path.toUpperCase(Locale.ROOT);
    }
}
