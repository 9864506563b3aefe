package io.tlsready.adapters.windows.live;

import io.tlsready.domain.port.EvidenceException;
import io.tlsready.domain.port.FactsSource;
import io.tlsready.domain.port.Hint;
import io.tlsready.domain.port.HintedText;
import io.tlsready.domain.port.LocalMachine;
import java.util.Locale;
import java.util.Objects;

/**
 * {@link LocalMachine} port. Refers to no JNA type in its own code: everything native sits behind
 * {@link #openWindows()}, which runs only on Windows, so elsewhere the clear error comes without
 * loading (or failing to load) a native library.
 */
final class LocalMachineAdapter implements LocalMachine {

    private final String osName;
    private final String osVersion;
    private final String osArch;

    LocalMachineAdapter() {
        this(System.getProperty("os.name", "unknown OS"), System.getProperty("os.version", ""),
                System.getProperty("os.arch", ""));
    }

    LocalMachineAdapter(String osName, String osVersion, String osArch) {
        this.osName = Objects.requireNonNull(osName, "osName");
        this.osVersion = Objects.requireNonNull(osVersion, "osVersion");
        this.osArch = Objects.requireNonNull(osArch, "osArch");
    }

    @Override
    public FactsSource open() {
        if (!osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
            String system = (osName + " " + osVersion + " " + osArch).strip().replaceAll("\\s+", " ");
            throw new EvidenceException("this machine", HintedText.of("live registry audit needs Windows (this is "
                    + system + "); ", new Hint.UseOfflineEvidence()));
        }
        return openWindows();
    }

    private static FactsSource openWindows() {
        String host = System.getenv("COMPUTERNAME");
        return new LiveRegistrySource(host == null || host.isBlank() ? "localhost" : host,
                new JnaRegistryAccess(), new JnaWmiAccess(), NativeWindows.architecture());
    }
}
