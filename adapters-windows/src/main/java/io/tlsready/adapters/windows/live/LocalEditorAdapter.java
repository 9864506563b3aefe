package io.tlsready.adapters.windows.live;

import io.tlsready.domain.facts.Architecture;
import io.tlsready.domain.port.EvidenceException;
import io.tlsready.domain.port.LocalEditor;
import io.tlsready.domain.port.RegistryEditor;

/**
 * {@link LocalEditor} port. Refers to no JNA type in its own code: everything native sits behind
 * {@link #openWindows()}, which runs only on Windows, so elsewhere the clear error comes without loading (or failing
 * to load) a native library.
 */
final class LocalEditorAdapter implements LocalEditor {

    private final ThisSystem system;

    LocalEditorAdapter() {
        this(ThisSystem.current());
    }

    LocalEditorAdapter(String osName, String osVersion, String osArch) {
        this(new ThisSystem(osName, osVersion, osArch));
    }

    private LocalEditorAdapter(ThisSystem system) {
        this.system = system;
    }

    @Override
    public RegistryEditor open() {
        if (!system.isWindows()) {
            throw new EvidenceException("this machine", "writing the local registry needs Windows (this is "
                    + system.describe() + "); fix the host over WinRM instead, or print the plan as a .reg or .ps1 file");
        }
        return openWindows();
    }

    private static RegistryEditor openWindows() {
        String host = System.getenv("COMPUTERNAME");
        boolean wow64 = NativeWindows.architecture().map(Architecture::hasWow64View).orElse(false);
        return new LocalRegistryEditor(host == null || host.isBlank() ? "localhost" : host, new JnaRegistryAccess(),
                new JnaRegistryEdits(), wow64);
    }
}
