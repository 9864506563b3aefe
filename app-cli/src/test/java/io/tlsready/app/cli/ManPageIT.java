package io.tlsready.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The man pages the build wrote (target/man, package phase) render with groff, one per command of the model, and
 * each names every option of its command.
 */
class ManPageIT {

    private static Path page(CommandSpec spec) {
        return Path.of("target", "man", spec.qualifiedName("-") + ".1");
    }

    private static String render(Path page) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("groff", "-man", "-Tutf8", "-P", "-cbou", page.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as("groff on %s", page).isZero();
        // groff may print a hyphen as U+2010 or a minus as U+2212; plain text: no SGR codes, no overstrike (-P -cbou)
        return out.replace('\u2010', '-').replace('\u2212', '-').replaceAll("\\s+", " ");
    }

    private static boolean groffInstalled() throws InterruptedException {
        try {
            Process p = new ProcessBuilder("groff", "--version").redirectErrorStream(true).start();
            p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void every_command_has_a_man_page_that_renders_and_names_every_option() throws Exception {
        assumeTrue(groffInstalled(), "groff is not installed (Debian: groff-base)");
        List<CommandLine> commands = CompletionTest.commands(CommandTree.full());

        for (CommandLine c : commands) {
            CommandSpec spec = c.getCommandSpec();
            Path page = page(spec);
            assertThat(page).as("man page of %s", spec.qualifiedName()).isRegularFile();
            String text = render(page);
            assertThat(text).as(page.toString()).contains("NAME", spec.qualifiedName("-"));
            for (OptionSpec o : spec.options()) {
                if (!o.hidden()) {
                    assertThat(text).as("%s in %s", o.longestName(), page).contains(o.longestName());
                }
            }
        }
    }

    @Test
    void the_root_page_lists_every_subcommand() throws Exception {
        assumeTrue(groffInstalled(), "groff is not installed (Debian: groff-base)");
        CommandLine root = CommandTree.full();

        String text = render(page(root.getCommandSpec()));

        assertThat(text).contains(root.getSubcommands().keySet().toArray(String[]::new));
        // a label with brackets keeps its option in the synopsis (asciidoctor would take it for an attribute list)
        assertThat(render(page(root.getSubcommands().get("audit").getCommandSpec())))
                .contains("[--host=NAME[:PORT]]", "[--inventory=FILE]");
        assertThat(Files.readString(page(root.getCommandSpec()))).startsWith("'\\\" t");
    }
}
