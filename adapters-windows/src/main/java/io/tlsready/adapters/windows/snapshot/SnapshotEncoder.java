package io.tlsready.adapters.windows.snapshot;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tlsready.adapters.windows.json.TerminalSafeJson;
import io.tlsready.domain.facts.EvidenceWarning;
import io.tlsready.domain.facts.Fact;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.facts.InstalledUpdates;
import io.tlsready.domain.facts.KeyRef;
import io.tlsready.domain.facts.Provenance;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.SystemInfo;
import io.tlsready.domain.facts.ValueRef;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Writes a {@link HostFacts} as {@code tlsready.snapshot/v1} JSON (docs/snapshot-format.md): pretty-printed with LF
 * line ends, values and keys sorted, so two snapshots of one host diff line by line; every surrogate and
 * terminal-steering character escaped ({@link TerminalSafeJson}).
 */
final class SnapshotEncoder {

    private static final HexFormat HEX_FORMAT = HexFormat.of();

    private SnapshotEncoder() {
    }

    /** Does not close {@code out}. */
    static void write(HostFacts facts, Optional<Instant> collectedAt, OutputStream out) throws IOException {
        try (JsonGenerator g = TerminalSafeJson.generator(JsonSnapshot.Json.MAPPER.getFactory(), out)) {
            g.writeStartObject();
            g.writeStringField("schema", facts.keys().isEmpty() ? JsonSnapshot.SCHEMA : JsonSnapshot.SCHEMA_WITH_KEYS);
            g.writeStringField("host", facts.host());
            g.writeStringField("source", facts.source());
            if (collectedAt.isPresent()) {
                g.writeStringField("collectedAt", collectedAt.get().toString());
            }
            Optional<String> tool = toolVersion();
            if (tool.isPresent()) {
                g.writeStringField("tool", tool.get());
            }
            g.writeFieldName("systemInfo");
            writeSystemInfo(g, facts.systemInfo());
            g.writeFieldName("updates");
            writeUpdates(g, facts.updates());
            g.writeArrayFieldStart("values");
            List<Map.Entry<ValueRef, Fact<RegValue>>> values = new ArrayList<>(facts.values().entrySet());
            values.sort(Map.Entry.comparingByKey(VALUE_ORDER));
            for (Map.Entry<ValueRef, Fact<RegValue>> e : values) {
                writeValue(g, e.getKey(), e.getValue());
            }
            g.writeEndArray();
            if (!facts.keys().isEmpty()) {
                g.writeArrayFieldStart("keys");
                List<Map.Entry<KeyRef, Fact<String>>> keys = new ArrayList<>(facts.keys().entrySet());
                keys.sort(Comparator.comparing((Map.Entry<KeyRef, Fact<String>> e) -> e.getKey().key()
                        .toUpperCase(Locale.ROOT)).thenComparing(e -> e.getKey().view()));
                for (Map.Entry<KeyRef, Fact<String>> e : keys) {
                    g.writeStartObject();
                    g.writeStringField("key", e.getKey().key());
                    g.writeStringField("view", e.getKey().view().label());
                    writeState(g, e.getValue());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeArrayFieldStart("provenance");
            for (Provenance p : facts.provenance()) {
                g.writeStartObject();
                g.writeStringField("kind", p.kind());
                g.writeStringField("location", p.location());
                g.writeStringField("detail", p.detail());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("warnings");
            for (EvidenceWarning w : facts.warnings()) {
                g.writeStartObject();
                g.writeStringField("location", w.location());
                g.writeStringField("message", w.message());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
        out.flush();
    }

    private static final Comparator<ValueRef> VALUE_ORDER = Comparator
            .comparing((ValueRef r) -> r.key().toUpperCase(Locale.ROOT))
            .thenComparing(ValueRef::view)
            .thenComparing(r -> r.name().toUpperCase(Locale.ROOT))
            .thenComparing(ValueRef::key)
            .thenComparing(ValueRef::name);

    private static Optional<String> toolVersion() {
        String v = JsonSnapshot.class.getPackage().getImplementationVersion();
        return v == null ? Optional.empty() : Optional.of("tlsready " + v);
    }

    private static void writeState(JsonGenerator g, Fact<?> fact) throws IOException {
        g.writeStringField("state", fact.state());
        if (fact instanceof Fact.Present<?> p) {
            g.writeStringField("origin", p.origin());
        } else if (fact instanceof Fact.Absent<?> a) {
            g.writeStringField("origin", a.origin());
        } else if (fact instanceof Fact.NotCollected<?> n) {
            g.writeStringField("why", n.why());
        }
    }

    private static void writeSystemInfo(JsonGenerator g, Fact<SystemInfo> fact) throws IOException {
        g.writeStartObject();
        writeState(g, fact);
        if (fact instanceof Fact.Present<SystemInfo> p) {
            SystemInfo si = p.value();
            if (si.hostName().isPresent()) {
                g.writeStringField("hostName", si.hostName().get());
            }
            g.writeStringField("osName", si.osName());
            g.writeStringField("version", si.version().toString());
            g.writeNumberField("servicePack", si.servicePack());
            if (si.productType().isPresent()) {
                g.writeStringField("productType", si.productType().get().name());
            }
            if (si.architecture().isPresent()) {
                g.writeStringField("architecture", si.architecture().get().name());
            }
        }
        g.writeEndObject();
    }

    private static void writeUpdates(JsonGenerator g, Fact<InstalledUpdates> fact) throws IOException {
        g.writeStartObject();
        writeState(g, fact);
        if (fact instanceof Fact.Present<InstalledUpdates> p) {
            g.writeArrayFieldStart("kbs");
            for (String kb : new TreeSet<>(p.value().kbs())) {
                g.writeString(kb);
            }
            g.writeEndArray();
            if (!p.value().complete()) {
                g.writeBooleanField("complete", false);
            }
        }
        g.writeEndObject();
    }

    private static void writeValue(JsonGenerator g, ValueRef ref, Fact<RegValue> fact) throws IOException {
        g.writeStartObject();
        g.writeStringField("key", ref.key());
        g.writeStringField("view", ref.view().label());
        g.writeStringField("name", ref.name());
        g.writeStringField("state", fact.state());
        if (fact instanceof Fact.Present<RegValue> p) {
            writeData(g, p.value());
            g.writeStringField("origin", p.origin());
        } else if (fact instanceof Fact.Absent<RegValue> a) {
            g.writeStringField("origin", a.origin());
        } else if (fact instanceof Fact.NotCollected<RegValue> n) {
            g.writeStringField("why", n.why());
        }
        g.writeEndObject();
    }

    private static void writeData(JsonGenerator g, RegValue v) throws IOException {
        if (v instanceof RegValue.Dword d) {
            g.writeStringField("type", "REG_DWORD");
            g.writeNumberField("data", d.value());
        } else if (v instanceof RegValue.Qword q) {
            // a string: JSON numbers above 2^53 lose precision in many readers (JavaScript, jq)
            g.writeStringField("type", "REG_QWORD");
            g.writeStringField("data", Long.toUnsignedString(q.value()));
        } else if (v instanceof RegValue.Str s) {
            g.writeStringField("type", s.expand() ? "REG_EXPAND_SZ" : "REG_SZ");
            g.writeStringField("data", s.value());
        } else if (v instanceof RegValue.MultiStr m) {
            g.writeStringField("type", "REG_MULTI_SZ");
            g.writeArrayFieldStart("data");
            for (String s : m.values()) {
                g.writeString(s);
            }
            g.writeEndArray();
        } else if (v instanceof RegValue.Raw r) {
            if (r.type() == 0 || r.type() == 3) {
                g.writeStringField("type", r.type() == 0 ? "REG_NONE" : "REG_BINARY");
            } else {
                g.writeStringField("type", JsonSnapshot.REG_RAW);
                g.writeNumberField("typeCode", Integer.toUnsignedLong(r.type()));
            }
            g.writeStringField("data", HEX_FORMAT.formatHex(r.data()));
        } else {
            throw new IllegalStateException("unknown RegValue " + v.getClass());
        }
    }
}
