package io.tlsready.adapters.windows.live;

import io.tlsready.domain.facts.RegistryView;

/**
 * Reads one value of this machine's HKLM in an explicit view. The seam between the JNA calls (Windows only)
 * and the mapping to facts (tested everywhere). Uses only JDK and own types, so loading it loads no JNA.
 */
interface RegistryAccess {

    /** @param subKey path below HKLM, e.g. {@code SOFTWARE\Microsoft\.NETFramework\v4.0.30319} */
    Read read(String subKey, String name, RegistryView view);

    /** The outcome of one RegOpenKeyEx + RegQueryValueEx. */
    sealed interface Read {
    }

    record Found(int type, byte[] data) implements Read {
        public Found {
            data = data.clone();
        }
    }

    record KeyMissing() implements Read {
    }

    record ValueMissing() implements Read {
    }

    /** Any other Win32 error, e.g. 5 (access denied). */
    record Failed(int error, String message) implements Read {
    }
}
