package io.tlsready.app.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A multipart/form-data body as the JSON object OpenAPI describes it with: each part name to the array of its
 * values, a file's content standing in as a string (its schema says only that it is one). Enough to check the shape
 * of an upload against the contract; the server has its own parser.
 */
final class MultipartFields {

    private static final Pattern BOUNDARY = Pattern.compile("(?i);\\s*boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("(?i);\\s*name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("(?i);\\s*filename=\"([^\"]*)\"");

    private MultipartFields() {
    }

    /** The fields, or empty when the body is not multipart with that Content-Type's boundary. */
    static Optional<JsonNode> of(String contentType, byte[] body) {
        Matcher b = BOUNDARY.matcher(contentType == null ? "" : contentType);
        if (!b.find()) {
            return Optional.empty();
        }
        // ISO-8859-1 maps every byte to one char, so offsets in the text are offsets in the body
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + b.group(1);
        if (!text.startsWith(delimiter)) {
            return Optional.empty();
        }
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        int at = delimiter.length();
        while (true) {
            if (text.startsWith("--", at)) {
                return Optional.of(fields); // the closing delimiter
            }
            if (!text.startsWith("\r\n", at)) {
                return Optional.empty();
            }
            int headersEnd = text.indexOf("\r\n\r\n", at);
            int next = text.indexOf("\r\n" + delimiter, at);
            if (headersEnd < 0 || next < 0 || headersEnd > next) {
                return Optional.empty();
            }
            String disposition = disposition(text.substring(at + 2, headersEnd));
            Matcher name = NAME.matcher(disposition);
            if (!disposition.toLowerCase(Locale.ROOT).startsWith("form-data") || !name.find()) {
                return Optional.empty();
            }
            String content = text.substring(headersEnd + 4, next);
            String value = FILENAME.matcher(disposition).find()
                    ? "(" + content.length() + " bytes)"
                    : new String(content.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            JsonNode values = fields.get(name.group(1));
            (values == null ? fields.putArray(name.group(1)) : (ArrayNode) values)
                    .add(value);
            at = next + 2 + delimiter.length();
        }
    }

    private static String disposition(String headers) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase("Content-Disposition")) {
                return line.substring(colon + 1).strip();
            }
        }
        return "";
    }
}
