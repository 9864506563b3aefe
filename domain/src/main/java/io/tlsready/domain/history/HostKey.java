package io.tlsready.domain.history;

import java.util.Locale;

/**
 * How reports are grouped into one host's history. Windows names are case-insensitive ({@code SRV01} and
 * {@code srv01} are one machine), so the key is the name in lower case (ROOT locale: no Turkish dotless i);
 * the history shows the name as each report gave it.
 */
public final class HostKey {

    private HostKey() {
    }

    public static String of(String host) {
        return host.strip().toLowerCase(Locale.ROOT);
    }
}
