package io.tlsready.domain.facts;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one source learned about one host, answering a {@link FactsRequest}.
 * A value or key the request did not ask for is NOT_COLLECTED. {@code keys}: PRESENT (the key exists, with its
 * path as the source spelled it), ABSENT or NOT_COLLECTED, per key asked about.
 */
public record HostFacts(
        String host,
        String source,
        Map<ValueRef, Fact<RegValue>> values,
        Fact<SystemInfo> systemInfo,
        Fact<InstalledUpdates> updates,
        List<Provenance> provenance,
        List<EvidenceWarning> warnings,
        Map<KeyRef, Fact<String>> keys) {

    public HostFacts {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(source, "source");
        values = Map.copyOf(values);
        Objects.requireNonNull(systemInfo, "systemInfo");
        Objects.requireNonNull(updates, "updates");
        provenance = List.copyOf(provenance);
        warnings = List.copyOf(warnings);
        keys = Map.copyOf(keys);
    }

    /** Facts without key-existence answers (sources and tests that were not asked about keys). */
    public HostFacts(String host, String source, Map<ValueRef, Fact<RegValue>> values, Fact<SystemInfo> systemInfo,
            Fact<InstalledUpdates> updates, List<Provenance> provenance, List<EvidenceWarning> warnings) {
        this(host, source, values, systemInfo, updates, provenance, warnings, Map.of());
    }

    /** The same facts with these key answers. */
    public HostFacts withKeys(Map<KeyRef, Fact<String>> newKeys) {
        return new HostFacts(host, source, values, systemInfo, updates, provenance, warnings, newKeys);
    }

    /** Whether a key exists; NOT_COLLECTED when the source was not asked. */
    public Fact<String> key(KeyRef ref) {
        Fact<String> f = keys.get(ref);
        return f != null ? f : Fact.notCollected("not requested from " + source);
    }

    /** The same facts with these registry values instead (e.g. a plan applied to them). */
    public HostFacts withValues(Map<ValueRef, Fact<RegValue>> newValues) {
        return new HostFacts(host, source, newValues, systemInfo, updates, provenance, warnings, keys);
    }

    public Fact<RegValue> value(ValueRef ref) {
        Fact<RegValue> f = values.get(ref);
        return f != null ? f : Fact.notCollected("not requested from " + source);
    }
}
