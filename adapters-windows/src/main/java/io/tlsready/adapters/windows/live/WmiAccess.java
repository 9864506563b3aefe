package io.tlsready.adapters.windows.live;

import java.util.List;
import java.util.Map;

/**
 * This machine's WMI (root\CIMV2), reduced to the two queries the facts need. A seam like
 * {@link RegistryAccess}: JDK types only, so the mapping to facts is tested on any OS.
 */
interface WmiAccess {

    /** Properties of the single Win32_OperatingSystem instance by name: String, Integer or null. */
    Map<String, Object> operatingSystem();

    /** Win32_QuickFixEngineering.HotFixID of every row, as WMI spells them. */
    List<String> hotFixIds();

    /** WMI could not answer (service stopped, timeout, COM error); the message is one line. */
    final class WmiException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WmiException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
