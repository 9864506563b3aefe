package io.tlsready.app.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Building a server (the whole Guice graph) loads no Jetty class; only {@code start()} does. Checked in a
 * fresh class loader, because other tests in this JVM have long since loaded Jetty.
 */
class ServerLazyJettyTest {

    @Test
    void jetty_is_loaded_only_when_the_server_starts() throws Exception {
        try (RecordingLoader loader = new RecordingLoader(classPath())) {
            Class<?> serverClass = loader.loadClass(TlsReadyServer.class.getName());
            Object builder = serverClass.getMethod("builder").invoke(null);
            Method port = builder.getClass().getMethod("port", int.class);
            port.setAccessible(true);
            builder = port.invoke(builder, 0);
            Object storage = loader.loadClass(TestingStorage.class.getName()).getConstructor().newInstance();
            Method withStorage = builder.getClass().getMethod("storage",
                    loader.loadClass("com.google.inject.Module"));
            withStorage.setAccessible(true);
            builder = withStorage.invoke(builder, storage);
            Method build = builder.getClass().getMethod("build");
            build.setAccessible(true);
            Object server = build.invoke(builder);

            assertThat(loader.loaded("org.eclipse.jetty.")).as("Jetty classes loaded by build()").isEmpty();
            assertThat(loader.loaded("jakarta.servlet.")).as("servlet classes loaded by build()").isEmpty();
            assertThat(loader.loaded("io.tlsready.app.rest.")).isNotEmpty();

            serverClass.getMethod("start").invoke(server);
            try {
                assertThat(loader.loaded("org.eclipse.jetty.server.")).isNotEmpty();
            } finally {
                serverClass.getMethod("stop").invoke(server);
            }
        }
    }

    private static URL[] classPath() throws MalformedURLException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<URL> urls = new ArrayList<>();
        for (String entry : cp.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        return urls.toArray(URL[]::new);
    }

    /** Loads the application's classes itself (the JDK from the platform loader) and remembers which. */
    private static final class RecordingLoader extends URLClassLoader {

        private final Set<String> defined = ConcurrentHashMap.newKeySet();

        RecordingLoader(URL[] urls) {
            super(urls, ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            Class<?> c = super.findClass(name);
            defined.add(name);
            return c;
        }

        List<String> loaded(String prefix) {
            return defined.stream().filter(n -> n.startsWith(prefix)).sorted().toList();
        }
    }
}
