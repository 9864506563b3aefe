package io.tlsready.adapters.windows.live;

import io.tlsready.domain.port.RegistryEditor;
import io.tlsready.domain.port.RegistryEditorContract;

/** The editor contract over the native registry faked as Windows answers: the mapping layer, on every OS. */
class LocalEditorFakeNativeContractTest extends RegistryEditorContract {

    private final FakeNativeRegistry registry = new FakeNativeRegistry();

    @Override
    protected RegistryEditor editor() {
        return new LocalRegistryEditor("WS01", registry, registry, true);
    }
}
