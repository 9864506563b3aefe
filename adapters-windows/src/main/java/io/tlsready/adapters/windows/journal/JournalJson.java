package io.tlsready.adapters.windows.journal;

import static io.tlsready.adapters.windows.json.ParseMessages.at;
import static io.tlsready.adapters.windows.json.ParseMessages.oneVisibleLine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tlsready.adapters.windows.json.StrictJson;
import io.tlsready.adapters.windows.json.TerminalSafeJson;
import io.tlsready.domain.facts.KeyRef;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.RegistryData;
import io.tlsready.domain.journal.Journal;
import io.tlsready.domain.port.EvidenceException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The {@code tlsready.journal/v1} format (docs/journal-format.md): {@link #encode} writes it pretty-printed with LF
 * line ends and every terminal-steering character escaped ({@link TerminalSafeJson}: a journal shown with {@code cat}
 * cannot act on the terminal); {@link #decode} reads it strictly and fails only with an {@link EvidenceException}
 * naming the file and the JSON path.
 */
final class JournalJson {

    /** Far larger than any honest journal (a few KiB per host); bounds memory on hostile input. */
    static final int MAX_BYTES = 16 * 1024 * 1024;

    /** Tree model only, no data binding: nothing in the input can choose a Java type to instantiate. */
    static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(8)
                        .maxStringLength(MAX_BYTES)
                        .maxNameLength(256)
                        .maxNumberLength(32)
                        .maxDocumentLength(MAX_BYTES)
                        .build())
                .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(8).build())
                .build())
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
        .build();

    private static final HexFormat HEX = HexFormat.of();

    private JournalJson() {
    }

    /** The journal as UTF-8 JSON bytes, ending with a newline. */
    static byte[] encode(Journal journal) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = TerminalSafeJson.generator(MAPPER.getFactory(), out)) {
            g.writeStartObject();
            g.writeStringField("schema", Journal.SCHEMA);
            g.writeStringField("runId", journal.runId());
            g.writeStringField("createdAt", journal.createdAt());
            g.writeObjectFieldStart("tool");
            g.writeStringField("name", "tlsready");
            g.writeStringField("version", journal.toolVersion());
            g.writeEndObject();
            Journal.Where where = journal.where();
            g.writeObjectFieldStart("host");
            g.writeStringField("name", where.host());
            g.writeBooleanField("local", where.local());
            g.writeNumberField("port", where.port());
            g.writeStringField("transport", where.transport());
            g.writeStringField("auth", where.auth());
            g.writeEndObject();
            g.writeArrayFieldStart("createdKeys");
            for (KeyRef key : journal.createdKeys()) {
                g.writeStartObject();
                g.writeStringField("key", key.key());
                g.writeStringField("view", key.view().label());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("entries");
            for (Journal.Entry e : journal.entries()) {
                g.writeStartObject();
                g.writeStringField("key", e.ref().key());
                g.writeStringField("view", e.ref().view().label());
                g.writeStringField("name", e.ref().name());
                g.writeStringField("rule", e.rule().name());
                g.writeStringField("reason", e.reason());
                g.writeStringField("state", e.state().name());
                g.writeFieldName("before");
                writeValue(g, e.before());
                g.writeFieldName("after");
                writeValue(g, Optional.of(e.after()));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return out.toByteArray();
    }

    private static void writeValue(JsonGenerator g, Optional<RegValue> value) throws IOException {
        g.writeStartObject();
        if (value.isEmpty()) {
            g.writeStringField("state", "ABSENT");
        } else {
            int code = RegistryData.typeCode(value.get());
            g.writeStringField("state", "PRESENT");
            g.writeStringField("type", typeName(code));
            g.writeNumberField("typeCode", Integer.toUnsignedLong(code));
            g.writeStringField("data", HEX.formatHex(RegistryData.encode(value.get())));
        }
        g.writeEndObject();
    }

    /** The winnt.h name of a registry type code; {@code REG_RAW} for codes without one. */
    static String typeName(int code) {
        return switch (code) {
            case 0 -> "REG_NONE";
            case 1 -> "REG_SZ";
            case 2 -> "REG_EXPAND_SZ";
            case 3 -> "REG_BINARY";
            case 4 -> "REG_DWORD";
            case 5 -> "REG_DWORD_BIG_ENDIAN";
            case 6 -> "REG_LINK";
            case 7 -> "REG_MULTI_SZ";
            case 8 -> "REG_RESOURCE_LIST";
            case 9 -> "REG_FULL_RESOURCE_DESCRIPTOR";
            case 10 -> "REG_RESOURCE_REQUIREMENTS_LIST";
            case 11 -> "REG_QWORD";
            default -> "REG_RAW";
        };
    }

    /** Reads journal bytes; {@code where} (the file) names them in errors. */
    static Journal decode(byte[] bytes, String where) {
        if (bytes.length > MAX_BYTES) {
            throw new EvidenceException(where, "larger than " + (MAX_BYTES >> 20) + " MiB; not a tlsready journal");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (StreamConstraintsException e) {
            throw new EvidenceException(where, "JSON exceeds a safety limit" + at(e.getLocation()) + ": "
                    + oneVisibleLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            String message = String.valueOf(e.getOriginalMessage());
            if (e instanceof JsonEOFException || message.startsWith("Unexpected end-of-input")) {
                throw new EvidenceException(where, "truncated JSON: unexpected end of input" + at(e.getLocation()));
            }
            throw new EvidenceException(where, "invalid JSON" + at(e.getLocation()) + ": " + oneVisibleLine(message));
        } catch (IOException e) {
            throw new EvidenceException(where, "cannot read JSON: " + oneVisibleLine(e.getMessage()));
        }
        if (root == null || root.isMissingNode()) {
            throw new EvidenceException(where, "empty file, expected a " + Journal.SCHEMA + " JSON object");
        }
        try {
            return JournalDecoder.journal(root);
        } catch (StrictJson.Bad e) {
            throw new EvidenceException(where, e.getMessage());
        }
    }
}
