package io.tlsready.app.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The project version, stamped into version.properties by the build, for the report's {@code tool.version}. */
final class ToolVersion {

    private ToolVersion() {
    }

    static String read() {
        Properties p = new Properties();
        try (InputStream in = ToolVersion.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read version.properties", e);
        }
        String v = p.getProperty("version", "");
        // an unfiltered resource (running from an IDE without Maven) still yields something honest
        return v.isBlank() || v.startsWith("${") ? "dev" : v;
    }
}
