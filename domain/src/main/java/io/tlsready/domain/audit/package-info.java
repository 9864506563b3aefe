/**
 * The audit use cases: one host (ask a source for the rule book's facts, identify the OS, evaluate, decide) and a
 * fleet of remote hosts. JDK only; the outside world only through the ports.
 */
package io.tlsready.domain.audit;
