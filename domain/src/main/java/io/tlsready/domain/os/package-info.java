/**
 * Which Windows release a host runs, from its registry and systeminfo facts, with the rule book's identification
 * gotchas. JDK only.
 */
package io.tlsready.domain.os;
