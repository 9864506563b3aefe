package io.tlsready.app.cli.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import io.tlsready.domain.port.EvidenceException;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.report.Verdict;
import io.tlsready.formats.JsonLines;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The results of an earlier run, read from its JSON-lines file for {@code --resume}. A last line without its
 * newline is what a killed run leaves behind: it is dropped with a warning and cut off the file, so that new
 * lines start clean. Any other unreadable line is an error naming {@code file:line}: that file was not written
 * by an interrupted tlsready, and guessing could lose results.
 */
public final class ResumeLog {

    /** One host already done; {@code report} only when the final report needs it. */
    public record Done(Verdict verdict, boolean unreachable, HostReport report) {
    }

    private ResumeLog() {
    }

    /** Done hosts by target ("host:port"), in file order; a host listed twice counts once, the last line wins. */
    public static Map<String, Done> read(Path file, boolean keepReports, PrintWriter err) throws IOException {
        Map<String, Done> done = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return done;
        }
        long goodEnd = 0;
        int lineNo = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            long offset = 0;
            int b;
            while ((b = in.read()) != -1) {
                offset++;
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
                lineNo++;
                if (line.size() > 0) {
                    parse(file, lineNo, line.toByteArray(), keepReports, done);
                }
                line.reset();
                goodEnd = offset;
            }
            if (line.size() > 0) {
                lineNo++;
                err.println("tlsready: warning: " + file + ":" + lineNo + ": ignoring a truncated last line "
                        + "(interrupted run); that host is audited again");
            }
        }
        if (goodEnd < Files.size(file)) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(goodEnd);
            }
        }
        return done;
    }

    private static void parse(Path file, int lineNo, byte[] bytes, boolean keep, Map<String, Done> done) {
        try {
            JsonNode n = JsonLines.mapper().readTree(bytes);
            if (n == null || !n.isObject() || !n.hasNonNull("host") || !n.hasNonNull("verdict")) {
                throw new IllegalArgumentException("not a tlsready host result");
            }
            String key = n.hasNonNull(JsonLines.TARGET) ? n.get(JsonLines.TARGET).asText() : n.get("host").asText();
            Verdict verdict = Verdict.valueOf(n.get("verdict").asText());
            HostReport report = keep ? HostReportJson.read(n) : null;
            done.remove(key);
            done.put(key, new Done(verdict, n.hasNonNull("error"), report));
        } catch (IOException | IllegalArgumentException e) {
            throw new EvidenceException(file + ":" + lineNo, "not a tlsready result line (" + e.getMessage()
                    .lines().findFirst().orElse("") + "); fix or remove it to resume");
        }
    }

    /** An empty result, for runs that start fresh. */
    public static Map<String, Done> none() {
        return Collections.emptyMap();
    }
}
