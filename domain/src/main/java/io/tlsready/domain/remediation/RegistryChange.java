package io.tlsready.domain.remediation;

import io.tlsready.domain.facts.ValueRef;
import java.util.Objects;
import java.util.Optional;

/**
 * One DWORD write that fixes a FAIL. {@code SET} writes {@code operand}; {@code OR_BITS} keeps the bits
 * already there except {@code clearBits} and adds {@code operand} (rule R16: DefaultSecureProtocols =
 * (existing with the SSL bits 0x8/0x20 cleared) OR 0x800).
 *
 * @param before    the DWORD seen in the evidence, empty when absent, not collected or not a DWORD
 * @param reason    the rule and why, one line
 * @param clearBits bits an OR_BITS change removes from the existing value; 0 for SET
 */
public record RegistryChange(ValueRef ref, Operation operation, long operand, Optional<Long> before,
        long defaultWhenAbsent, String reason, long clearBits) {

    public enum Operation { SET, OR_BITS }

    public RegistryChange {
        Objects.requireNonNull(ref);
        Objects.requireNonNull(operation);
        Objects.requireNonNull(before);
        Objects.requireNonNull(reason);
        if ((clearBits & operand) != 0) {
            throw new IllegalArgumentException("a change cannot clear the bits it sets");
        }
    }

    public static RegistryChange set(ValueRef ref, long value, Optional<Long> before, String reason) {
        return new RegistryChange(ref, Operation.SET, value, before, 0, reason, 0);
    }

    /** Adds bits; when the value is absent, starts from {@code defaultWhenAbsent} (the value to write then). */
    public static RegistryChange orBits(ValueRef ref, long bits, Optional<Long> before, long defaultWhenAbsent,
            String reason) {
        return updateBits(ref, 0, bits, before, defaultWhenAbsent, reason);
    }

    /**
     * Clears {@code clear}, then adds {@code bits}, keeping every other bit; when the value is absent (or its
     * old value unknown), writes {@code defaultWhenAbsent | bits}.
     */
    public static RegistryChange updateBits(ValueRef ref, long clear, long bits, Optional<Long> before,
            long defaultWhenAbsent, String reason) {
        return new RegistryChange(ref, Operation.OR_BITS, bits, before, defaultWhenAbsent & ~clear, reason, clear);
    }

    /** The DWORD this change writes, computed from the evidence. */
    public long after() {
        if (operation == Operation.SET) {
            return operand;
        }
        return before.map(b -> (b & ~clearBits) | operand).orElse(defaultWhenAbsent | operand);
    }
}
