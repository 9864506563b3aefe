package io.tlsready.domain.port;

import io.tlsready.domain.facts.InstalledUpdates;
import io.tlsready.domain.facts.KeyRef;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.RegistryPaths;
import io.tlsready.domain.facts.SystemInfo;
import io.tlsready.domain.facts.ValueRef;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A host as {@link FactsSourceContract} describes it to an adapter under test: the registry values that
 * exist, the key subtrees the evidence covers (everything under them that is not a present value is
 * absent), and optionally the OS identity and the installed-update list.
 *
 * @param present     values that exist, by reference (view included)
 * @param coveredKeys physical key paths ({@code WOW6432Node} spelled out, {@code CurrentControlSet} as is)
 *                    whose whole subtree the evidence covers; every present value's key lies under one
 * @param systemInfo  the OS identity, if the evidence has one
 * @param updates     the installed-update list, if the evidence has one
 */
public record HostState(
        Map<ValueRef, RegValue> present,
        Set<String> coveredKeys,
        Optional<SystemInfo> systemInfo,
        Optional<InstalledUpdates> updates) {

    public HostState {
        present = Map.copyOf(present);
        Set<String> keys = new LinkedHashSet<>();
        coveredKeys.forEach(k -> keys.add(RegistryPaths.normalize(k)));
        coveredKeys = Set.copyOf(keys);
        for (ValueRef ref : present.keySet()) {
            if (!covers(coveredKeys, ref.physicalKey())) {
                throw new IllegalArgumentException("present value outside every covered key: " + ref);
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** What a correct source says about {@code ref}: PRESENT, ABSENT or NOT_COLLECTED (as {@code Fact.state()}). */
    public String expectedState(ValueRef ref) {
        if (present.containsKey(ref)) {
            return "PRESENT";
        }
        return covers(coveredKeys, ref.physicalKey()) ? "ABSENT" : "NOT_COLLECTED";
    }

    /** A key exists when a present value lies in it or below it; else ABSENT where covered, else NOT_COLLECTED. */
    public String expectedKeyState(KeyRef ref) {
        String physical = ref.physicalKey();
        if (present.keySet().stream().anyMatch(v -> RegistryPaths.startsWithKey(v.physicalKey(), physical))) {
            return "PRESENT";
        }
        return covers(coveredKeys, physical) ? "ABSENT" : "NOT_COLLECTED";
    }

    private static boolean covers(Set<String> keys, String physicalKey) {
        return keys.stream().anyMatch(k -> RegistryPaths.startsWithKey(physicalKey, k));
    }

    public static final class Builder {
        private final Map<ValueRef, RegValue> present = new LinkedHashMap<>();
        private final Set<String> covered = new LinkedHashSet<>();
        private SystemInfo systemInfo;
        private InstalledUpdates updates;

        private Builder() {
        }

        /** A key subtree the evidence covers, in physical spelling. */
        public Builder covered(String physicalKey) {
            covered.add(physicalKey);
            return this;
        }

        /** A present value; its key becomes covered too (a source that has a value has looked at its key). */
        public Builder value(ValueRef ref, RegValue value) {
            present.put(ref, value);
            covered.add(ref.physicalKey());
            return this;
        }

        public Builder systemInfo(SystemInfo info) {
            this.systemInfo = info;
            return this;
        }

        public Builder updates(InstalledUpdates list) {
            this.updates = list;
            return this;
        }

        public HostState build() {
            return new HostState(present, covered, Optional.ofNullable(systemInfo), Optional.ofNullable(updates));
        }
    }
}
