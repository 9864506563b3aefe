package io.tlsready.app.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.ConfigurationException;
import com.google.inject.CreationException;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.javalin.Javalin;
import io.tlsready.app.rest.guard.GuardSettings;
import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.port.OfflineEvidence;
import jakarta.inject.Inject;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The composition root: complete, and strict about everything it was not told. */
class RestInjectorTest {

    private static final ServerSettings SETTINGS =
            new ServerSettings(new ListenAddress("127.0.0.1", 0), ServerSettings.DEFAULT_MAX_REQUEST_BYTES);

    @Test
    void the_production_wiring_is_complete() {
        Injector injector = TlsReadyServer.createInjector(SETTINGS, GuardSettings.defaults("127.0.0.1"), new TestingStorage());

        assertThat(injector.getInstance(AuditService.class)).isSameAs(injector.getInstance(AuditService.class));
        assertThat(injector.getInstance(OfflineEvidence.class)).isNotNull();
        assertThat(injector.getInstance(Key.get(new TypeLiteral<Set<RouteGroup>>() { })))
                .hasSize(7)
                .hasAtLeastOneElementOfType(AuditRoutes.class)
                .hasAtLeastOneElementOfType(OpenApiRoutes.class)
                .hasAtLeastOneElementOfType(ProblemRoutes.class);
        assertThat(injector.getBinding(Javalin.class)).isNotNull();
    }

    @Test
    void an_unbound_type_is_an_error_not_a_just_in_time_binding() {
        Injector injector = TlsReadyServer.createInjector(SETTINGS, GuardSettings.defaults("127.0.0.1"), new TestingStorage());

        assertThatThrownBy(() -> injector.getInstance(Unbound.class))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Explicit bindings are required");
    }

    @Test
    void a_constructor_without_inject_is_refused() {
        assertThatThrownBy(() -> StrictGuice.createInjector(binder -> binder.bind(NoInjectAnnotation.class)))
                .isInstanceOf(CreationException.class)
                .hasMessageContaining("@Inject");
    }

    @Test
    void singletons_are_built_eagerly_so_wiring_errors_surface_at_build_time() {
        assertThatThrownBy(() -> StrictGuice.createInjector(binder -> binder.bind(Exploding.class).asEagerSingleton()))
                .isInstanceOf(CreationException.class)
                .hasMessageContaining("boom");
    }

    static final class Unbound {
        @Inject
        Unbound() {
        }
    }

    static final class NoInjectAnnotation {
        NoInjectAnnotation() {
        }
    }

    static final class Exploding {
        @Inject
        Exploding() {
            throw new IllegalStateException("boom");
        }
    }
}
