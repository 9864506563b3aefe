package io.tlsready.domain.port;

import java.nio.file.Path;

/**
 * Outgoing port: a Windows installation's registry hive files (SYSTEM and SOFTWARE, with their transaction
 * logs) as a facts source. A hive is the whole registry, so everything the rule book asks for is PRESENT or
 * ABSENT; only a missing hive file or damaged cells make a fact NOT_COLLECTED.
 */
public interface HiveEvidence {

    /**
     * @param dir a folder holding SYSTEM and/or SOFTWARE (any case), or a mounted Windows volume root
     *            (its {@code Windows/System32/config} is found in any case)
     * @throws EvidenceException when no hive is found or a hive is unreadable
     */
    FactsSource open(Path dir);
}
