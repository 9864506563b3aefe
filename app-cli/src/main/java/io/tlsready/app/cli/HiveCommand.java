package io.tlsready.app.cli;

import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.RegistryData;
import io.tlsready.domain.output.RegText;
import io.tlsready.domain.output.Visible;
import io.tlsready.domain.port.EvidenceException;
import io.tlsready.regf.Hive;
import io.tlsready.regf.HiveFormatException;
import io.tlsready.regf.HiveKey;
import io.tlsready.regf.HiveRecovery;
import io.tlsready.regf.HiveValue;
import io.tlsready.regf.RecoveryResult;
import io.tlsready.regf.RegExportWriter;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tlsready hive export|get}: the everyday tools an analyst expects next to an offline audit. */
@Command(name = "hive", mixinStandardHelpOptions = true, description = "Read registry hive files.",
        subcommands = {HiveCommand.Export.class, HiveCommand.Get.class})
final class HiveCommand implements Runnable {

    @Inject
    HiveCommand() {
    }

    @Override
    public void run() {
        throw new UsageException("missing subcommand: 'tlsready hive export FILE' or 'tlsready hive get FILE PATH'");
    }

    /** Opens a hive, replaying the transaction logs found beside it (an analyst wants the current state). */
    static Hive open(Path file, PrintWriter err) {
        try {
            RecoveryResult recovery = HiveRecovery.recover(file, HiveRecovery.logsBeside(file));
            // Open first: a file that is no hive gets its one-line error only, not recovery warnings before it.
            Hive hive = recovery.open(file.toString());
            recovery.warnings().forEach(w -> err.println("tlsready: warning: " + Visible.of(file.toString()) + ": "
                    + Visible.of(w.reason())));
            if (recovery.recovered()) {
                err.println("tlsready: " + Visible.of(file.toString()) + ": replayed " + recovery.entriesApplied() + " log entries ("
                        + recovery.pagesApplied() + " pages) from its transaction logs");
            }
            err.flush();
            return hive;
        } catch (IOException e) {
            throw new EvidenceException(file.toString(), "cannot read: " + e.getMessage());
        } catch (HiveFormatException e) {
            throw new EvidenceException(file.toString(), "not a usable registry hive: " + e.getMessage());
        }
    }

    static HiveKey key(Hive hive, Path file, String path) {
        return hive.key(path).orElseThrow(() -> new EvidenceException(file.toString(), "no key " + path));
    }

    /** The registry path a hive file's root stands for, from its file name (SYSTEM -> HKEY_LOCAL_MACHINE\SYSTEM). */
    static String defaultPrefix(Path file) {
        String name = file.getFileName().toString().toUpperCase(Locale.ROOT);
        switch (name) {
            case "SYSTEM":
            case "SOFTWARE":
            case "SAM":
            case "SECURITY":
                return "HKEY_LOCAL_MACHINE\\" + name;
            case "DEFAULT":
                return "HKEY_USERS\\.DEFAULT";
            case "NTUSER.DAT":
                return "HKEY_CURRENT_USER";
            default:
                return "HKEY_LOCAL_MACHINE\\" + file.getFileName();
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Write a hive (or one key's subtree) as a .reg file regedit imports (UTF-16LE, BOM).",
                "Example: tlsready hive export SYSTEM --key ControlSet001\\Control\\SecurityProviders --output sp.reg",
                "Exit 4: written, but keys or values whose names a .reg file cannot carry were left out (each named).",
                "Exit 2: the hive cannot be read."})
    static final class Export implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "FILE", description = "The hive file.")
        Path file;

        @Option(names = "--key", paramLabel = "PATH", description = "Only this key and below (relative to the hive root).")
        String key = "";

        @Option(names = "--prefix", paramLabel = "ROOT",
                description = "The registry path of the hive root (default from the file name, e.g. HKEY_LOCAL_MACHINE\\SYSTEM).")
        String prefix;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE (default stdout).")
        Path output;

        @Option(names = "--debug", description = "Show stack traces on errors.")
        boolean debug;

