package io.tlsready.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tlsready completion bash|zsh}: prints the shell completion script that picocli generates from the command
 * model (every subcommand, option and enum value), so that it never lags behind the commands. One script serves
 * both shells: under zsh it turns on zsh's bash-completion emulation ({@code bashcompinit}) itself.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print the shell completion script for bash or zsh.", "",
            "bash:  source <(tlsready completion bash)      (add the line to ~/.bashrc to keep it)",
            "zsh:   source <(tlsready completion zsh)       (add the line to ~/.zshrc to keep it)"})
final class CompletionCommand implements Callable<Integer> {

    enum Shell { BASH, ZSH }

    @Parameters(arity = "0..1", defaultValue = "bash", paramLabel = "SHELL",
            description = "bash or zsh (default: ${DEFAULT-VALUE}).")
    Shell shell;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // needs nothing injected: made by picocli's own factory, it prints where picocli prints (Main's out)
        PrintWriter out = spec.commandLine().getOut();
        out.print(script(tree(spec.commandLine().getFactory())));
        out.flush();
        return 0;
    }

    /** The completion script for a command tree (picocli's, for bash; zsh runs it through bashcompinit). */
    static String script(CommandLine root) {
        return AutoComplete.bash(root.getCommandName(), root);
    }

    /**
     * The whole command tree: the launcher registers only the subcommand that runs (start-up), but the script and
     * the man pages describe them all.
     */
    static CommandLine tree(CommandLine.IFactory factory) {
        // instances made here, not classes handed over: picocli would make them later through its own factory,
        // which cannot (they are made by injection)
        CommandLine root = new CommandLine(instance(factory, TlsReadyCommand.class), factory);
        Main.subcommands().forEach((name, type) -> root.addSubcommand(name,
                new CommandLine(instance(factory, type), factory)));
        return root;
    }

    private static Object instance(CommandLine.IFactory factory, Class<?> type) {
        try {
            return factory.create(type);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the command " + type.getName(), e);
        }
    }
}
