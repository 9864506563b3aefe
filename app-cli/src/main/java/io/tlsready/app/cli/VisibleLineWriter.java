package io.tlsready.app.cli;

import io.tlsready.domain.output.Visible;
import java.io.IOException;
import java.io.Writer;

/**
 * stderr as a person sees it: every line is passed through {@link Visible} (tabs kept, for {@code --debug}
 * stack traces), so no message, whoever wrote it (a command, picocli echoing an argument that came from a
 * glob over evidence files, a library), can put a raw escape sequence, CR or bidi override on the terminal.
 * Commands still make evidence visible themselves where they name it; this is the net under them. tlsready
 * never colours stderr, so nothing legitimate is lost.
 */
final class VisibleLineWriter extends Writer {

    private static final boolean CRLF = System.lineSeparator().equals("\r\n");

    private final Writer target;
    private final StringBuilder line = new StringBuilder();

    VisibleLineWriter(Writer target) {
        this.target = target;
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        synchronized (lock) {
            for (int i = off; i < off + len; i++) {
                char c = buf[i];
                if (c == '\n') {
                    // On Windows println ends a line with CR LF: that CR is the separator's, not the message's.
                    int end = CRLF && line.length() > 0 && line.charAt(line.length() - 1) == '\r'
                            ? line.length() - 1 : line.length();
                    target.write(visible(line.substring(0, end)));
                    target.write(end < line.length() ? "\r\n" : "\n");
                    line.setLength(0);
                } else {
                    line.append(c);
                }
            }
        }
    }

    /** Writes a pending partial line (a prompt, a progress message) as it stands. */
    @Override
    public void flush() throws IOException {
        synchronized (lock) {
            if (line.length() > 0) {
                target.write(visible(line.toString()));
                line.setLength(0);
            }
            target.flush();
        }
    }

    @Override
    public void close() throws IOException {
        flush();
        target.close();
    }

    private static String visible(String text) {
        if (text.indexOf('\t') < 0) {
            return Visible.of(text);
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        String[] parts = text.split("\t", -1);
        for (int i = 0; i < parts.length; i++) {
            sb.append(i == 0 ? "" : "\t").append(Visible.of(parts[i]));
        }
        return sb.toString();
    }
}
