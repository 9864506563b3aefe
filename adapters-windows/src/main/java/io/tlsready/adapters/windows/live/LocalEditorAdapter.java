package io.tlsready.adapters.windows.live;

import io.tlsready.domain.facts.Architecture;
import io.tlsready.domain.port.EvidenceException;
import io.tlsready.domain.port.LocalEditor;
import io.tlsready.domain.port.RegistryEditor;
import java.util.Locale;
import java.util.Objects;

/**
 * {@link LocalEditor} port. Refers to no JNA type in its own code: everything native sits behind
 * {@link #openWindows()}, which runs only on Windows, so elsewhere the clear error comes without loading (or failing
 * to load) a native library.
 */
final class LocalEditorAdapter implements LocalEditor {

    private final String osName;
    private final String osVersion;
    private final String osArch;

    LocalEditorAdapter() {
        this(System.getProperty("os.name", "unknown OS"), System.getProperty("os.version", ""),
                System.getProperty("os.arch", ""));
    }

    LocalEditorAdapter(String osName, String osVersion, String osArch) {
        this.osName = Objects.requireNonNull(osName, "osName");
        this.osVersion = Objects.requireNonNull(osVersion, "osVersion");
        this.osArch = Objects.requireNonNull(osArch, "osArch");
    }

    @Override
    public RegistryEditor open() {
        if (!osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
            String system = (osName + " " + osVersion + " " + osArch).strip().replaceAll("\\s+", " ");
            throw new EvidenceException("this machine", "writing the local registry needs Windows (this is "
                    + system + "); fix the host over WinRM instead, or print the plan as a .reg or .ps1 file");
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
