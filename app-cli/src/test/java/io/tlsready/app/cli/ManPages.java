package io.tlsready.app.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build step (exec-maven-plugin, package phase): writes the AsciiDoc man pages of the whole command tree, one per
 * command ({@code tlsready.adoc}, {@code tlsready-audit.adoc}, …), with picocli's ManPageGenerator; the
 * asciidoctor-maven-plugin then turns them into roff ({@code target/man/tlsready.1}, …). Test-scoped: the
 * generator never ships in the CLI's class path.
 */
public final class ManPages {

    private static final Pattern LABEL_WITH_BRACKETS = Pattern.compile("_([^_\\s\\[\\]]*\\[[^_\\s]*\\][^_\\s]*)_");

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
        File[] pages = out.listFiles((dir, name) -> name.endsWith(".adoc"));
        for (File page : pages == null ? new File[0] : pages) {
            Path path = page.toPath();
            Files.writeString(path, escapeBrackets(Files.readString(path)));
        }
    }

    /**
     * A parameter label with brackets ({@code _NAME[:PORT]_}) would be read by asciidoctor as an attribute list of
     * the emphasis after it, and the synopsis would lose an option: the brackets become asciidoctor's attributes
     * for them ({startsb}, {endsb}).
     */
    static String escapeBrackets(String adoc) {
        Matcher m = LABEL_WITH_BRACKETS.matcher(adoc);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(
                    "_" + m.group(1).replace("[", "{startsb}").replace("]", "{endsb}") + "_"));
        }
        return m.appendTail(sb).toString();
    }
}
