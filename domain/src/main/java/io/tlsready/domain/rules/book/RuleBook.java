package io.tlsready.domain.rules.book;

import io.tlsready.domain.facts.FactsRequest;
import io.tlsready.domain.facts.KeyRef;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.os.OsIdentifier;
import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.Rule;
import io.tlsready.domain.rules.RuleContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The whole rule book, in report order. Pure: the same facts always give the same findings. */
public final class RuleBook {

    private final List<Rule> rules;

    private RuleBook(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Every rule of design.md, core rules first. */
    public static RuleBook standard() {
        return new RuleBook(List.of(
                new OsSupported(), new OsTls12Update(), new SchannelTls12Client(), new WinHttpDefaultSecureProtocols(),
                new NetFxVersion(), new NetFx4StrongCrypto(),
                new NetFx35StrongCrypto(), new SchannelTls12Server(), new SchannelLegacyEnabledValue(),
                new FipsPolicy(), new CipherSuites(), new KeyExchange(), new DheLeadingZero(), new MarsAgent(),
                new AzureRootCas()));
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The facts every source must answer for this rule book. */
    public FactsRequest request() {
        Set<ValueRef> values = new LinkedHashSet<>(OsIdentifier.NEEDS);
        Set<KeyRef> keys = new LinkedHashSet<>();
        boolean updates = false;
        for (Rule r : rules) {
            values.addAll(r.needs());
            keys.addAll(r.needsKeys());
            updates |= r.needsUpdates();
        }
        return new FactsRequest(values, true, updates, keys);
    }

    /** Every registry value some rule's fix may write: all a planned .reg file may contain. */
    public Set<ValueRef> writable() {
        Set<ValueRef> values = new LinkedHashSet<>();
        rules.forEach(r -> values.addAll(r.writes()));
        return values;
    }

    public List<Finding> evaluate(RuleContext ctx) {
        return rules.stream().map(r -> r.evaluate(ctx)).toList();
    }
}
