package io.tlsready.adapters.windows.live;

import java.util.Locale;
import java.util.Objects;

/**
 * The operating system the tool runs on, as the JVM names it: whether the live room can work here, and how a
 * refusal names the system ("Linux 6.1 amd64"). Read without loading JNA.
 */
record ThisSystem(String osName, String osVersion, String osArch) {

    ThisSystem {
        Objects.requireNonNull(osName, "osName");
        Objects.requireNonNull(osVersion, "osVersion");
        Objects.requireNonNull(osArch, "osArch");
    }

    static ThisSystem current() {
        return new ThisSystem(System.getProperty("os.name", "unknown OS"), System.getProperty("os.version", ""),
                System.getProperty("os.arch", ""));
    }

    boolean isWindows() {
        return osName.toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /** Name, version and architecture on one line. */
    String describe() {
        return (osName + " " + osVersion + " " + osArch).strip().replaceAll("\\s+", " ");
    }
}
