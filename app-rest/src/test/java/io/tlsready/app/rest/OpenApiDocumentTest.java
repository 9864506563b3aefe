package io.tlsready.app.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.tlsready.domain.facts.Architecture;
import io.tlsready.domain.facts.ProductType;
import io.tlsready.domain.os.WindowsRelease;
import io.tlsready.domain.report.Verdict;
import io.tlsready.domain.rules.RuleId;
import io.tlsready.domain.rules.Status;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * The contract itself (docs/openapi.yaml) walked operation by operation: every operation has a success answer with a
 * schema, the errors a client can meet as problem documents, the 401 where a token is needed and the 403 where only an
 * operator may go; the names it lists are the domain's; every reference resolves.
 */
class OpenApiDocumentTest {

    private static final OpenApiContract CONTRACT = OpenApiContract.standard();
    private static final JsonNode DOC = CONTRACT.document();
    private static final String PROBLEM_REF = "#" + OpenApiContract.PROBLEM;

    @Test
    void the_document_is_openapi_3_1_with_a_global_bearer_scheme() {
        assertThat(DOC.path("openapi").asText()).startsWith("3.1.");
        JsonNode scheme = DOC.path("components").path("securitySchemes").path("bearer");
        assertThat(scheme.path("type").asText()).isEqualTo("http");
        assertThat(scheme.path("scheme").asText()).isEqualTo("bearer");
        assertThat(DOC.path("security").toString()).isEqualTo("[{\"bearer\":[]}]");
    }

    @Test
    void the_jar_carries_docs_openapi_yaml_itself() throws IOException {
        // the build copies the one source into the jar: there is no second file to drift
        JsonNode source = new YAMLMapper().readTree(Path.of("..", "docs", "openapi.yaml").toFile());

        assertThat(OpenApiRoutes.read()).isEqualTo(source);
    }

    @Test
    void every_operation_has_a_success_answer_with_a_schema() {
        List<String> missing = new ArrayList<>();
        forEachOperation((name, op) -> {
            boolean success = false;
            for (Map.Entry<String, JsonNode> r : op.path("responses").properties()) {
                JsonNode response = CONTRACT.resolve(r.getValue());
                if (r.getKey().startsWith("2")) {
                    success = true;
                    response.path("content").properties().forEach(c -> {
                        if (!c.getValue().has("schema")) {
                            missing.add(name + " " + r.getKey() + " " + c.getKey() + " has no schema");
                        }
                    });
                    if (response.path("content").isEmpty()) {
                        missing.add(name + " " + r.getKey() + " has no content");
                    }
                }
            }
            if (!success) {
                missing.add(name + " has no 2xx answer");
            }
        });
        assertThat(missing).isEmpty();
    }

