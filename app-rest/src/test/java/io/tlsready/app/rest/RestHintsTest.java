package io.tlsready.app.rest;

import static io.tlsready.app.rest.RestApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import io.javalin.Javalin;
import io.tlsready.domain.port.EvidenceException;
import io.tlsready.domain.port.Hint;
import io.tlsready.domain.port.HintedText;
import io.tlsready.domain.port.OfflineEvidence;
import io.tlsready.domain.port.RemoteTarget;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An evidence error's hints reach an HTTP client in the API's words (its body and part names), never as the
 * CLI's flags: the REST client has no {@code --hives}. The evidence port is a stand-in that fails with the hint
 * under test, bound in place of the offline adapter's module.
 */
class RestHintsTest {

    private static final List<Hint> EVERY_HINT = List.of(new Hint.UseOfflineEvidence(), new Hint.PassHives(),
            new Hint.TrustCertificate("ab".repeat(32)), new Hint.PinnedCertificate(), new Hint.AddCaCertificate(),
            new Hint.CaCertificateFile("ca.pem"), new Hint.UseTransport(RemoteTarget.Transport.HTTPS),
            new Hint.ChooseAuth(Optional.empty()), new Hint.ChooseAuth(Optional.of(RemoteTarget.Auth.NTLM)),
            new Hint.GivePassword(true), new Hint.GivePassword(false));

    private static final AtomicReference<Hint> FAILING_WITH = new AtomicReference<>();
    private static Javalin javalin;
    private static RestClient client;

    @BeforeAll
    static void start() {
        ServerSettings settings = new ServerSettings(new ListenAddress("127.0.0.1", 0), 1024 * 1024);
        OfflineEvidence failing = files -> {
            throw new EvidenceException(AuditRoutes.JSON_BODY_NAME, HintedText.of("too large for text evidence; ",
                    FAILING_WITH.get()));
        };
        Injector injector = StrictGuice.createInjector(new AuditModule(), new RestModule(settings),
                binder -> binder.bind(OfflineEvidence.class).toInstance(failing));
        javalin = injector.getInstance(Javalin.class).start();
        client = new RestClient(URI.create("http://127.0.0.1:" + javalin.port() + "/"));
    }

    @AfterAll
    static void stop() {
        javalin.stop();
    }

    private static String detail(Hint hint) {
        FAILING_WITH.set(hint);
        HttpResponse<String> r = client.post(AuditRoutes.PATH, "application/json",
                "{}".getBytes(StandardCharsets.UTF_8));
        assertProblem(r, 400, "Malformed evidence");
        return RestClient.json(r).get("detail").asText();
    }

    @Test
    void hives_are_asked_for_as_a_json_snapshot_body_not_as_a_cli_flag() {
        assertThat(detail(new Hint.PassHives())).isEqualTo(AuditRoutes.JSON_BODY_NAME + ": too large for text"
                + " evidence; this API takes no registry hives: send a JSON snapshot of them as the application/json"
                + " body");
    }

    @Test
    void offline_evidence_is_asked_for_by_the_apis_part_name() {
        assertThat(detail(new Hint.UseOfflineEvidence())).contains("multipart/form-data parts named 'evidence'")
                .doesNotContain("--");
    }

    @Test
    void no_rest_answer_names_a_cli_flag_whatever_the_hint() {
        for (Hint hint : EVERY_HINT) {
            assertThat(detail(hint)).as(hint.toString()).doesNotContain("--").doesNotContain("TLSREADY_PASSWORD");
            assertThat(RestHints.words(hint)).as(hint.toString()).doesNotContain("--");
        }
    }
}
