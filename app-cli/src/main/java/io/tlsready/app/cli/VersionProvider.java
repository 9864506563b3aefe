package io.tlsready.app.cli;

import picocli.CommandLine;

/** Prints the version from the jar manifest (set by Maven), or "dev" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"tlsready " + (v != null ? v : "dev"), "Java " + System.getProperty("java.version")};
    }
}
