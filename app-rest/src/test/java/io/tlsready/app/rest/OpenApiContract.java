package io.tlsready.app.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API's contract, {@code docs/openapi.yaml} as the server serves it, as a checker: given a method, a path, a
 * status, a content type and a body, it says what the document does not allow, validating bodies with a JSON Schema
 * 2020-12 validator (the dialect of OpenAPI 3.1) and resolving {@code $ref}s into the document's components.
 * {@link RestClient} runs every request and answer of the app-rest tests through it.
 *
 * <p>Each {@code check…} method returns the violations, empty when there are none.
 */
final class OpenApiContract {

    /** The IRI the document is registered under; nothing is fetched from it. */
    static final String DOCUMENT = "https://tlsready.io/api/v1/openapi.json";
    static final String PROBLEM = "/components/schemas/Problem";
    static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{([^}/]+)}");
    private static volatile OpenApiContract standard;

    private final JsonNode document;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final List<PathTemplate> paths = new ArrayList<>();

    private OpenApiContract(JsonNode document) {
        this.document = document;
        String text = document.toString();
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemas(Map.of(DOCUMENT, text)));
        document.path("paths").fieldNames().forEachRemaining(p -> paths.add(PathTemplate.of(p)));
        // a literal path wins over a template that also matches it
        paths.sort((a, b) -> Integer.compare(a.parameters().size(), b.parameters().size()));
    }

    /** The document the server serves (docs/openapi.yaml, copied into the jar), read once per test JVM. */
    static OpenApiContract standard() {
        OpenApiContract c = standard;
        if (c == null) {
            synchronized (OpenApiContract.class) {
                c = standard;
                if (c == null) {
                    c = new OpenApiContract(OpenApiRoutes.read());
                    standard = c;
                }
            }
        }
        return c;
    }

    static OpenApiContract of(JsonNode document) {
        return new OpenApiContract(document);
    }

    JsonNode document() {
        return document;
    }

    /**
     * An operation of the document: its path template, the method asked for and the one documented (HEAD is served
     * by GET's operation, without a body), its node, and the values of its path parameters.
     */
    record Operation(String template, String method, String documented, JsonNode node,
                     Map<String, String> pathValues) {

        String name() {
            return method.toUpperCase(Locale.ROOT) + " " + template;
        }

        /** The JSON pointer of this operation in the document. */
        String pointer() {
            return "/paths/" + escape(template) + "/" + documented;
        }
    }

    /**
     * The operation that serves {@code method} on {@code path} (as sent: percent-encoded, no query), if the document
     * has one. Path parameter values are decoded ({@code %2F} is part of a value, not a separator).
     */
    Optional<Operation> operation(String method, String path) {
        String m = method.toLowerCase(Locale.ROOT);
        for (PathTemplate t : paths) {
            Matcher match = t.regex().matcher(path);
            if (match.matches()) {
                String documented = m.equals("head") && !document.path("paths").path(t.template()).has("head")
                        ? "get" : m;
                JsonNode op = document.path("paths").path(t.template()).path(documented);
                if (op.isMissingNode()) {
                    return Optional.empty(); // the path is here, the method is not
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < t.parameters().size(); i++) {
                    values.put(t.parameters().get(i), match.group(i + 1));
                }
                return Optional.of(new Operation(t.template(), m, documented, op, values));
            }
        }
        return Optional.empty();
    }

    /**
     * A request: its operation exists, its path and query parameters are declared and valid, and its body is one
     * the operation accepts, in a media type it lists.
     *
     * @param rawQuery    the query as sent (percent-encoded), or null
     * @param contentType the request's Content-Type header, or null
     */
    List<String> checkRequest(String method, String path, String rawQuery, String contentType, byte[] body) {
        List<String> problems = new ArrayList<>();
        Optional<Operation> found = operation(method, path);
        if (found.isEmpty()) {
            problems.add(method + " " + path + ": no such operation in the contract");
            return problems;
        }
        Operation op = found.get();
        checkParameters(op, rawQuery, problems);
        JsonNode requestBody = resolve(op.node().path("requestBody"));
        boolean hasBody = body != null && body.length > 0;
        if (requestBody.isMissingNode()) {
            if (hasBody) {
                problems.add(op.name() + ": takes no request body, got " + body.length + " bytes");
            }
            return problems;
        }
        if (!hasBody) {
            if (requestBody.path("required").asBoolean(false)) {
                problems.add(op.name() + ": the request body is required");
            }
            return problems;
        }
        String media = mediaType(contentType);
        JsonNode content = requestBody.path("content").path(media);
        if (content.isMissingNode()) {
            problems.add(op.name() + ": request Content-Type " + contentType + " is not one of "
                    + fieldNames(requestBody.path("content")));
            return problems;
        }
        String pointer = op.pointer() + "/requestBody/content/" + escape(media) + "/schema";
        if (media.equals("multipart/form-data")) {
            Optional<JsonNode> parts = MultipartFields.of(contentType, body);
            if (parts.isEmpty()) {
                problems.add(op.name() + ": the multipart request body does not parse");
            } else {
                problems.addAll(prefixed("request " + op.name(), validate(pointer, parts.get())));
            }
        } else if (isJson(media)) {
            problems.addAll(prefixed("request " + op.name(), validateJsonText(pointer,
                    new String(body, StandardCharsets.UTF_8))));
        }
        return problems;
    }

    /**
     * An answer within the contract: the operation lists the status, the answer's media type is one that status
     * lists (no body where it lists none), its body validates, and every header it requires is there.
     *
     * @param headers the answer's headers, looked up by name in any case
     */
    List<String> checkResponse(String method, String path, int status, String contentType,
                               Function<String, Optional<String>> headers, String body) {
        Optional<Operation> found = operation(method, path);
        if (found.isEmpty()) {
            return List.of(method + " " + path + ": no such operation in the contract (answered " + status + ")");
        }
        return checkResponse(found.get(), status, contentType, headers, body);
    }

    /**
     * The answer to a request deliberately outside the contract (a broken body, an unknown path or method): where
     * the document has the operation and status, the answer must be what it says; any other answer must be an
     * error status with a valid problem document.
     */
    List<String> checkAnswerOutsideContract(String method, String path, int status, String contentType,
                                             Function<String, Optional<String>> headers,
                                             String body) {
        Optional<Operation> found = operation(method, path);
        if (found.isPresent() && found.get().node().path("responses").has(Integer.toString(status))) {
            return checkResponse(found.get(), status, contentType, headers, body);
        }
        List<String> problems = new ArrayList<>();
        String what = method + " " + path + " answered " + status;
        if (status < 400) {
            problems.add(what + ", which is no error and no documented answer");
        }
        if (!mediaType(contentType).equals(Problem.CONTENT_TYPE)) {
            problems.add(what + " as " + contentType + ", not " + Problem.CONTENT_TYPE);
            return problems;
        }
        if (method.equalsIgnoreCase("HEAD")) {
            return problems;
        }
        problems.addAll(prefixed(what, validateJsonText(PROBLEM, body)));
        return problems;
    }

    private List<String> checkResponse(Operation op, int status, String contentType,
                                       Function<String, Optional<String>> headers, String body) {
        List<String> problems = new ArrayList<>();
        String what = op.name() + " answered " + status;
        JsonNode response = resolve(op.node().path("responses").path(Integer.toString(status)));
        if (response.isMissingNode()) {
            problems.add(what + ", which the contract does not list (it lists "
                    + fieldNames(op.node().path("responses")) + ")");
            return problems;
        }
        for (Map.Entry<String, JsonNode> h : response.path("headers").properties()) {
            JsonNode header = resolve(h.getValue());
            if (header.path("required").asBoolean(false) && headers.apply(h.getKey()).isEmpty()) {
                problems.add(what + " without the required header " + h.getKey());
            }
        }
        if (op.method().equals("head")) {
            return problems;
        }
        JsonNode content = response.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            if (body != null && !body.isEmpty()) {
                problems.add(what + " with a body, where the contract has none");
            }
            return problems;
        }
        String media = mediaType(contentType);
        if (!content.has(media)) {
            problems.add(what + " as " + contentType + ", not one of " + fieldNames(content));
            return problems;
        }
        JsonNode declared = op.node().path("responses").path(Integer.toString(status));
        String base = declared.has("$ref") ? refPointer(declared) : op.pointer() + "/responses/" + status;
        String pointer = base + "/content/" + escape(media) + "/schema";
        if (isJson(media)) {
            problems.addAll(prefixed(what, validateJsonText(pointer, body)));
        } else {
            problems.addAll(prefixed(what, validate(pointer, JsonNodeFactory.instance.textNode(body))));
        }
        return problems;
    }

    /** Validates JSON text against the schema at a JSON pointer of the document ("not JSON" is a violation). */
    List<String> validateJsonText(String schemaPointer, String text) {
        JsonNode value;
        try {
            value = JSON.readTree(text == null ? "" : text);
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (value == null || value.isMissingNode()) {
            return List.of("an empty body, where JSON is expected");
        }
        return validate(schemaPointer, value);
    }

    /** Validates a JSON value against the schema at a JSON pointer of the document (e.g. {@value #PROBLEM}). */
    List<String> validate(String schemaPointer, JsonNode value) {
        Schema schema = schemas.computeIfAbsent(schemaPointer, this::schemaAt);
        List<String> out = new ArrayList<>();
        for (Error e : schema.validate(value.toString(), InputFormat.JSON)) {
            out.add(e.toString());
        }
        return out;
    }

    /**
     * The schema at a pointer, made standalone: a copy whose references into the document point at its registered
     * IRI, so that components resolve whether the schema is one of them or inline in an operation.
     */
    private Schema schemaAt(String pointer) {
        JsonNode node = resolvePointer(pointer);
        if (node.isMissingNode()) {
            throw new IllegalArgumentException("no schema at " + pointer + " in the contract");
        }
        JsonNode standalone = absoluteRefs(node.deepCopy());
        return registry.getSchema(standalone.toString(), InputFormat.JSON);
    }

    private static JsonNode absoluteRefs(JsonNode node) {
        if (node instanceof ObjectNode o) {
            JsonNode ref = o.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#")) {
                o.put("$ref", DOCUMENT + ref.asText());
            }
            o.properties().forEach(f -> absoluteRefs(f.getValue()));
        } else if (node instanceof ArrayNode a) {
            a.forEach(OpenApiContract::absoluteRefs);
        }
        return node;
    }

    private void checkParameters(Operation op, String rawQuery, List<String> problems) {
        Map<String, JsonNode> query = new LinkedHashMap<>();
        Map<String, JsonNode> pathParams = new LinkedHashMap<>();
        collectParameters(op.pointer().substring(0, op.pointer().lastIndexOf('/')) + "/parameters", query,
                pathParams);
        collectParameters(op.pointer() + "/parameters", query, pathParams);
        op.pathValues().forEach((name, raw) -> {
            JsonNode p = pathParams.get(name);
            if (p == null) {
                problems.add(op.name() + ": path parameter {" + name + "} is not declared");
            } else {
                problems.addAll(prefixed(op.name() + " path parameter " + name,
                        validate(parameterSchema(p), typed(p, decode(raw.replace("+", "%2B"))))));
            }
        });
        Map<String, String> given = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (given.put(name, value) != null) {
                    problems.add(op.name() + ": query parameter " + name + " given twice");
                }
            }
        }
        given.forEach((name, value) -> {
            JsonNode p = query.get(name);
            if (p == null) {
                problems.add(op.name() + ": query parameter " + name + " is not in the contract (it has "
                        + query.keySet() + ")");
            } else {
                problems.addAll(prefixed(op.name() + " query parameter " + name,
                        validate(parameterSchema(p), typed(p, value))));
            }
        });
        query.forEach((name, p) -> {
            if (p.path("required").asBoolean(false) && !given.containsKey(name)) {
                problems.add(op.name() + ": required query parameter " + name + " is missing");
            }
        });
    }

    private void collectParameters(String pointer, Map<String, JsonNode> query, Map<String, JsonNode> path) {
        JsonNode list = resolvePointer(pointer);
        for (int i = 0; i < list.size(); i++) {
            String at = pointer + "/" + i;
            JsonNode p = list.get(i);
            if (p.has("$ref")) {
                at = refPointer(p);
                p = resolvePointer(at);
            }
            ObjectNode withPointer = ((ObjectNode) p.deepCopy()).put("x-pointer", at);
            String in = p.path("in").asText();
            if (in.equals("query")) {
                query.put(p.path("name").asText(), withPointer);
            } else if (in.equals("path")) {
                path.put(p.path("name").asText(), withPointer);
            }
        }
    }

    private static String parameterSchema(JsonNode parameter) {
        return parameter.path("x-pointer").asText() + "/schema";
    }

    /** A parameter's text as the JSON value its schema speaks of: a number where it wants an integer. */
    private JsonNode typed(JsonNode parameter, String value) {
        JsonNode schema = resolve(parameter.path("schema"));
        String type = schema.path("type").asText();
        if ((type.equals("integer") || type.equals("number")) && value.matches("-?[0-9]{1,18}")) {
            return JsonNodeFactory.instance.numberNode(Long.parseLong(value));
        }
        if (type.equals("boolean") && (value.equals("true") || value.equals("false"))) {
            return JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(value));
        }
        return JsonNodeFactory.instance.textNode(value);
    }

    /** A node, or the node its {@code $ref} names. */
    JsonNode resolve(JsonNode node) {
        JsonNode n = node;
        for (int hops = 0; n.has("$ref") && hops < 10; hops++) {
            n = resolvePointer(refPointer(n));
        }
        return n;
    }

    JsonNode resolvePointer(String pointer) {
        return document.at(pointer);
    }

    private static String refPointer(JsonNode withRef) {
        String ref = withRef.path("$ref").asText();
        if (!ref.startsWith("#/")) {
            throw new IllegalArgumentException("only local references are supported: " + ref);
        }
        return ref.substring(1);
    }

    static String escape(String pointerToken) {
        return pointerToken.replace("~", "~0").replace("/", "~1");
    }

    /** "type/subtype" in lower case, parameters dropped; empty when null. */
    static String mediaType(String contentType) {
        return AuditRoutes.mediaType(contentType);
    }

    static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> prefixed(String prefix, List<String> messages) {
        return messages.stream().map(m -> prefix + ": " + m).toList();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private record PathTemplate(String template, Pattern regex, List<String> parameters) {

        static PathTemplate of(String template) {
            StringBuilder regex = new StringBuilder();
            List<String> names = new ArrayList<>();
            Matcher m = TEMPLATE_PARAMETER.matcher(template);
            int last = 0;
            while (m.find()) {
                regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
                names.add(m.group(1));
                last = m.end();
            }
            regex.append(Pattern.quote(template.substring(last)));
            return new PathTemplate(template, Pattern.compile(regex.toString()), List.copyOf(names));
        }
    }
}
