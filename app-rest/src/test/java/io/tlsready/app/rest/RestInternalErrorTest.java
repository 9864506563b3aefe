package io.tlsready.app.rest;

import static io.tlsready.app.rest.RestApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import com.google.inject.multibindings.Multibinder;
import io.javalin.Javalin;
import io.tlsready.adapters.windows.offline.OfflineEvidenceModule;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A handler that fails answers a 500 problem whose detail says nothing of the failure. The failing route is
 * added as one more route group, as a feature would be, rather than by overriding the production wiring.
 */
class RestInternalErrorTest {

    private static Javalin javalin;
    private static RestClient client;

    @BeforeAll
    static void start() {
        ServerSettings settings = new ServerSettings(new ListenAddress("127.0.0.1", 0), 1024);
        Injector injector = StrictGuice.createInjector(new AuditModule(),
                new OfflineEvidenceModule(), new RestModule(settings),
                binder -> Multibinder.newSetBinder(binder, RouteGroup.class).addBinding().toInstance(
                        routes -> routes.get("/boom", ctx -> {
                            throw new IllegalStateException("secret detail at /srv/private/config");
                        })));
        javalin = injector.getInstance(Javalin.class).start();
        client = new RestClient(URI.create("http://127.0.0.1:" + javalin.port() + "/"));
    }

    @AfterAll
    static void stop() {
        javalin.stop();
    }

    @Test
    void an_unexpected_failure_is_a_generic_500_problem_with_an_incident_id() {
        HttpResponse<String> r = client.get("/boom");

        assertProblem(r, 500, "Server Error");
        assertThat(RestClient.json(r).get("detail").asText())
                .matches("the server could not complete the request; the server log has details under incident "
                        + "[0-9a-f-]{36}");
        assertThat(r.body()).doesNotContain("secret").doesNotContain("IllegalStateException");
    }
}
