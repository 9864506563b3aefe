package io.tlsready.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The published JSON Schemas (docs/schemas/NAME.schema.json, draft 2020-12) and the SARIF 2.1.0 schema
 * (report-formats' test resources, provenance there), as validators: {@link #check} returns what a document breaks,
 * empty when it is valid. The schemas are read from the working tree, never fetched.
 */
final class Schemas {

    private static final SchemaRegistry REGISTRY = registry();
    private static final Map<Path, Schema> LOADED = new ConcurrentHashMap<>();

    private Schemas() {
    }

    /** Every published schema under its $id, so that one schema's $ref to another resolves without a fetch. */
    private static SchemaRegistry registry() {
        Map<String, String> byId = new HashMap<>();
        try (Stream<Path> files = Files.list(project().resolve("docs/schemas"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".schema.json")).toList()) {
                String text = Files.readString(f);
                byId.put(new ObjectMapper().readTree(text).path("$id").asText(), text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b.schemas(byId));
    }

    /** The project root (tests run with the module as working directory). */
    static Path project() {
        Path here = Paths.get("").toAbsolutePath();
        return Files.isRegularFile(here.resolve("mvnw")) ? here : here.getParent();
    }

    static Path published(String name) {
        return project().resolve("docs/schemas/" + name + ".schema.json");
    }

    static Path sarif() {
        return project().resolve("report-formats/src/test/resources/schemas/sarif-schema-2.1.0-rtm.5.json");
    }

    /** The violations of {@code document} against the schema in {@code file}; empty when it is valid. */
    static List<String> check(Path file, JsonNode document) {
        Schema schema = LOADED.computeIfAbsent(file, f -> {
            try {
                return REGISTRY.getSchema(Files.readString(f), InputFormat.JSON);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        List<String> out = new ArrayList<>();
        for (Error e : schema.validate(document.toString(), InputFormat.JSON)) {
            out.add(e.toString());
        }
        return out;
    }

    /** The violations of {@code document} against the definition at {@code pointer} of a published schema. */
    static List<String> check(Path file, JsonNode document, String pointer) {
        String id;
        try {
            id = new ObjectMapper().readTree(file.toFile()).path("$id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Schema schema = REGISTRY.getSchema("{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\","
                + "\"$ref\":\"" + id + "#" + pointer + "\"}", InputFormat.JSON);
        List<String> out = new ArrayList<>();
        for (Error e : schema.validate(document.toString(), InputFormat.JSON)) {
            out.add(e.toString());
        }
        return out;
    }

    static List<String> check(String name, JsonNode document) {
        return check(published(name), document);
    }
}
