/**
 * Fixing hosts: the change set a plan's registry writes make on one host, the journal that records every target
 * value's prior state before the first write, applying with read-back and automatic undo, and rollback from a
 * journal. JDK only; a host's registry only through {@code RegistryEditor}, journals only through
 * {@code JournalStore}.
 */
package io.tlsready.domain.fix;
