/**
 * What a source says about a host: registry values and keys, OS identity and installed updates, each a fact that is
 * PRESENT, ABSENT or NOT_COLLECTED with its origin. JDK only.
 */
package io.tlsready.domain.facts;
