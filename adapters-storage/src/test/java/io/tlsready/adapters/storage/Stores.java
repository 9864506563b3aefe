package io.tlsready.adapters.storage;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import java.util.function.Supplier;

/**
 * One store under test, reached the way the apps reach it (the module in a strict production injector), and
 * reopenable over the same data: closing the module and making a new one is a restart.
 */
final class Stores implements AutoCloseable {

    private final Supplier<StorageModule> modules;
    private StorageModule module;
    private Injector injector;

    Stores(Supplier<StorageModule> modules) {
        this.modules = modules;
        open();
    }

    private void open() {
        module = modules.get();
        injector = Guice.createInjector(Stage.PRODUCTION, binder -> {
            binder.requireExplicitBindings();
            binder.disableCircularProxies();
        }, module);
    }

    <T> T get(Class<T> port) {
        return injector.getInstance(port);
    }

    <T> T reopen(Class<T> port) {
        module.close();
        open();
        return get(port);
    }

    @Override
    public void close() {
        module.close();
    }
}
