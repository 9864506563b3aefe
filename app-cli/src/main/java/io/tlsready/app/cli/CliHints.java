package io.tlsready.app.cli;

import io.tlsready.domain.port.Hint;
import io.tlsready.domain.port.HintWords;
import io.tlsready.domain.port.RemoteHosts;
import io.tlsready.domain.port.RemoteTarget;
import java.util.Locale;

/**
 * The CLI's words for the domain's {@link Hint}s: its flags and variables. Adapters and the domain name what the
 * user can do ("trust this certificate"); only here does that become {@code --pin-sha256 HEX}, so the same error
 * reaches a REST client in its API's words instead.
 */
final class CliHints {

    static final HintWords WORDS = CliHints::words;

    private CliHints() {
    }

    static String words(Hint hint) {
        if (hint instanceof Hint.UseOfflineEvidence) {
            return "use --snapshot FILE… with evidence exported from the host, or --host NAME";
        }
        if (hint instanceof Hint.PassHives) {
            return "pass registry hives with --hives";
        }
        if (hint instanceof Hint.TrustCertificate h) {
            return "--pin-sha256 " + h.sha256();
        }
        if (hint instanceof Hint.PinnedCertificate) {
            return "--pin-sha256";
        }
        if (hint instanceof Hint.AddCaCertificate) {
            return "--ca-cert FILE";
        }
        if (hint instanceof Hint.CaCertificateFile h) {
            return "--ca-cert " + h.file();
        }
        if (hint instanceof Hint.UseTransport h) {
            return "--transport " + lower(h.transport());
        }
        if (hint instanceof Hint.ChooseAuth h) {
            return h.auth().map(a -> "--auth " + lower(a)).orElse("another --auth");
        }
        if (hint instanceof Hint.GivePassword h) {
            return h.prompt()
                    ? "set " + Passwords.VARIABLE + ", --password-file, or answer the prompt"
                    : "give the password with --password-file or " + Passwords.VARIABLE;
        }
        return hint.neutral();
    }

    /** "Basic over http …; use https, or ntlm (encrypted)": a refusal in the words of an inventory or the options. */
    static String refusal(RemoteTarget.Refusal r) {
        StringBuilder sb = new StringBuilder(r.reason()).append("; use ");
        for (int i = 0; i < r.remedies().size(); i++) {
            Hint h = r.remedies().get(i);
            sb.append(i == 0 ? "" : ", or ");
            if (h instanceof Hint.UseTransport t) {
                sb.append(lower(t.transport()));
            } else if (h instanceof Hint.ChooseAuth c && c.auth().isPresent()) {
                RemoteTarget.Auth a = c.auth().get();
                sb.append(lower(a)).append(a.encryptsOverHttp() ? " (encrypted)" : "");
            } else {
                sb.append(h.neutral());
            }
        }
        return sb.toString();
    }

    /** The WinRM port, its failures worded with the CLI's flags before they reach a report or a progress line. */
    static RemoteHosts worded(RemoteHosts hosts) {
        return RemoteHosts.worded(hosts, WORDS);
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
