package io.tlsready.adapters.windows.snapshot;

import static io.tlsready.adapters.windows.json.ParseMessages.at;
import static io.tlsready.adapters.windows.json.ParseMessages.oneLine;

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
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.port.EvidenceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code tlsready.snapshot/v1} JSON format (docs/snapshot-format.md): a lossless, diffable copy of one
 * host's {@link HostFacts}. Reading is strict and fails only with {@link EvidenceException} naming the JSON
 * path, because snapshots come from other machines and other people.
 */
public final class JsonSnapshot {

    static final String SCHEMA = "tlsready.snapshot/v1";
    /** v1 plus the optional "keys" array (key existence, e.g. root certificates); written only when there are keys. */
    static final String SCHEMA_WITH_KEYS = "tlsready.snapshot/v1.1";
    /** Larger than any honest snapshot (a full answer is a few hundred KiB); bounds memory on hostile input. */
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    /** A type code outside the named registry types: the data is kept as hex with its number. */
    static final String REG_RAW = "REG_RAW";

    /**
     * Tree model only, no data binding: nothing in the input can choose a Java type to instantiate.
     * In a holder so that sniffing a file (looksLike) does not load Jackson into an offline .reg audit.
     */
    static final class Json {
        static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(16)
                            .maxStringLength(16 * 1024 * 1024)
                            .maxNameLength(1024)
                            .maxNumberLength(64)
                            .maxDocumentLength(MAX_FILE_BYTES)
                            .build())
                    .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(16).build())
                    .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();
    }

    private JsonSnapshot() {
    }

    /**
     * True if the first bytes of a file look like a tlsready snapshot: a JSON object (UTF-8, or UTF-16
     * with a BOM) that mentions the schema name early, as every writer puts {@code "schema"} first.
     */
    public static boolean looksLike(byte[] head) {
        String text = decodeHead(head).strip();
        return text.startsWith("{") && text.contains("tlsready.snapshot/");
    }

    private static String decodeHead(byte[] head) {
        int n = head.length;
        if (n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return new String(head, 2, (n - 2) & ~1, StandardCharsets.UTF_16LE);
        }
        if (n >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return new String(head, 2, (n - 2) & ~1, StandardCharsets.UTF_16BE);
        }
        int skip = n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
        return new String(head, skip, n - skip, StandardCharsets.UTF_8);
    }

    /** Reads a snapshot file. @throws EvidenceException for anything but a valid snapshot */
    public static HostFacts read(Path file) {
        String where = String.valueOf(file);
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new EvidenceException(where, "is a directory, expected a " + SCHEMA + " JSON file");
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
            }
        } catch (NoSuchFileException e) {
            throw new EvidenceException(where, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new EvidenceException(where, "cannot read the file: permission denied", e);
        } catch (IOException | SecurityException e) {
            throw new EvidenceException(where, "cannot read the file: " + oneLine(String.valueOf(e.getMessage())), e);
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new EvidenceException(where, "larger than " + (MAX_FILE_BYTES >> 20)
                    + " MiB; not a tlsready snapshot (they are a few hundred KiB)");
        }
        return parse(bytes, where);
    }

    /** Parses snapshot bytes; {@code where} names them in errors. */
    public static HostFacts parse(byte[] bytes, String where) {
        if (bytes.length > MAX_FILE_BYTES) {
            throw new EvidenceException(where, "larger than " + (MAX_FILE_BYTES >> 20) + " MiB");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(bytes);
        } catch (StreamConstraintsException e) {
            throw new EvidenceException(where, "JSON exceeds a safety limit" + at(e.getLocation()) + ": "
                    + oneLine(e.getOriginalMessage()), e);
        } catch (JsonProcessingException e) {
            String message = String.valueOf(e.getOriginalMessage());
            if (e instanceof JsonEOFException || message.startsWith("Unexpected end-of-input")) {
                throw new EvidenceException(where, "truncated JSON: unexpected end of input" + at(e.getLocation()), e);
            }
            if (message.startsWith("Trailing token")) {
                throw new EvidenceException(where, "invalid JSON" + at(e.getLocation())
                        + ": more content after the end of the snapshot object", e);
            }
            throw new EvidenceException(where, "invalid JSON" + at(e.getLocation()) + ": " + oneLine(message), e);
        } catch (IOException e) {
            throw new EvidenceException(where, "cannot read JSON: " + oneLine(String.valueOf(e.getMessage())), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new EvidenceException(where, "empty file, expected a " + SCHEMA + " JSON object");
        }
        try {
            return new SnapshotDecoder(where, SnapshotLines.of(bytes)).host(root);
        } catch (StrictJson.Bad e) {
            throw new EvidenceException(where, e.getMessage());
        }
    }

    /**
     * Writes the snapshot, pretty-printed with LF line ends, values sorted, so two snapshots of one host
     * diff line by line. Does not close {@code out}.
     */
    public static void write(HostFacts facts, OutputStream out) throws IOException {
        SnapshotEncoder.write(facts, Optional.empty(), out);
    }

    /** As {@link #write(HostFacts, OutputStream)}, stamped with the time of collection when there is one. */
    static void write(HostFacts facts, Optional<Instant> collectedAt, OutputStream out) throws IOException {
        SnapshotEncoder.write(facts, collectedAt, out);
    }
}
