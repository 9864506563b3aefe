package io.tlsready.domain.port;

/** Outgoing port: the registry of the machine the tool runs on, for writing (Windows only, both views). */
public interface LocalEditor {

    /** @throws EvidenceException on a non-Windows system, saying so */
    RegistryEditor open();
}
