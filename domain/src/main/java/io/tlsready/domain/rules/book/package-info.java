/**
 * The rule book: one class per TLS 1.2 readiness rule, each with its sources. A new rule is added here. JDK only.
 */
package io.tlsready.domain.rules.book;
