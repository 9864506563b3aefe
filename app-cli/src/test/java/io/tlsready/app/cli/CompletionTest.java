package io.tlsready.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code tlsready completion}: the script covers the whole command model, whatever the commands are today. */
class CompletionTest {

    /** Every command of the tree, the root first. */
    static List<CommandLine> commands(CommandLine root) {
        List<CommandLine> all = new ArrayList<>(List.of(root));
        for (CommandLine sub : root.getSubcommands().values()) {
            all.addAll(commands(sub));
        }
        return all;
    }

    @Test
    void the_bash_script_names_every_subcommand_and_every_option_of_the_model() {
        Cli.Result r = Cli.run("completion", "bash");

        assertThat(r.exitCode()).as(r.err()).isZero();
        List<CommandLine> commands = commands(CommandTree.full());
        assertThat(commands).extracting(CommandLine::getCommandName)
                .contains("tlsready", "audit", "plan", "hive", "export", "completion");
        for (CommandLine c : commands) {
            CommandSpec spec = c.getCommandSpec();
            assertThat(r.out()).as("command %s", spec.qualifiedName()).contains(" " + spec.name());
            for (OptionSpec o : spec.options()) {
                if (!o.hidden()) {
                    for (String name : o.names()) {
                        assertThat(r.out()).as("%s of %s", name, spec.qualifiedName()).contains(name);
                    }
                }
            }
        }
    }

    @Test
    void the_zsh_script_is_the_same_script_which_turns_on_bashcompinit_itself() {
        Cli.Result zsh = Cli.run("completion", "zsh");

        assertThat(zsh.exitCode()).isZero();
        assertThat(zsh.out()).isEqualTo(Cli.run("completion", "bash").out())
                .contains("bashcompinit", "complete -F _complete_tlsready -o default tlsready");
    }

    @Test
    void completion_without_a_shell_prints_the_bash_script_and_a_wrong_shell_names_the_valid_ones() {
        assertThat(Cli.run("completion").out()).isEqualTo(Cli.run("completion", "bash").out());

        Cli.Result fish = Cli.run("completion", "fish");

        assertThat(fish.exitCode()).isEqualTo(2);
        assertThat(fish.err()).contains("fish").containsIgnoringCase("bash").containsIgnoringCase("zsh");
    }
}
