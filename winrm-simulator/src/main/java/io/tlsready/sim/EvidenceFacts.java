package io.tlsready.sim;

import com.google.inject.Guice;
import io.tlsready.adapters.windows.hive.HiveEvidenceModule;
import io.tlsready.adapters.windows.offline.OfflineEvidenceModule;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.facts.SystemInfo;
import io.tlsready.domain.port.EvidenceException;
import io.tlsready.domain.port.HiveEvidence;
import io.tlsready.domain.port.OfflineEvidence;
import io.tlsready.domain.rules.book.RuleBook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A simulated host's facts from offline evidence, read exactly as {@code tlsready audit --evidence} reads it
 * (the {@link OfflineEvidence} port for .reg / systeminfo / JSON snapshot files; the {@link HiveEvidence} port, as
 * {@code --hives}, for one folder holding SYSTEM/SOFTWARE hives or a mounted Windows volume), answering the
 * standard rule book's request, so the host serves what the offline audit sees.
 */
public final class EvidenceFacts {

    private EvidenceFacts() {
    }

    /**
     * @throws io.tlsready.domain.port.EvidenceException when a file is unreadable or files contradict each other
     */
    public static HostFacts load(List<Path> files) {
        if (files.size() == 1 && Files.isDirectory(files.get(0))) {
            HiveEvidence hives = Guice.createInjector(new HiveEvidenceModule()).getInstance(HiveEvidence.class);
            return hives.open(files.get(0)).collect(RuleBook.standard().request());
        }
        for (Path f : files) {
            if (Files.isDirectory(f)) {
                throw new EvidenceException(f.toString(), "a hive folder must be the only --evidence argument");
            }
        }
        OfflineEvidence evidence = Guice.createInjector(new OfflineEvidenceModule()).getInstance(OfflineEvidence.class);
        return evidence.open(files).collect(RuleBook.standard().request());
    }

    /** The same facts with another computer name (CSName), for the hosts of a fleet made from one evidence set. */
    public static HostFacts renamed(HostFacts facts, String name) {
        return new HostFacts(name, facts.source(), facts.values(),
                facts.systemInfo().asOptional().map(si -> io.tlsready.domain.facts.Fact.present(
                        new SystemInfo(Optional.of(name), si.osName(), si.version(), si.servicePack(),
                                si.productType(), si.architecture()),
                        "simulated host " + name)).orElse(facts.systemInfo()),
                facts.updates(), facts.provenance(), facts.warnings(), facts.keys());
    }
}