    @Test
    void every_error_answer_is_a_problem_document_and_nothing_else() {
        List<String> wrong = new ArrayList<>();
        forEachOperation((name, op) -> {
            boolean clientError = false;
            for (Map.Entry<String, JsonNode> r : op.path("responses").properties()) {
                if (r.getKey().compareTo("400") < 0) {
                    continue;
                }
                clientError |= r.getKey().startsWith("4");
                JsonNode content = CONTRACT.resolve(r.getValue()).path("content");
                List<String> types = new ArrayList<>();
                content.fieldNames().forEachRemaining(types::add);
                if (!types.equals(List.of(Problem.CONTENT_TYPE))
                        || !content.path(Problem.CONTENT_TYPE).path("schema").path("$ref").asText().equals(PROBLEM_REF)) {
                    wrong.add(name + " " + r.getKey() + " answers " + types);
                }
            }
            if (!clientError) {
                wrong.add(name + " lists no 4xx problem");
            }
            for (String status : List.of("429", "500", "503")) {
                if (!op.path("responses").has(status)) {
                    wrong.add(name + " does not list " + status);
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void every_operation_needs_a_token_but_healthz_and_the_document_itself() {
        List<String> open = new ArrayList<>();
        forEachOperation((name, op) -> {
            if (op.has("security") && op.path("security").isEmpty()) {
                open.add(name);
            }
        });
        assertThat(open).containsExactlyInAnyOrder("GET /healthz", "GET " + OpenApiRoutes.PATH);
    }

    @Test
    void secured_operations_answer_401_with_a_challenge_and_writes_answer_403() {
        List<String> wrong = new ArrayList<>();
        forEachOperation((name, op) -> {
            boolean secured = !(op.has("security") && op.path("security").isEmpty());
            JsonNode unauthorized = CONTRACT.resolve(op.path("responses").path("401"));
            if (secured && !unauthorized.path("headers").path("WWW-Authenticate").path("required").asBoolean()) {
                wrong.add(name + " has no 401 with a required WWW-Authenticate");
            }
            if (!secured && op.path("responses").has("401")) {
                wrong.add(name + " needs no token but lists 401");
            }
            boolean writes = !name.startsWith("GET ");
            if (writes != op.path("responses").has("403")) {
                wrong.add(name + (writes ? " changes something but lists no 403" : " only reads but lists 403"));
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void every_object_schema_says_whether_it_takes_other_members() {
        List<String> open = new ArrayList<>();
        objectSchemas(DOC.path("components").path("schemas"), "#/components/schemas", open);
        // the only objects left open are the OpenAPI document and the SARIF log, whose shapes are others'
        assertThat(open).containsExactlyInAnyOrder("#/components/schemas/OpenApiDocument",
                "#/components/schemas/Sarif");
    }

    @Test
    void every_reference_resolves_to_something() {
        List<String> dangling = new ArrayList<>();
        references(DOC, dangling);
        assertThat(dangling).isEmpty();
    }

    @Test
    void the_names_it_lists_are_the_domain_enums() {
        assertThat(enumOf("RuleId")).containsExactly(names(RuleId.values()));
        assertThat(enumOf("Status")).containsExactly(names(Status.values()));
        assertThat(enumOf("Verdict")).containsExactly(names(Verdict.values()));
        assertThat(enumOf("WindowsRelease")).containsExactly(names(WindowsRelease.values()));
        assertThat(enumOf("ProductType")).containsExactly(names(ProductType.values()));
        assertThat(enumOf("Architecture")).containsExactly(names(Architecture.values()));
    }

    private static List<String> enumOf(String schema) {
        List<String> values = new ArrayList<>();
        DOC.path("components").path("schemas").path(schema).path("enum").forEach(v -> values.add(v.asText()));
        return values;
    }

    private static String[] names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toArray(String[]::new);
    }

    private static void forEachOperation(BiConsumer<String, JsonNode> action) {
        int[] count = {0};
        DOC.path("paths").properties().forEach(p -> p.getValue().properties().forEach(m -> {
            if (OpenApiContract.METHODS.contains(m.getKey())) {
                count[0]++;
                action.accept(m.getKey().toUpperCase(java.util.Locale.ROOT) + " " + p.getKey(), m.getValue());
            }
        }));
        assertThat(count[0]).as("operations in the document").isGreaterThanOrEqualTo(12);
    }

    /** Object schemas with properties but no word on additionalProperties, anywhere under {@code node}. */
    private static void objectSchemas(JsonNode node, String where, List<String> open) {
        if (node.isObject()) {
            if (node.has("properties") && !node.has("additionalProperties")) {
                open.add(where);
            }
            node.properties().forEach(e -> objectSchemas(e.getValue(), where + "/" + e.getKey(), open));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                objectSchemas(node.get(i), where + "/" + i, open);
            }
        }
    }

    private static void references(JsonNode node, List<String> dangling) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && (!ref.asText().startsWith("#/") || DOC.at(ref.asText().substring(1)).isMissingNode())) {
                dangling.add(ref.asText());
            }
            node.properties().forEach(e -> references(e.getValue(), dangling));
        } else if (node.isArray()) {
            node.forEach(n -> references(n, dangling));
        }
    }
}
