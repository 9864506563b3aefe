package io.tlsready.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlsready.domain.fix.FixDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code fix --resume}: the targets a killed or stopped run already fixed (or found needing nothing), from its JSON
 * lines; hosts that failed, and so were undone, are tried again. A line cut
 * short by the kill (the last one) is skipped: that host is fixed again, and its journal says what it had done.
 */
final class FixResume {

    private FixResume() {
    }

    static Set<String> doneTargets(Path jsonl) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        Set<String> done = new LinkedHashSet<>();
        List<String> lines = Files.readAllLines(jsonl, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            JsonNode n;
            try {
                n = mapper.readTree(line);
            } catch (IOException e) {
                if (i == lines.size() - 1) {
                    continue;
                }
                throw new UsageException(jsonl + ":" + (i + 1) + ": not a tlsready fix line; cannot resume from it");
            }
            if (!FixDocument.SCHEMA.equals(n.path("schema").asText()) || !n.path("target").isTextual()) {
                throw new UsageException(jsonl + ":" + (i + 1) + ": not a tlsready fix line; cannot resume from it");
            }
            if (n.path("error").isNull()) {
                done.add(n.path("target").asText()); // a host that failed (and was undone) is tried again
            }
        }
        return done;
    }
}
