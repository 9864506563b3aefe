package io.tlsready.docs;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one document's blocks ({@link BlockScript}) in one {@code bash} from the repository root, with stdin from
 * /dev/null, a private {@code TMPDIR}, {@code TLSREADY_NO_BUILD=1} (the launchers use this build's jars and never
 * start a nested Maven) and a marker in the environment that every process it starts inherits, daemons included:
 * whatever still carries the marker when bash is gone was left running, and is stopped ({@link Leftovers}).
 */
final class DocumentRun {

    /** How the run ended, and which block and document line failed if one did. */
    record Outcome(String document, String marker, List<ShellBlocks.Block> blocks, boolean timedOut, int exitStatus, boolean done,
            int failedBlock, int failedDocLine, String expectation, String output, List<String> leftovers,
            Duration elapsed) {

        boolean passed() {
            return !timedOut && exitStatus == 0 && done && leftovers.isEmpty();
        }

        /** The output between block {@code k}'s marker and the next marker. */
        String outputOf(int k) {
            String start = marker + " block " + k + "\n";
            int from = output.indexOf(start);
            if (from < 0) {
                return "";
            }
            from += start.length();
            int to = output.indexOf("\n" + marker + " ", from);
            return output.substring(from, to < 0 ? output.length() : to);
        }
    }

    private DocumentRun() {
    }

    static Outcome run(Path root, String document, Path work, Duration timeout) throws IOException,
            InterruptedException {
        List<ShellBlocks.Block> blocks = ShellBlocks.runnable(Files.readString(root.resolve(document),
                StandardCharsets.UTF_8));
        String token = Leftovers.token();
        BlockScript script = BlockScript.of(blocks, token);
        String name = document.replace('/', '_');
        Path scriptFile = work.resolve(name + ".sh");
        Path log = work.resolve(name + ".log");
        Path tmp = work.resolve(name + ".tmp");
        deleteTree(tmp); // an earlier, interrupted run's leftovers are not this run's
        Files.createDirectories(tmp);
        Files.writeString(scriptFile, script.text(), StandardCharsets.UTF_8);

        ProcessBuilder pb = new ProcessBuilder("bash", scriptFile.toString()).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = pb.environment();
        env.put("TLSREADY_NO_BUILD", "1");
        env.put("TMPDIR", tmp.toString());
        env.put(Leftovers.VARIABLE, token);
        long started = System.nanoTime();
        Process bash = pb.start();
        boolean finished = bash.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            bash.destroyForcibly();
            bash.waitFor();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        List<String> leftovers = Leftovers.stop(token);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        try (var left = Files.list(tmp)) {
            left.forEach(p -> leftovers.add("left in TMPDIR (a mktemp not removed): " + p.getFileName()));
        }

        String marker = script.marker();
        int failedBlock = -1;
        int failedLine = 0;
        String expectation = "";
        boolean done = false;
        for (String line : output.split("\n", -1)) {
            if (!line.startsWith(marker + " ")) {
                continue;
            }
            String[] f = line.substring(marker.length() + 1).split(" ");
            switch (f[0]) {
                case "block" -> failedBlock = Integer.parseInt(f[1]);
                case "failed" -> failedLine = failedLine != 0 ? failedLine : script.docLine(Integer.parseInt(f[1]));
                case "exit" -> expectation = "expected exit " + f[2] + ", got " + f[3];
                case "done" -> done = true;
                default -> {
                }
            }
        }
        return new Outcome(document, marker, blocks, !finished, finished ? bash.exitValue() : -1, done, failedBlock,
                failedLine, expectation, output, leftovers, elapsed);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Lines for a failure message: what failed where, and that block's own output (its last lines). */
    static String explain(Outcome o, Path log, int lastLines) {
        StringBuilder sb = new StringBuilder();
        ShellBlocks.Block b = o.failedBlock() >= 0 && o.failedBlock() < o.blocks().size()
                ? o.blocks().get(o.failedBlock()) : null;
        String where = b == null ? "before its first block"
                : "in the ```sh block at line " + b.line() + " (" + b.firstLine() + ")";
        if (o.timedOut()) {
            sb.append(o.document()).append(": timed out after ").append(o.elapsed().toSeconds()).append(" s ")
                    .append(where);
        } else if (!o.done()) {
            sb.append(o.document()).append(": failed ").append(where);
            if (o.failedDocLine() > 0) {
                sb.append(", at line ").append(o.failedDocLine());
            }
            sb.append(o.expectation().isEmpty() ? ", exit status " + o.exitStatus() : ": " + o.expectation());
        } else {
            sb.append(o.document()).append(": every block ran");
        }
        if (!o.leftovers().isEmpty()) {
            sb.append("\nleft behind (now stopped / listed):");
            o.leftovers().forEach(l -> sb.append("\n  ").append(l));
        }
        if (b != null && !o.done()) {
            List<String> out = new ArrayList<>(List.of(o.outputOf(o.failedBlock()).split("\n", -1)));
            int from = Math.max(0, out.size() - lastLines);
            sb.append("\n--- the block's output").append(from > 0 ? " (last " + lastLines + " lines)" : "")
                    .append(" ---\n").append(String.join("\n", out.subList(from, out.size())));
        }
        sb.append("\n--- whole run: ").append(log).append(" (script: ").append(log.resolveSibling(log.getFileName()
                .toString().replaceAll("\\.log$", ".sh"))).append(")");
        return sb.toString();
    }
}
