package io.tlsready.app.rest;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import java.util.ArrayList;
import java.util.List;

/**
 * A strict injector: every binding explicit (no just-in-time surprises), no circular proxies, {@code @Inject}
 * on every constructor Guice calls, exact binding annotations. PRODUCTION stage, so wiring errors surface
 * when the server is built rather than on the first request.
 */
public final class StrictGuice {

    private static final Module STRICT = binder -> {
        binder.requireExplicitBindings();
        binder.disableCircularProxies();
        binder.requireAtInjectOnConstructors();
        binder.requireExactBindingAnnotations();
    };

    private StrictGuice() {
    }

    public static Injector createInjector(Module... modules) {
        List<Module> all = new ArrayList<>(List.of(modules));
        all.add(0, STRICT);
        return Guice.createInjector(Stage.PRODUCTION, all);
    }
}
