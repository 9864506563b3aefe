package io.tlsready.adapters.windows.offline.kbtext;

import io.tlsready.domain.facts.EvidenceWarning;
import io.tlsready.domain.facts.InstalledUpdates;
import io.tlsready.domain.facts.SystemInfo;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one systeminfo / wmic qfe / Get-HotFix / update-list text file says.
 *
 * @param kind       {@link #SYSTEMINFO}, {@link #WMIC_QFE}, {@link #GET_HOTFIX} or {@link #UPDATE_LIST}
 * @param systemInfo OS identity (systeminfo only)
 * @param updates    the installed-update list, present whenever the file holds one (possibly empty)
 * @param warnings   what was skipped or is doubtful, with file:line
 */
public record KbEvidence(String kind, Optional<SystemInfo> systemInfo, Optional<InstalledUpdates> updates,
                  List<EvidenceWarning> warnings) {

    static final String SYSTEMINFO = "systeminfo";
    static final String WMIC_QFE = "wmic-qfe";
    static final String GET_HOTFIX = "get-hotfix";
    /** wesng's "KBnnnn: title" list of updates Windows Update offers, i.e. NOT installed ones. */
    static final String UPDATE_LIST = "update-list";

    public KbEvidence {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(systemInfo, "systemInfo");
        Objects.requireNonNull(updates, "updates");
        warnings = List.copyOf(warnings);
    }
}
