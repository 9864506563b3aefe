package io.tlsready.domain.fix;

import io.tlsready.domain.facts.KeyRef;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.plan.Plan;
import io.tlsready.domain.remediation.RegistryChange;
import io.tlsready.domain.rules.RuleId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The change set of one host: the plan's registry writes and nothing else, in a fixed order (the plan's: by key
 * path, then value name), each with the value it writes given what the host holds now. A bit update ({@code OR_BITS}) is
 * computed from the live value read just before the journal is written, not from the evidence of the audit.
 */
final class WriteOrder {

    private WriteOrder() {
    }

    /** One planned write. */
    record Planned(RegistryChange change, RuleId rule) {
        ValueRef ref() {
            return change.ref();
        }

        /** The DWORD to write when the value now holds {@code now}. */
        RegValue.Dword target(Optional<RegValue> now) {
            Optional<Long> current = now.filter(RegValue.Dword.class::isInstance)
                    .map(v -> ((RegValue.Dword) v).value());
            RegistryChange live = new RegistryChange(change.ref(), change.operation(), change.operand(), current,
                    change.defaultWhenAbsent(), change.reason(), change.clearBits());
            return new RegValue.Dword(live.after());
        }
    }

    static List<Planned> of(Plan plan) {
        List<Planned> out = new ArrayList<>();
        for (RegistryChange c : plan.changes()) {
            out.add(new Planned(c, plan.ruleOf(c).orElseThrow(
                    () -> new IllegalStateException("plan change without its rule: " + c.ref()))));
        }
        return out;
    }

    /** The key and its parents below the hive (HKLM\SOFTWARE, HKLM\SYSTEM always exist), shallowest first. */
    static List<KeyRef> keyAndParents(KeyRef key) {
        String[] segments = key.key().split("\\\\");
        List<KeyRef> chain = new ArrayList<>();
        for (int n = 3; n <= segments.length; n++) {
            chain.add(new KeyRef(String.join("\\", java.util.Arrays.copyOf(segments, n)), key.view()));
        }
        return chain;
    }
}
