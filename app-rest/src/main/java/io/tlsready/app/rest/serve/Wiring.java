package io.tlsready.app.rest.serve;

import com.google.inject.Module;
import io.tlsready.app.rest.TlsReadyServer;

/** The checked options mapped onto the embeddable server's builder: the one place serve meets TlsReadyServer. */
final class Wiring {

    private Wiring() {
    }

    static TlsReadyServer server(ServeSettings settings, Module ports) {
        if (settings.tls().isPresent()) {
            throw ServeFailure.badInput("--tls-cert: this build cannot serve HTTPS yet (the guard room adds it); "
                    + "listen on loopback behind a TLS proxy meanwhile");
        }
        return TlsReadyServer.builder()
                .host(settings.listen().host())
                .port(settings.listen().port())
                .maxRequestBytes(settings.maxRequestBytes())
                .allowRemote(settings.insecureHttp())
                .install(ports)
                .build();
    }
}
