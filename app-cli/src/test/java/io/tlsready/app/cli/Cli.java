package io.tlsready.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Runs the real CLI in-process (same wiring as Main) and captures what it prints. */
final class Cli {

    record Result(int exitCode, String out, String err) {
    }

    private Cli() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    /** The project root, where mvnw and the launchers are (tests run with the module as working directory). */
    static Path project() {
        Path here = Paths.get("").toAbsolutePath();
        return Files.isRegularFile(here.resolve("mvnw")) ? here : here.getParent();
    }

    /** The repository's examples/ folder (tests run with the module as working directory). */
    static Path examples() {
        Path here = Paths.get("").toAbsolutePath();
        Path candidate = here.resolveSibling("examples");
        return Files.isDirectory(candidate) ? candidate : here.resolve("examples");
    }

    /** Every evidence file of one example set, as --snapshot arguments. */
    static List<String> snapshotArgs(String set) throws java.io.IOException {
        List<String> args = new ArrayList<>();
        args.add("--snapshot");
        try (Stream<Path> files = Files.list(examples().resolve(set))) {
            files.sorted().forEach(p -> args.add(p.toString()));
        }
        return args;
    }
}
