package io.tlsready.domain.port;

import java.nio.file.Path;
import java.util.List;

/**
 * Outgoing port: turns evidence files that all describe ONE host (.reg exports, systeminfo,
 * wmic qfe / Get-HotFix text, JSON snapshots) into a facts source. Contradictions between files
 * are an {@link EvidenceException}, never a silent pick.
 */
public interface OfflineEvidence {

    /** @throws EvidenceException if a file is unreadable, of unknown kind, or contradicts another */
    FactsSource open(List<Path> files);
}