        private final PrintWriter err;

        @Inject
        Export(@Named("err") PrintWriter err) {
            this.err = err;
        }

        @Override
        public Integer call() throws IOException {
            Hive hive = open(file, err);
            HiveKey start = key(hive, file, key);
            String root = prefix != null ? prefix : defaultPrefix(file);
            if (root.isEmpty() || root.startsWith("-") || !RegText.canQuote(root)) {
                throw new UsageException("--prefix " + Visible.quoted(root) + " cannot start a .reg key line");
            }
            RegExportWriter[] writer = new RegExportWriter[1];
            OutputTarget.Body body = stream -> {
                java.io.Writer w = RegExportWriter.utf16le(stream);
                writer[0] = new RegExportWriter(w, root, Visible::of);
                writer[0].export(hive, start);
                w.flush();
            };
            if (output == null || OutputTarget.isDash(output)) {
                body.writeTo(new java.io.FileOutputStream(java.io.FileDescriptor.out));
            } else {
                OutputTarget.write(output, null, body);
            }
            String name = Visible.of(file.toString());
            hive.warnings().forEach(w -> err.println("tlsready: warning: " + name + ": " + Visible.of(w.toString())));
            writer[0].leftOut().forEach(note -> err.println("tlsready: warning: " + name + ": " + note));
            int keys = writer[0].keysLeftOut();
            int values = writer[0].valuesLeftOut();
            if (keys + values > 0) {
                err.println("tlsready: " + name + ": export incomplete: " + keys + (keys == 1 ? " key" : " keys")
                        + " (with everything below) and " + values + (values == 1 ? " value" : " values")
                        + " left out, their names cannot be written to a .reg file (exit code 4)");
                err.flush();
                return ExitCode.INCOMPLETE;
            }
            err.flush();
            return ExitCode.READY;
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true,
            description = {"Print one key (its values and subkeys) or one value of a hive file.",
                "Example: tlsready hive get SYSTEM Select Current"})
    static final class Get implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "FILE", description = "The hive file.")
        Path file;

        @Parameters(index = "1", paramLabel = "PATH", description = "Key path relative to the hive root.")
        String path;

        @Parameters(index = "2", arity = "0..1", paramLabel = "VALUE", description = "Value name (@ for the default value).")
        String value;

        @Option(names = "--debug", description = "Show stack traces on errors.")
        boolean debug;

        private final PrintWriter out;
        private final PrintWriter err;

        @Inject
        Get(@Named("out") PrintWriter out, @Named("err") PrintWriter err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public Integer call() {
            Hive hive = open(file, err);
            HiveKey key = key(hive, file, path);
            // Names and data come from the hive: made visible, so no escape sequence reaches the terminal.
            if (value != null) {
                String name = value.equals("@") ? "" : value;
                Optional<HiveValue> v = key.value(name);
                if (v.isEmpty()) {
                    throw new EvidenceException(file.toString(), "key " + Visible.of(path) + " has no value "
                            + Visible.of(value));
                }
                RegValue rv = RegistryData.decode(v.get().type(), v.get().data());
                out.println(rv.typeName() + " " + Visible.of(rv.display()));
                out.flush();
                return ExitCode.READY;
            }
            // For a person at a terminal: names and data from the hive are shown Visible (export is the faithful copy).
            out.println("[" + Visible.of(defaultPrefix(file) + (key.path().isEmpty() ? "" : "\\" + key.path())) + "]");
            out.println("last written " + Hive.filetimeToInstant(key.lastWritten()));
            for (HiveValue v : key.values()) {
                RegValue rv = RegistryData.decode(v.type(), v.data());
                out.printf("  %-32s %-14s %s%n", v.name().isEmpty() ? "(Default)" : Visible.of(v.name()), rv.typeName(),
                        Visible.of(rv.display()));
            }
            for (HiveKey sub : key.subkeys()) {
                out.println("  " + Visible.of(sub.name()) + "\\");
            }
            out.flush();
            return ExitCode.READY;
        }
    }

}
