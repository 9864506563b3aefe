package io.tlsready.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The fenced code blocks of a Markdown document (CommonMark fences: three or more backticks or tildes, closed by the
 * same character at least as many times; inside list items too, where the fence is indented and so is its content).
 * A block whose info string starts with {@code sh}, {@code bash} or {@code shell} is a shell block; it runs unless
 * the info string also says {@code no-run} (```sh no-run: real hosts, Windows, or commands that never end).
 */
final class ShellBlocks {

    private static final Set<String> SHELLS = Set.of("sh", "bash", "shell");

    private ShellBlocks() {
    }

    /** One fenced block: the line its opening fence is on (1-based), its info string and its lines. */
    record Block(int line, String info, List<String> lines) {

        String language() {
            String[] words = info.strip().split("\\s+", 2);
            return words[0].toLowerCase(Locale.ROOT);
        }

        boolean shell() {
            return SHELLS.contains(language());
        }

        boolean noRun() {
            return List.of(info.strip().split("\\s+")).contains("no-run");
        }

        boolean runs() {
            return shell() && !noRun();
        }

        /** The first line that is not blank, as a reader would recognise the block. */
        String firstLine() {
            return lines.stream().filter(l -> !l.isBlank()).findFirst().orElse("(empty block)").strip();
        }

        /** The document line of the block's {@code i}-th line (0-based). */
        int lineOf(int i) {
            return line + 1 + i;
        }
    }

    /** Every fenced block of the document, in order. */
    static List<Block> all(String markdown) {
        String[] lines = markdown.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<Block> blocks = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            Fence open = Fence.opening(lines[i]);
            if (open == null) {
                i++;
                continue;
            }
            int start = i;
            List<String> body = new ArrayList<>();
            i++;
            while (i < lines.length && !open.closedBy(lines[i])) {
                body.add(open.unindent(lines[i]));
                i++;
            }
            if (i == lines.length && !body.isEmpty() && body.get(body.size() - 1).isEmpty()) {
                body.remove(body.size() - 1); // an unclosed fence runs to the end; the final newline is no line
            }
            blocks.add(new Block(start + 1, open.info, List.copyOf(body)));
            i++; // the closing fence
        }
        return blocks;
    }

    /** The shell blocks that run (```sh without no-run), in document order. */
    static List<Block> runnable(String markdown) {
        return all(markdown).stream().filter(Block::runs).toList();
    }

    private record Fence(int indent, char marker, int length, String info) {

        static Fence opening(String line) {
            int indent = 0;
            while (indent < line.length() && line.charAt(indent) == ' ') {
                indent++;
            }
            if (indent >= line.length()) {
                return null;
            }
            char c = line.charAt(indent);
            if (c != '`' && c != '~') {
                return null;
            }
            int end = indent;
            while (end < line.length() && line.charAt(end) == c) {
                end++;
            }
            int length = end - indent;
            String info = line.substring(end).strip();
            if (length < 3 || c == '`' && info.indexOf('`') >= 0) {
                return null; // inline code such as ```a``` is no fence
            }
            return new Fence(indent, c, length, info);
        }

        boolean closedBy(String line) {
            String s = line.strip();
            if (s.length() < length) {
                return false;
            }
            for (int k = 0; k < s.length(); k++) {
                if (s.charAt(k) != marker) {
                    return false;
                }
            }
            return true;
        }

        /** Content inside an indented fence loses up to the fence's indentation, as CommonMark says. */
        String unindent(String line) {
            int k = 0;
            while (k < indent && k < line.length() && line.charAt(k) == ' ') {
                k++;
            }
            return line.substring(k);
        }
    }
}
