/**
 * The journal of a fix ({@code tlsready.journal/v1}): each target value's prior state and what was written, the
 * keys created, and how to reach the host again. A value of its own so that the {@code JournalStore} port and the
 * fix use case share it without depending on each other. JDK only; uses facts and rule ids.
 */
package io.tlsready.domain.journal;
