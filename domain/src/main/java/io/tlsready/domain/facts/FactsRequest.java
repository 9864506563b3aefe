package io.tlsready.domain.facts;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the rule book needs from a host: the registry values (in their views), and whether it wants
 * the OS identity and the installed-update list, and the keys whose mere existence matters. Every source answers the same request, so adding a
 * rule never means touching the adapters.
 */
public record FactsRequest(Set<ValueRef> values, boolean systemInfo, boolean installedUpdates, Set<KeyRef> keys) {

    public FactsRequest {
        values = Set.copyOf(new LinkedHashSet<>(values));
        keys = Set.copyOf(new LinkedHashSet<>(keys));
    }

    /** A request for values (and OS identity, updates) only, no key existence. */
    public FactsRequest(Set<ValueRef> values, boolean systemInfo, boolean installedUpdates) {
        this(values, systemInfo, installedUpdates, Set.of());
    }

    /** The distinct key paths (native spelling) the request touches, with their view. */
    public Set<String> physicalKeys() {
        Set<String> keys = new LinkedHashSet<>();
        for (ValueRef ref : values) {
            keys.add(ref.physicalKey());
        }
        return keys;
    }
}
