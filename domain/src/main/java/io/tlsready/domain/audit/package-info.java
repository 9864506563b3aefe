/**
 * The audit use case for one host: ask a source for the rule book's facts, identify the OS, evaluate, decide. A
 * fleet of remote hosts is {@code domain.fleet}'s. JDK only; the outside world only through the ports.
 */
package io.tlsready.domain.audit;
