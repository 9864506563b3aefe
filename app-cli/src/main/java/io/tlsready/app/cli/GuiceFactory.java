package io.tlsready.app.cli;

import com.google.inject.ConfigurationException;
import com.google.inject.Injector;
import picocli.CommandLine;

/** Lets picocli create commands through Guice, falling back to picocli's factory for its own types. */
final class GuiceFactory implements CommandLine.IFactory {

    private final Injector injector;

    GuiceFactory(Injector injector) {
        this.injector = injector;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        try {
            return injector.getInstance(cls);
        } catch (ConfigurationException e) {
            try {
                return CommandLine.defaultFactory().create(cls);
            } catch (Exception fallback) {
                fallback.addSuppressed(e);
                throw fallback;
            }
        }
    }
}
