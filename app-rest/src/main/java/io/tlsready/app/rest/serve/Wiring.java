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
        if (settings.tls().isPresent()) {
            throw ServeFailure.badInput("--tls-cert: this build cannot serve HTTPS yet (the guard room adds it); "
                    + "listen on loopback behind a TLS proxy meanwhile");
        }
        return TlsReadyServer.builder()
                .host(settings.listen().host())
                .port(settings.listen().port())
                .maxRequestBytes(settings.maxRequestBytes())
                .allowRemote(settings.insecureHttp())
                .storage(ports)
                .credentials(credentials)
                .build();
    }

    private static CredentialProfiles profiles(Path file) {
        try {
            return CredentialProfiles.load(file);
        } catch (IllegalArgumentException e) {
            throw new ServeFailure(ServeFailure.BAD_INPUT, "--credentials " + e.getMessage(), e);
        }
    }
}
