package io.tlsready.domain.facts;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the rule book needs from a host: the registry values (in their views), and whether it wants
 * the OS identity and the installed-update list. Every source answers the same request, so adding a
 * rule never means touching the adapters.
 */
public record FactsRequest(Set<ValueRef> values, boolean systemInfo, boolean installedUpdates) {

    public FactsRequest {
        values = Set.copyOf(new LinkedHashSet<>(values));
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
