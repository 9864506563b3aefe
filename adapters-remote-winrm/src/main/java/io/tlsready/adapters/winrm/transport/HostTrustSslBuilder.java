package io.tlsready.adapters.winrm.transport;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.client.netty.ssl.NettyClientSslBuilder;
import io.micronaut.http.ssl.SslConfiguration;
import io.netty.handler.ssl.util.SimpleTrustManagerFactory;
import java.security.KeyStore;
import javax.net.ssl.ManagerFactoryParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Micronaut's Netty SSL builder with our {@link HostTrust} as the only trust manager (winrm-notes §6: override
 * {@code getTrustManagerFactory}). Everything else (protocols, handshake timeout, the HTTPS endpoint
 * identification Micronaut sets on the engine) stays Micronaut's.
 */
final class HostTrustSslBuilder extends NettyClientSslBuilder {

    private final HostTrust trust;

    HostTrustSslBuilder(HostTrust trust) {
        super(new ResourceResolver());
        this.trust = trust;
    }

    @Override
    protected TrustManagerFactory getTrustManagerFactory(SslConfiguration ssl) {
        return new SimpleTrustManagerFactory() {
            @Override
            protected void engineInit(KeyStore keyStore) {
                // The trust decision is made by HostTrust; nothing to load.
            }

            @Override
            protected void engineInit(ManagerFactoryParameters params) {
                // As above.
            }

            @Override
            protected TrustManager[] engineGetTrustManagers() {
                return new TrustManager[] {trust};
            }
        };
    }
}
