package io.tlsready.app.rest.scans;

import io.tlsready.domain.port.Hint;
import io.tlsready.domain.port.HintWords;
import java.util.Locale;

/**
 * What a scan's reader can change, in this service's words: the fields of a credential profile (in the server's
 * credentials file) or of the scan's inventory, never a command-line flag.
 */
final class ScanHints {

    static final HintWords WORDS = ScanHints::words;

    private ScanHints() {
    }

    static String words(Hint hint) {
        if (hint instanceof Hint.TrustCertificate h) {
            return "\"pinSha256\": \"" + h.sha256() + "\" in the credential profile";
        }
        if (hint instanceof Hint.PinnedCertificate) {
            return "the credential profile's pinSha256";
        }
        if (hint instanceof Hint.AddCaCertificate) {
            return "a caBundle in the credential profile";
        }
        if (hint instanceof Hint.CaCertificateFile) {
            return "the credential profile's caBundle";
        }
        if (hint instanceof Hint.UseTransport h) {
            return "transport " + h.transport().name().toLowerCase(Locale.ROOT)
                    + " (in the credential profile or the inventory)";
        }
        if (hint instanceof Hint.ChooseAuth h) {
            return h.auth().map(a -> "auth " + a.name().toLowerCase(Locale.ROOT)).orElse("another auth")
                    + " (in the credential profile or the inventory)";
        }
        if (hint instanceof Hint.GivePassword) {
            return "the credential profile's password";
        }
        return hint.neutral();
    }
}
