package io.tlsready.app.cli;

import java.io.File;
import java.io.IOException;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build step (exec-maven-plugin, package phase): writes the AsciiDoc man pages of the whole command tree, one per
 * command ({@code tlsready.adoc}, {@code tlsready-audit.adoc}, …), with picocli's ManPageGenerator; the
 * asciidoctor-maven-plugin then turns them into roff ({@code target/man/tlsready.1}, …). Test-scoped: the
 * generator never ships in the CLI's class path.
 */
public final class ManPages {

    private ManPages() {
    }

    public static void main(String[] args) throws IOException {
        File out = new File(args.length > 0 ? args[0] : "target/man/adoc");
        if (!out.isDirectory() && !out.mkdirs()) {
            throw new IOException("cannot create " + out);
        }
        int code = ManPageGenerator.generateManPage(out, null, new boolean[0], false,
                CommandTree.full().getCommandSpec());
        if (code != 0) {
            throw new IOException("picocli's ManPageGenerator exited " + code);
        }
    }
}
