package io.tlsready.domain.facts;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one source learned about one host, answering a {@link FactsRequest}.
 * A value the request did not ask for is NOT_COLLECTED.
 */
public record HostFacts(
        String host,
        String source,
        Map<ValueRef, Fact<RegValue>> values,
        Fact<SystemInfo> systemInfo,
        Fact<InstalledUpdates> updates,
        List<Provenance> provenance,
        List<EvidenceWarning> warnings) {

    public HostFacts {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(source, "source");
        values = Map.copyOf(values);
        Objects.requireNonNull(systemInfo, "systemInfo");
        Objects.requireNonNull(updates, "updates");
        provenance = List.copyOf(provenance);
        warnings = List.copyOf(warnings);
    }

    /** The same facts with these registry values instead (e.g. a plan applied to them). */
    public HostFacts withValues(Map<ValueRef, Fact<RegValue>> newValues) {
        return new HostFacts(host, source, newValues, systemInfo, updates, provenance, warnings);
    }

    public Fact<RegValue> value(ValueRef ref) {
        Fact<RegValue> f = values.get(ref);
        return f != null ? f : Fact.notCollected("not requested from " + source);
    }
}
