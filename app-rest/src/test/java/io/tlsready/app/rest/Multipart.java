package io.tlsready.app.rest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A multipart/form-data body for tests: java.net.http has no builder for one. */
public final class Multipart {

    private final String boundary = "tlsready-" + UUID.randomUUID();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    public Multipart file(String field, String fileName, byte[] content) {
        text("--" + boundary + "\r\n");
        text("Content-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName + "\"\r\n");
        text("Content-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(content);
        text("\r\n");
        return this;
    }

    public Multipart field(String field, String value) {
        text("--" + boundary + "\r\n");
        text("Content-Disposition: form-data; name=\"" + field + "\"\r\n\r\n");
        text(value + "\r\n");
        return this;
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public byte[] build() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(body.toByteArray());
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private void text(String s) {
        body.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
