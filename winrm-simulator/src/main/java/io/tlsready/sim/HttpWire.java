package io.tlsready.sim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Just enough HTTP/1.1 for WS-Management, with exact byte control: requests with Content-Length bodies (no
 * chunking, which WinRM refuses too), keep-alive by default, responses headed like HTTP.sys writes them.
 */
final class HttpWire {

    static final int MAX_HEADER_BYTES = 64 * 1024;
    /** The largest body accepted: a 500 KiB envelope plus the encryption framing. */
    static final int MAX_BODY_BYTES = 520 * 1024;

    private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    private HttpWire() {
    }

    /** A request the simulator can answer. Header names are case-insensitive; repeated headers are joined. */
    record Request(String method, String target, String version, Map<String, String> headers, byte[] body) {

        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name));
        }

        boolean wantsClose() {
            return header("Connection").map(v -> v.toLowerCase(Locale.ROOT).contains("close")).orElse(false)
                    || version.equals("HTTP/1.0")
                    && !header("Connection").map(v -> v.equalsIgnoreCase("keep-alive")).orElse(false);
        }
    }

    /** Thrown for a request that cannot be read; {@code status} is the answer to give before closing. */
    static final class BadRequest extends IOException {
        private static final long serialVersionUID = 1L;
        private final int status;

        BadRequest(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    /** Reads one request; empty at a clean end of stream between requests. */
    static Optional<Request> read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(512);
        int last = 0;
        while (last != 0x0D0A0D0A) {
            int b = in.read();
            if (b < 0) {
                if (head.size() == 0) {
                    return Optional.empty();
                }
                throw new BadRequest(400, "connection closed inside the request head");
            }
            head.write(b);
            last = last << 8 | b;
            if (head.size() > MAX_HEADER_BYTES) {
                throw new BadRequest(431, "request head larger than " + MAX_HEADER_BYTES + " bytes");
            }
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] start = lines[0].split(" ");
        if (start.length != 3 || !start[2].startsWith("HTTP/1.")) {
            throw new BadRequest(400, "not an HTTP/1.x request line");
        }
        TreeMap<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).strip();
            String value = lines[i].substring(colon + 1).strip();
            headers.merge(name, value, (a, b) -> a + ", " + b);
        }
        if (headers.containsKey("Transfer-Encoding")) {
            throw new BadRequest(411, "chunked request bodies are not accepted (send Content-Length)");
        }
        int length = 0;
        String cl = headers.get("Content-Length");
        if (cl != null) {
            try {
                length = Integer.parseInt(cl.strip());
            } catch (NumberFormatException e) {
                throw new BadRequest(400, "bad Content-Length");
            }
            if (length < 0) {
                throw new BadRequest(400, "bad Content-Length");
            }
            if (length > MAX_BODY_BYTES) {
                throw new BadRequest(413, "request body larger than " + MAX_BODY_BYTES + " bytes");
            }
        }
        byte[] body = in.readNBytes(length);
        if (body.length != length) {
            throw new BadRequest(400, "connection closed inside the request body");
        }
        return Optional.of(new Request(start[0], start[1], start[2], headers, body));
    }

    /** Writes one response with Content-Length; {@code headers} are name/value pairs. */
    static void write(OutputStream out, int status, List<Map.Entry<String, String>> headers, byte[] body,
            boolean close) throws IOException {
        StringBuilder sb = new StringBuilder(256);
        sb.append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
        sb.append("Server: Microsoft-HTTPAPI/2.0\r\n");
        sb.append("Date: ").append(DATE.format(ZonedDateTime.now(ZoneOffset.UTC))).append("\r\n");
        for (Map.Entry<String, String> h : headers) {
            sb.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        if (close) {
            sb.append("Connection: close\r\n");
        }
        sb.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    static String reason(int status) {
        switch (status) {
            case 200:
                return "OK";
            case 400:
                return "Bad Request";
            case 401:
                return "Unauthorized";
            case 404:
                return "Not Found";
            case 405:
                return "Method Not Allowed";
            case 411:
                return "Length Required";
            case 413:
                return "Request Entity Too Large";
            case 415:
                return "Unsupported Media Type";
            case 431:
                return "Request Header Fields Too Large";
            case 500:
                return "Internal Server Error";
            case 503:
                return "Service Unavailable";
            default:
                return "Status " + status;
        }
    }
}
