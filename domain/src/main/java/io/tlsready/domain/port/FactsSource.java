package io.tlsready.domain.port;

import io.tlsready.domain.facts.FactsRequest;
import io.tlsready.domain.facts.HostFacts;

/**
 * Outgoing port: collects exactly the facts a request names, from one host's evidence
 * (live registry, offline files, a remote host). Implementations never interpret the facts.
 */
public interface FactsSource {

    /** A short description for reports and errors: a host name or file list. */
    String describe();

    /**
     * @throws EvidenceException when the evidence cannot be read at all (one line, naming the file or host)
     */
    HostFacts collect(FactsRequest request);
}
