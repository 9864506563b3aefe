/**
 * What a rule is and what it returns: the rule contract, its context, findings with their evidence, and the rule
 * identifiers. JDK only; the rules themselves are in {@code rules.book}.
 */
package io.tlsready.domain.rules;
