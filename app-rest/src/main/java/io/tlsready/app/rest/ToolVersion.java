package io.tlsready.app.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The project version for the report's {@code tool.version}: the Implementation-Version the build stamps into every
 * jar manifest (the CLI's --version and the snapshot writer read the same), or "dev" when run from classes.
 */
public final class ToolVersion {

    private ToolVersion() {
    }

    public static String read() {
        // The manifest of the jar this class came from, not Package.getImplementationVersion(): that one is empty
        // when a class of the same package was loaded from a folder first (as an embedder's tests may do).
        URL self = ToolVersion.class.getResource("ToolVersion.class");
        if (self == null || !"jar".equals(self.getProtocol())) {
            return "dev";
        }
        String jar = self.toString();
        String manifest = jar.substring(0, jar.lastIndexOf("!/") + 2) + JarFile.MANIFEST_NAME;
        try (InputStream in = URI.create(manifest).toURL().openStream()) {
            String v = new Manifest(in).getMainAttributes().getValue(Attributes.Name.IMPLEMENTATION_VERSION);
            return v == null || v.isBlank() ? "dev" : v;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + manifest, e);
        }
    }
}
