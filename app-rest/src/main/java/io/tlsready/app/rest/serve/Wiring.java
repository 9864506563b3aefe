package io.tlsready.app.rest.serve;

import com.google.inject.Module;
import io.tlsready.app.rest.TlsReadyServer;
import io.tlsready.app.rest.scans.CredentialProfiles;
import java.nio.file.Path;

/** The checked options mapped onto the embeddable server's builder: the one place serve meets TlsReadyServer. */
final class Wiring {

    private Wiring() {
    }

    /**
     * The credential profiles of {@code --credentials} (none without it), read before anything is opened.
     *
     * @throws ServeFailure exit 2 when the file cannot be used (missing, readable by others, not the format)
     */
    static CredentialProfiles credentials(ServeSettings settings) {
        return settings.credentials().map(Wiring::profiles).orElse(CredentialProfiles.none());
    }

    /** @param ports the storage ports as the opened store gives them */
    static TlsReadyServer server(ServeSettings settings, Module ports, CredentialProfiles credentials) {
        TlsReadyServer.Builder builder = TlsReadyServer.builder()
                .host(settings.listen().host())
                .port(settings.listen().port())
                .maxRequestBytes(settings.maxRequestBytes())
                .insecureHttp(settings.insecureHttp())
                .allowedHosts(settings.allowedHosts().toArray(String[]::new))
                .storage(ports)
                .credentials(credentials);
        settings.tls().ifPresent(tls -> builder.tls(tls.cert(), tls.key()));
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            // unusable TLS files: one line naming the file
            throw new ServeFailure(ServeFailure.BAD_INPUT, e.getMessage(), e);
        }
    }

    private static CredentialProfiles profiles(Path file) {
        try {
            return CredentialProfiles.load(file);
        } catch (IllegalArgumentException e) {
            throw new ServeFailure(ServeFailure.BAD_INPUT, "--credentials " + e.getMessage(), e);
        }
    }
}
