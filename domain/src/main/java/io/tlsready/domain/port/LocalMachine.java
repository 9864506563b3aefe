package io.tlsready.domain.port;

/** Outgoing port: the registry and update list of the machine the tool runs on (Windows only). */
public interface LocalMachine {

    /** @throws EvidenceException on a non-Windows system, saying so */
    FactsSource open();
}
