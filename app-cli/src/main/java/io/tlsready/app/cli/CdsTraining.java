package io.tlsready.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The launcher's training run for its class-data-sharing archive: one JVM that runs the everyday offline
 * commands on the bundled examples, so the archive holds the classes of every offline path (evidence files,
 * hives, each report format, plan) and not only those of whatever command happened to run first.
 * Output is discarded; nothing is written outside a temporary folder.
 */
public final class CdsTraining {

    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path examples = Path.of(args.length > 0 ? args[0] : "examples");
        Path tmp = Files.createTempDirectory("tlsready-cds");
        try {
            List<String> snapshot = files(examples.resolve("2008r2-not-ready"));
            for (String format : List.of("text", "json", "csv", "html", "junit", "sarif")) {
                run(concat(List.of("audit", "--format", format, "--snapshot"), snapshot));
            }
            run(concat(List.of("audit", "--color", "always", "--snapshot"), snapshot));
            run(List.of("audit", "--hives", examples.resolve("2008r2-not-ready-volume").toString()));
            Path json = tmp.resolve("host.json");
            run(concat(List.of("collect", "--output", json.toString(), "--snapshot"), snapshot));
            run(List.of("audit", "--snapshot", json.toString()));
            run(concat(List.of("plan", "--format", "reg", "--output", tmp.resolve("fix.reg").toString(), "--snapshot"),
                    snapshot));
            run(concat(List.of("plan", "--format", "ps1", "--output", tmp.resolve("fix.ps1").toString(), "--snapshot"),
                    snapshot));
            run(List.of("rules"));
            run(List.of("audit", "--snapshot", tmp.resolve("missing.reg").toString()));
        } finally {
            try (Stream<Path> left = Files.list(tmp)) {
                for (Path p : left.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(tmp);
        }
    }

    private static void run(List<String> args) {
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        Main.run(args.toArray(String[]::new), discard, discard);
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().map(Path::toString).toList();
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
