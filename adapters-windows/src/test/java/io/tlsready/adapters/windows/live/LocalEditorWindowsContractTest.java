package io.tlsready.adapters.windows.live;

import io.tlsready.domain.port.RegistryEditor;
import io.tlsready.domain.port.RegistryEditorContract;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The editor contract against this Windows machine's registry, through JNA, under throwaway keys
 * {@code HKLM\SOFTWARE\tlsready-contract-*} that each test removes. Needs an elevated account and an x64 (or ARM64)
 * Windows, which has the 32-bit view the contract writes.
 */
@EnabledOnOs(OS.WINDOWS)
class LocalEditorWindowsContractTest extends RegistryEditorContract {

    @Override
    protected RegistryEditor editor() {
        return new LocalEditorAdapter().open();
    }
}
