package io.tlsready.domain.rules;

import io.tlsready.domain.facts.KeyRef;
import io.tlsready.domain.facts.ValueRef;
import java.util.List;
import java.util.Set;

/** One rule of the rule book: declares the facts it needs and turns them into a finding. Pure. */
public interface Rule {

    RuleId id();

    /** A one-line statement of what must be true, e.g. "SChannel TLS 1.2 client is enabled". */
    String title();

    /** The sources the rule implements. */
    List<Source> sources();

    /** The registry values the rule reads; the union over all rules is the FactsRequest. */
    Set<ValueRef> needs();

    /**
     * Every registry value the rule's fixes may write. {@code plan --verify} accepts a .reg file only if it writes
     * nothing else, so a fix that writes a value not listed here would be flagged as foreign.
     */
    default Set<ValueRef> writes() {
        return Set.of();
    }

    /** The registry keys whose existence the rule reads. */
    default Set<KeyRef> needsKeys() {
        return Set.of();
    }

    /** Whether the rule needs the installed-update list. */
    default boolean needsUpdates() {
        return false;
    }

    Finding evaluate(RuleContext ctx);
}
