package io.tlsready.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One document's runnable blocks as one bash script, so that what a block sets ({@code export}, {@code $D},
 * background jobs) carries over to the next, as it does for a reader pasting them in order into one shell. It runs
 * under {@code set -eEuo pipefail}: the first command that fails stops the run, and an ERR trap says on which line.
 *
 * <p>A command that is expected to exit with a status other than 0 says so in a comment at its end,
 * {@code ./tlsready audit … # exit 1 (NOT_READY)}: the runner checks that exact status (and a different one,
 * 0 included, fails the run). Markers on the output ({@code @@TOKEN block K}, {@code @@TOKEN failed LINE STATUS},
 * {@code @@TOKEN exit DOCLINE EXPECTED GOT}) let the runner say which block and which document line failed.
 */
final class BlockScript {

    /** {@code # exit N} or {@code # exits N} at the end of a command line. */
    static final Pattern EXPECTED_EXIT = Pattern.compile("\\s#\\s*exits?\\s+(\\d{1,3})\\b");

    private final String token;
    private final List<String> lines = new ArrayList<>();
    private final List<Integer> docLines = new ArrayList<>();

    private BlockScript(String token) {
        this.token = token;
    }

    /** The script for these blocks (the document's runnable ones, in order); markers carry {@code token}. */
    static BlockScript of(List<ShellBlocks.Block> blocks, String token) {
        BlockScript s = new BlockScript(token);
        s.add("set -eEuo pipefail", 0);
        s.add("__tlsready_expect() { [ \"$2\" = \"$1\" ] && return 0; printf '\\n%s exit %s %s %s\\n' '" + s.marker()
                + "' \"$3\" \"$1\" \"$2\"; return 1; }", 0);
        s.add("trap '__tlsready_status=$?; printf \"\\n%s failed %s %s\\n\" \"" + s.marker()
                + "\" \"$LINENO\" \"$__tlsready_status\"' ERR", 0);
        for (int k = 0; k < blocks.size(); k++) {
            ShellBlocks.Block b = blocks.get(k);
            s.add("printf '\\n%s block %s\\n' '" + s.marker() + "' " + k, b.line());
            s.addBlock(b);
        }
        s.add("printf '\\n%s done\\n' '" + s.marker() + "'", 0);
        return s;
    }

    private void addBlock(ShellBlocks.Block b) {
        List<String> body = b.lines();
        int start = 0;
        while (start < body.size()) {
            int end = start;
            while (end < body.size() - 1 && continues(body.get(end))) {
                end++;
            }
            Optional<Integer> expected = expectedExit(body.get(end));
            for (int i = start; i <= end; i++) {
                String line = body.get(i);
                add(i == start && expected.isPresent() ? "{ " + line : line, b.lineOf(i));
            }
            if (expected.isPresent()) {
                add("} && __tlsready_rc=0 || __tlsready_rc=$?; __tlsready_expect " + expected.get()
                        + " \"$__tlsready_rc\" " + b.lineOf(end), b.lineOf(end));
            }
            start = end + 1;
        }
    }

    /** A line ending in a backslash goes on with the next (the same command). */
    private static boolean continues(String line) {
        int backslashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    /** The status a command line's final {@code # exit N} comment expects; none on comment-only lines. */
    static Optional<Integer> expectedExit(String line) {
        Matcher m = EXPECTED_EXIT.matcher(line);
        if (!m.find() || line.substring(0, m.start()).isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(m.group(1)));
    }

    private void add(String line, int docLine) {
        lines.add(line);
        docLines.add(docLine);
    }

    String marker() {
        return "@@" + token;
    }

    String text() {
        return String.join("\n", lines) + "\n";
    }

    /** The document line a script line (1-based, as bash's {@code $LINENO}) came from; 0 for the runner's own. */
    int docLine(int scriptLine) {
        return scriptLine >= 1 && scriptLine <= docLines.size() ? docLines.get(scriptLine - 1) : 0;
    }
}
