package io.tlsready.domain.remediation;

import io.tlsready.domain.facts.ValueRef;
import java.util.Objects;
import java.util.Optional;

/**
 * One DWORD write that fixes a FAIL. {@code SET} writes {@code operand}; {@code OR_BITS} keeps the bits
 * already there and adds {@code operand} (rule R16: DefaultSecureProtocols = existing OR 0x800).
 *
 * @param before the DWORD seen in the evidence, empty when absent or not a DWORD
 * @param reason the rule and why, one line
 */
public record RegistryChange(ValueRef ref, Operation operation, long operand, Optional<Long> before,
        long defaultWhenAbsent, String reason) {

    public enum Operation { SET, OR_BITS }

    public RegistryChange {
        Objects.requireNonNull(ref);
        Objects.requireNonNull(operation);
        Objects.requireNonNull(before);
        Objects.requireNonNull(reason);
    }

    public static RegistryChange set(ValueRef ref, long value, Optional<Long> before, String reason) {
        return new RegistryChange(ref, Operation.SET, value, before, 0, reason);
    }

    /** Adds bits; when the value is absent, starts from {@code defaultWhenAbsent} (the value to write then). */
    public static RegistryChange orBits(ValueRef ref, long bits, Optional<Long> before, long defaultWhenAbsent,
            String reason) {
        return new RegistryChange(ref, Operation.OR_BITS, bits, before, defaultWhenAbsent, reason);
    }

    /** The DWORD this change writes, computed from the evidence. */
    public long after() {
        if (operation == Operation.SET) {
            return operand;
        }
        return before.map(b -> b | operand).orElse(defaultWhenAbsent | operand);
    }
}
