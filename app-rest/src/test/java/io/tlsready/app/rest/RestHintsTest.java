package io.tlsready.app.rest;

import static io.tlsready.app.rest.RestApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.port.EvidenceException;
import io.tlsready.domain.port.Hint;
import io.tlsready.domain.port.HintedText;
import io.tlsready.domain.port.RemoteTarget;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An evidence error's hints reach an HTTP client in the API's words (its body and part names), never as the
 * CLI's flags: the REST client has no {@code --hives}. The evidence port is a stand-in that fails with the hint
 * under test, bound by {@link RestServerExtension} in place of the offline adapter's module.
 */
class RestHintsTest {

    private static final List<Hint> EVERY_HINT = List.of(new Hint.UseOfflineEvidence(), new Hint.PassHives(),
            new Hint.TrustCertificate("ab".repeat(32)), new Hint.PinnedCertificate(), new Hint.AddCaCertificate(),
            new Hint.CaCertificateFile("ca.pem"), new Hint.UseTransport(RemoteTarget.Transport.HTTPS),
            new Hint.ChooseAuth(Optional.empty()), new Hint.ChooseAuth(Optional.of(RemoteTarget.Auth.NTLM)),
            new Hint.GivePassword(true), new Hint.GivePassword(false));

    private static final AtomicReference<Hint> FAILING_WITH = new AtomicReference<>();

    @RegisterExtension
    static final RestServerExtension API = RestServerExtension.onLoopback().maxRequestBytes(1024 * 1024)
            .withOfflineEvidence(files -> {
                throw new EvidenceException(AuditRoutes.JSON_BODY_NAME,
                        HintedText.of("too large for text evidence; ", FAILING_WITH.get()));
            });

    private static String detail(Hint hint) {
        FAILING_WITH.set(hint);
        // "{}" is no snapshot: outside the contract on purpose (the stand-in port fails whatever it gets)
        HttpResponse<String> r = API.client().outsideContract().post(AuditRoutes.PATH, "application/json",
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
