package io.tlsready.adapters.windows.live;

import io.tlsready.domain.port.EvidenceException;
import io.tlsready.domain.port.FactsSource;
import io.tlsready.domain.port.Hint;
import io.tlsready.domain.port.HintedText;
import io.tlsready.domain.port.LocalMachine;

/**
 * {@link LocalMachine} port. Refers to no JNA type in its own code: everything native sits behind
 * {@link #openWindows()}, which runs only on Windows, so elsewhere the clear error comes without
 * loading (or failing to load) a native library.
 */
final class LocalMachineAdapter implements LocalMachine {

    private final ThisSystem system;

    LocalMachineAdapter() {
        this(ThisSystem.current());
    }

    LocalMachineAdapter(String osName, String osVersion, String osArch) {
        this(new ThisSystem(osName, osVersion, osArch));
    }

    private LocalMachineAdapter(ThisSystem system) {
        this.system = system;
    }

    @Override
    public FactsSource open() {
        if (!system.isWindows()) {
            throw new EvidenceException("this machine", HintedText.of("live registry audit needs Windows (this is "
                    + system.describe() + "); ", new Hint.UseOfflineEvidence()));
        }
        return openWindows();
    }

    private static FactsSource openWindows() {
        String host = System.getenv("COMPUTERNAME");
        return new LiveRegistrySource(host == null || host.isBlank() ? "localhost" : host,
                new JnaRegistryAccess(), new JnaWmiAccess(), NativeWindows.architecture());
    }
}
