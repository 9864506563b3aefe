package io.tlsready.adapters.windows.offline;

import io.tlsready.domain.facts.KeyRef;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.SystemInfo;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.port.FactsSource;
import io.tlsready.domain.port.FactsSourceContract;
import io.tlsready.domain.port.HostState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract for {@code --snapshot FILE.json}: the host state is written as a tlsready.snapshot/v1.1 file and read
 * back through the offline evidence adapter, exactly as the CLI does.
 *
 * <p>The file is written here, by hand, as docs/snapshot-format.md spells it, never by the adapter's own encoder: a
 * codec whose writer and reader drift from the format together (a state spelled differently, an origin read from the
 * wrong member) would read its own output back and pass, but fails against this independent writer. The states in
 * the file are the contract's expectations in the format's words; whether the adapter reads them as the same
 * ABSENT / NOT_COLLECTED / PRESENT facts is what the contract then checks.
 */
class SnapshotFactsSourceContractTest extends FactsSourceContract {

    @TempDir
    Path dir;

    @Override
    protected FactsSource sourceFor(HostState state) {
        Path file = dir.resolve("snapshot-" + System.nanoTime() + ".json");
        try {
            Files.writeString(file, snapshotJson(state), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new OfflineEvidenceAdapter().open(List.of(file));
    }

    /** A full collection of every probe, in the documented format (every probe recorded in its expected state). */
    private static String snapshotJson(HostState state) {
        String systemInfo = state.systemInfo().map(SnapshotFactsSourceContractTest::systemInfo)
                .orElse(notCollected("contract: no OS identity"));
        String updates = state.updates().map(u -> "{\"state\": \"PRESENT\", \"origin\": \"contract\", \"kbs\": ["
                        + u.kbs().stream().map(SnapshotFactsSourceContractTest::string).collect(Collectors.joining(", "))
                        + "]" + (u.complete() ? "" : ", \"complete\": false") + "}")
                .orElse(notCollected("contract: no update list"));
        String values = PROBES.stream().map(ref -> value(state, ref)).collect(Collectors.joining(",\n    "));
        String keys = KEY_PROBES.stream().map(ref -> key(state, ref)).collect(Collectors.joining(",\n    "));
        return "{\n  \"schema\": \"tlsready.snapshot/v1.1\",\n  \"host\": \"HOST1\",\n  \"source\": \"contract\",\n"
                + "  \"systemInfo\": " + systemInfo + ",\n  \"updates\": " + updates + ",\n"
                + "  \"values\": [\n    " + values + "\n  ],\n  \"keys\": [\n    " + keys + "\n  ],\n"
                + "  \"provenance\": [],\n  \"warnings\": []\n}\n";
    }

    private static String value(HostState state, ValueRef ref) {
        String place = "\"key\": " + string(ref.key()) + ", \"view\": " + string(ref.view().label())
                + ", \"name\": " + string(ref.name());
        return switch (state.expectedState(ref)) {
            case "PRESENT" -> "{" + place + ", \"state\": \"PRESENT\", " + data(state.present().get(ref))
                    + ", \"origin\": \"contract\"}";
            case "ABSENT" -> "{" + place + ", \"state\": \"ABSENT\", \"origin\": \"contract: key covered\"}";
            default -> "{" + place + ", \"state\": \"NOT_COLLECTED\", \"why\": \"contract: key not covered\"}";
        };
    }

    private static String key(HostState state, KeyRef ref) {
        String place = "\"key\": " + string(ref.key()) + ", \"view\": " + string(ref.view().label());
        return switch (state.expectedKeyState(ref)) {
            case "PRESENT" -> "{" + place + ", \"state\": \"PRESENT\", \"origin\": " + string(ref.physicalKey()) + "}";
            case "ABSENT" -> "{" + place + ", \"state\": \"ABSENT\", \"origin\": \"contract: key covered\"}";
            default -> "{" + place + ", \"state\": \"NOT_COLLECTED\", \"why\": \"contract: key not covered\"}";
        };
    }

    /** The {@code type} and {@code data} members of docs/snapshot-format.md, "values[]". */
    private static String data(RegValue value) {
        if (value instanceof RegValue.Dword d) {
            return "\"type\": \"REG_DWORD\", \"data\": " + d.value();
        }
        if (value instanceof RegValue.Qword q) {
            return "\"type\": \"REG_QWORD\", \"data\": \"" + Long.toUnsignedString(q.value()) + "\"";
        }
        if (value instanceof RegValue.Str s) {
            return "\"type\": \"" + (s.expand() ? "REG_EXPAND_SZ" : "REG_SZ") + "\", \"data\": " + string(s.value());
        }
        if (value instanceof RegValue.MultiStr m) {
            return "\"type\": \"REG_MULTI_SZ\", \"data\": ["
                    + m.values().stream().map(SnapshotFactsSourceContractTest::string).collect(Collectors.joining(", "))
                    + "]";
        }
        RegValue.Raw raw = (RegValue.Raw) value;
        String hex = "\"data\": \"" + HexFormat.of().formatHex(raw.data()) + "\"";
        return switch (raw.type()) {
            case 0 -> "\"type\": \"REG_NONE\", " + hex;
            case 3 -> "\"type\": \"REG_BINARY\", " + hex;
            default -> "\"type\": \"REG_RAW\", \"typeCode\": " + Integer.toUnsignedLong(raw.type()) + ", " + hex;
        };
    }

    private static String systemInfo(SystemInfo si) {
        StringBuilder json = new StringBuilder("{\"state\": \"PRESENT\", \"origin\": \"contract\"");
        si.hostName().ifPresent(h -> json.append(", \"hostName\": ").append(string(h)));
        json.append(", \"osName\": ").append(string(si.osName()))
                .append(", \"version\": ").append(string(si.version().toString()))
                .append(", \"servicePack\": ").append(si.servicePack());
        si.productType().ifPresent(p -> json.append(", \"productType\": ").append(string(p.name())));
        si.architecture().ifPresent(a -> json.append(", \"architecture\": ").append(string(a.name())));
        return json.append('}').toString();
    }

    private static String notCollected(String why) {
        return "{\"state\": \"NOT_COLLECTED\", \"why\": " + string(why) + "}";
    }

    /** A JSON string; everything outside printable ASCII as a {@code \\uXXXX} escape, which every reader accepts. */
    private static String string(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }
}
