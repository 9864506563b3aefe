package io.tlsready.domain.port;

import io.tlsready.domain.testing.Hosts;
import io.tlsready.domain.testing.InMemoryHost;

/** The in-memory editor that the fix use case's tests stand on passes the contract every editor passes. */
class InMemoryRegistryEditorTest extends RegistryEditorContract {

    @Override
    protected RegistryEditor editor() {
        return InMemoryHost.of(Hosts.windows("2012R2").x64().build()).editor();
    }
}
