package io.tlsready.domain.port;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a person can give or do about a problem, named without any app's words: an adapter or the domain says
 * "trust this certificate" or "use the https transport", and each app words it as its users know it (the CLI
 * as its flags, the REST API as its request fields) through {@link HintWords}. So no error of the hexagon's core
 * names a command-line flag that an HTTP client does not have.
 */
public sealed interface Hint {

    /** The words used where no app has its own: plain, naming no flag and no field. */
    String neutral();

    /** This machine cannot be read live: audit evidence exported from the host, or the host remotely. */
    record UseOfflineEvidence() implements Hint {
        @Override
        public String neutral() {
            return "audit evidence exported from the host, or the host itself over WinRM";
        }
    }

    /** The file is a registry hive (or as large as one): hand it over as hives, not as text evidence. */
    record PassHives() implements Hint {
        @Override
        public String neutral() {
            return "pass registry hives as hives";
        }
    }

    /** Trust exactly the host certificate with this SHA-256 (lower-case hex). */
    record TrustCertificate(String sha256) implements Hint {
        public TrustCertificate {
            Objects.requireNonNull(sha256, "sha256");
        }

        @Override
        public String neutral() {
            return "a pin on SHA-256 " + sha256;
        }
    }

    /** The setting that pins the host certificate by its SHA-256. */
    record PinnedCertificate() implements Hint {
        @Override
        public String neutral() {
            return "the pinned SHA-256";
        }
    }

    /** Add a CA certificate (PEM) to the trusted ones. */
    record AddCaCertificate() implements Hint {
        @Override
        public String neutral() {
            return "a CA certificate file";
        }
    }

    /** The CA certificate file that was given, by name. */
    record CaCertificateFile(String file) implements Hint {
        public CaCertificateFile {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public String neutral() {
            return "CA certificate file " + file;
        }
    }

    /** Connect with this transport instead. */
    record UseTransport(RemoteTarget.Transport transport) implements Hint {
        public UseTransport {
            Objects.requireNonNull(transport, "transport");
        }

        @Override
        public String neutral() {
            return "the " + transport.name().toLowerCase(Locale.ROOT) + " transport";
        }
    }

    /** Choose another authentication; this one when given. */
    record ChooseAuth(Optional<RemoteTarget.Auth> auth) implements Hint {
        public ChooseAuth {
            Objects.requireNonNull(auth, "auth");
        }

        @Override
        public String neutral() {
            return auth.map(a -> a.name().toLowerCase(Locale.ROOT) + " authentication")
                    .orElse("another authentication");
        }
    }

    /**
     * Give the account's password.
     *
     * @param prompt whether being asked for it interactively is one of the ways
     */
    record GivePassword(boolean prompt) implements Hint {
        @Override
        public String neutral() {
            return "give the password";
        }
    }
}
