package io.tlsready.adapters.windows.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import io.tlsready.domain.facts.Architecture;
import io.tlsready.domain.facts.EvidenceWarning;
import io.tlsready.domain.facts.Fact;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.facts.InstalledUpdates;
import io.tlsready.domain.facts.ProductType;
import io.tlsready.domain.facts.Provenance;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.SystemInfo;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.facts.WindowsVersion;
import io.tlsready.domain.port.EvidenceException;
import io.tlsready.domain.port.SnapshotWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonSnapshotTest {

    static final String SCHANNEL = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL"
            + "\\Protocols\\TLS 1.2\\Client";
    static final String NETFX = "HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319";

    /** Every RegValue type, both views, all three states, 0xFFFFFFFF, awkward strings. */
    static HostFacts richFacts() {
        Map<ValueRef, Fact<RegValue>> values = new LinkedHashMap<>();
        values.put(ValueRef.of(SCHANNEL, "Enabled"), Fact.present(new RegValue.Dword(0xFFFF_FFFFL), "reg export"));
        values.put(ValueRef.of(SCHANNEL, "DisabledByDefault"), Fact.absent("reg export: key covered"));
        values.put(ValueRef.of(NETFX, "SchUseStrongCrypto"), Fact.present(new RegValue.Dword(1), "live 64-bit"));
        values.put(ValueRef.wow32(NETFX, "SchUseStrongCrypto"), Fact.present(new RegValue.Dword(0), "live 32-bit"));
        values.put(ValueRef.wow32(NETFX, "SystemDefaultTlsVersions"), Fact.notCollected("32-bit view not exported"));
        values.put(ValueRef.of(NETFX, "Q"), Fact.present(new RegValue.Qword(-1L), "o"));
        values.put(ValueRef.of(NETFX, "Q0"), Fact.present(new RegValue.Qword(Long.MIN_VALUE), "o"));
        values.put(ValueRef.of(NETFX, "Path"), Fact.present(new RegValue.Str("%SystemRoot%\\x", true), "o"));
        values.put(ValueRef.of(NETFX, ""), Fact.present(RegValue.Str.of("déjà \"vu\"\n\t\u0000 ☃ \uD83D\uDE00"), "o"));
        values.put(ValueRef.of(NETFX, "Lone"), Fact.present(RegValue.Str.of("a\uD800b\uDC00"), "o"));
        values.put(ValueRef.of(NETFX, "Multi"), Fact.present(new RegValue.MultiStr(List.of("a", "", "ü")), "o"));
        values.put(ValueRef.of(NETFX, "Empty"), Fact.present(new RegValue.MultiStr(List.of()), "o"));
        values.put(ValueRef.of(NETFX, "Bin"), Fact.present(new RegValue.Raw(3, new byte[] {0, 1, (byte) 0xff}), "o"));
        values.put(ValueRef.of(NETFX, "None"), Fact.present(new RegValue.Raw(0, new byte[0]), "o"));
        values.put(ValueRef.of(NETFX, "Odd"), Fact.present(new RegValue.Raw(4, new byte[] {1, 2, 3}), "o"));
        values.put(ValueRef.of(NETFX, "Big"), Fact.present(new RegValue.Raw(-1, new byte[] {9}), "o"));
        values.put(ValueRef.of(NETFX, "BE"), Fact.present(new RegValue.Raw(5, new byte[] {0, 0, 0, 1}), "o"));
        SystemInfo si = new SystemInfo(Optional.of("SRV01"), "Microsoft Windows Server 2008 R2 Standard",
                new WindowsVersion(6, 1, 7601), 1, Optional.of(ProductType.SERVER), Optional.of(Architecture.X64));
        return new HostFacts("SRV01", "snapshot test", values, Fact.present(si, "systeminfo.txt"),
                Fact.present(InstalledUpdates.of(List.of("KB3140245", "kb4019276")), "qfe.txt"),
                List.of(new Provenance("reg-export", "a.reg", "UTF-16LE"), new Provenance("systeminfo", "s.txt", "")),
                List.of(new EvidenceWarning("a.reg:17", "skipped a junk line")));
    }

    static byte[] bytes(HostFacts facts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonSnapshot.write(facts, out);
        return out.toByteArray();
    }

    @Test
    void round_trip_gives_equal_facts(@TempDir Path dir) throws IOException {
        HostFacts facts = richFacts();
        Path file = dir.resolve("snap.json");
        Files.write(file, bytes(facts));
        assertThat(JsonSnapshot.read(file)).isEqualTo(facts);
    }

    /** A snapshot shown with cat or a pager must not act on the terminal, and must still read back exactly. */
    @Test
    void steering_characters_from_the_host_are_escaped_and_read_back_exactly() throws IOException {
        String hostile = "H\u001b]0;t\u0007\u202eX\u2066\u2028\u0085\u007f\ud800\r\n";
        HostFacts facts = new HostFacts(hostile, "s", Map.of(ValueRef.of(NETFX, hostile),
                Fact.present(new RegValue.Str(hostile, false), "o " + hostile)), Fact.absent("looked"), Fact.absent("looked"),
                List.of(new Provenance("reg-export", hostile, "")), List.of(new EvidenceWarning(hostile, hostile)));
        byte[] json = bytes(facts);
        String text = new String(json, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text.codePoints().filter(c -> c != '\n' && io.tlsready.domain.output.Visible.steers(c))).isEmpty();
        assertThat(text.toLowerCase(java.util.Locale.ROOT)).contains("\\u202e", "\\u001b", "\\ud800", "\\u007f");
        assertThat(JsonSnapshot.parse(json, "x")).isEqualTo(facts);
    }

    @Test
    void round_trip_of_sparse_facts() throws IOException {
        HostFacts facts = new HostFacts("h", "s", Map.of(), Fact.absent("looked"), Fact.absent("looked too"),
                List.of(), List.of());
        assertThat(JsonSnapshot.parse(bytes(facts), "x")).isEqualTo(facts);
        HostFacts minimal = new HostFacts("h", "s", Map.of(),
                Fact.present(new SystemInfo(Optional.empty(), "", new WindowsVersion(10, 0, 20348), 0,
                        Optional.empty(), Optional.empty()), "wmi"),
                Fact.present(InstalledUpdates.of(List.of()), "qfe"), List.of(), List.of());
        assertThat(JsonSnapshot.parse(bytes(minimal), "x")).isEqualTo(minimal);
    }

    @Test
    void output_is_deterministic_sorted_and_readable() throws IOException {
        byte[] first = bytes(richFacts());
        assertThat(bytes(richFacts())).isEqualTo(first);
        String text = new String(first, StandardCharsets.UTF_8);
        assertThat(text).startsWith("{\n  \"schema\" : \"tlsready.snapshot/v1\",\n  \"host\" : \"SRV01\",")
                .doesNotContain("\r").endsWith("}\n");
        assertThat(text).contains("\"type\" : \"REG_DWORD\",\n      \"data\" : 4294967295,")
                .contains("\"data\" : \"18446744073709551615\"")
                .contains("\"type\" : \"REG_RAW\",\n      \"typeCode\" : 4294967295,")
                .contains("a\\ud800b\\udc00");
        // values sorted by key, then view (64-bit first), then name, ignoring case
        assertThat(text.indexOf("\"name\" : \"SchUseStrongCrypto\",\n      \"state\" : \"PRESENT\",\n      "
                + "\"type\" : \"REG_DWORD\",\n      \"data\" : 1")).isLessThan(text.indexOf("\"view\" : \"32-bit\""));
        assertThat(text.indexOf("HKLM\\\\SOFTWARE")).isLessThan(text.indexOf("HKLM\\\\SYSTEM"));
    }

    @Test
    void writer_bound_by_guice_stamps_collected_at_and_reads_back() throws IOException {
        Injector injector = Guice.createInjector(Stage.PRODUCTION,
                binder -> binder.requireExplicitBindings(), new SnapshotModule());
        SnapshotWriter writer = injector.getInstance(SnapshotWriter.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(richFacts(), out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).containsPattern("\"collectedAt\" : \"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\"");
        assertThat(JsonSnapshot.parse(out.toByteArray(), "x")).isEqualTo(richFacts());
    }

    @Test
    void the_example_in_the_format_document_is_valid() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "snapshot-format.md"));
        int start = doc.indexOf("```json\n") + "```json\n".length();
        String example = doc.substring(start, doc.indexOf("```", start));
        HostFacts facts = JsonSnapshot.parse(example.getBytes(StandardCharsets.UTF_8), "snapshot-format.md");
        assertThat(facts.values()).hasSize(4);
        assertThat(facts.value(ValueRef.of(SCHANNEL, "Enabled")).asOptional()).contains(new RegValue.Dword(0xFFFF_FFFFL));
        assertThat(JsonSnapshot.looksLike(example.getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void looks_like_recognises_snapshots_only() throws IOException {
        byte[] snap = bytes(richFacts());
        assertThat(JsonSnapshot.looksLike(java.util.Arrays.copyOf(snap, 64))).isTrue();
        assertThat(JsonSnapshot.looksLike(("\uFEFF  " + new String(snap, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8))).isTrue();
        byte[] utf16 = ("\uFEFF" + new String(snap, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_16LE);
        assertThat(JsonSnapshot.looksLike(java.util.Arrays.copyOf(utf16, 200))).isTrue();
        assertThat(JsonSnapshot.looksLike("Windows Registry Editor Version 5.00\r\n".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(JsonSnapshot.looksLike("[{\"HotFixID\":\"KB3140245\"}]".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(JsonSnapshot.looksLike("{\"HotFixID\":\"KB3140245\"}".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(JsonSnapshot.looksLike(new byte[0])).isFalse();
        assertThat(JsonSnapshot.looksLike(new byte[] {(byte) 0xff})).isFalse();
    }

    @Test
    void byte_order_marks_are_accepted() throws IOException {
        String text = new String(bytes(richFacts()), StandardCharsets.UTF_8);
        assertThat(JsonSnapshot.parse(("\uFEFF" + text).getBytes(StandardCharsets.UTF_8), "x")).isEqualTo(richFacts());
        assertThat(JsonSnapshot.parse(("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE), "x"))
                .isEqualTo(richFacts());
    }

    // ------------------------------------------------------------------ malformed input

    static final String BASE = """
            {"schema":"tlsready.snapshot/v1","host":"H","source":"S",
             "systemInfo":{"state":"NOT_COLLECTED","why":"w"},
             "updates":{"state":"NOT_COLLECTED","why":"w"},
             "values":[{"key":"HKLM\\\\SOFTWARE\\\\A","view":"64-bit","name":"N","state":"PRESENT",
                        "type":"REG_DWORD","data":1,"origin":"o"}],
             "provenance":[],"warnings":[]}
            """;

    static String base(String from, String to) {
        if (!BASE.contains(from)) {
            throw new IllegalArgumentException(from);
        }
        return BASE.replace(from, to);
    }

    /** BASE with its only value object replaced. */
    static String value(String object) {
        int from = BASE.indexOf("{\"key\"");
        int to = BASE.indexOf("\"origin\":\"o\"}") + "\"origin\":\"o\"}".length();
        return BASE.substring(0, from) + object + BASE.substring(to);
    }

    static final String KEY = "\"key\":\"HKLM\\\\SOFTWARE\\\\A\",\"view\":\"64-bit\",\"name\":\"N\",";

    static Stream<Arguments> malformed() {
        String dword = "values[0].data: expected an unsigned 32-bit number for REG_DWORD";
        return Stream.of(
                Arguments.of(base("\"data\":1", "\"data\":-1"), dword),
                Arguments.of(base("\"data\":1", "\"data\":4294967296"), dword),
                Arguments.of(base("\"data\":1", "\"data\":1.0"), dword),
                Arguments.of(base("\"data\":1", "\"data\":\"0x1\""), dword),
                Arguments.of(base("\"data\":1", "\"data\":true"), dword),
                Arguments.of(base("\"data\":1", "\"data\":null"), dword),
                Arguments.of(base("/v1\"", "/v2\""),
                        "schema: unsupported version \"tlsready.snapshot/v2\"; this tlsready reads tlsready.snapshot/v1"),
                Arguments.of(base("tlsready.snapshot/v1", "tlsready.report/v1"),
                        "schema: not a tlsready snapshot schema: \"tlsready.report/v1\" (expected "
                                + "\"tlsready.snapshot/v1\")"),
                Arguments.of(base("\"schema\":\"tlsready.snapshot/v1\",", ""),
                        "schema: required field is missing (expected \"tlsready.snapshot/v1\")"),
                Arguments.of(base("\"host\":\"H\",", ""), "host: required field is missing"),
                Arguments.of(base("\"host\":\"H\"", "\"host\":7"), "host: expected a string, found a number"),
                Arguments.of(base("\"warnings\":[]", "\"warnings\":{}"), "warnings: expected an array, found an object"),
                Arguments.of(base("\"provenance\":[]", "\"provenance\":[{\"kind\":\"k\",\"location\":\"l\"}]"),
                        "provenance[0].detail: required field is missing"),
                Arguments.of(base("\"host\":\"H\",", "\"host\":\"H\",\"colour\":1,"),
                        "colour: unknown field (this reader knows tlsready.snapshot/v1)"),
                Arguments.of(base("\"origin\":\"o\"", "\"origin\":\"o\",\"colour\":1"),
                        "values[0].colour: unknown field (this reader knows tlsready.snapshot/v1)"),
                Arguments.of(base("\"type\":\"REG_DWORD\"", "\"type\":\"REG_SZ\""),
                        "values[0].data: expected a string for REG_SZ, found a number"),
                Arguments.of(base("\"type\":\"REG_DWORD\"", "\"type\":\"REG_MULTI_SZ\""),
                        "values[0].data: expected an array of strings for REG_MULTI_SZ, found a number"),
                Arguments.of(base("\"type\":\"REG_DWORD\",\"data\":1", "\"type\":\"REG_MULTI_SZ\",\"data\":[\"a\",2]"),
                        "values[0].data[1]: expected a string for REG_MULTI_SZ, found a number"),
                Arguments.of(base("\"type\":\"REG_DWORD\",\"data\":1", "\"type\":\"REG_BINARY\",\"data\":\"abc\""),
                        "values[0].data: expected hex bytes such as \"01ab\" for REG_BINARY"),
                Arguments.of(base("\"type\":\"REG_DWORD\",\"data\":1",
                                "\"type\":\"REG_QWORD\",\"data\":\"18446744073709551616\""),
                        "values[0].data: expected an unsigned 64-bit number (decimal string) for REG_QWORD"),
                Arguments.of(base("\"type\":\"REG_DWORD\",\"data\":1", "\"type\":\"REG_RAW\",\"data\":\"00\""),
                        "values[0].typeCode: required field is missing"),
                Arguments.of(base("\"type\":\"REG_DWORD\",\"data\":1",
                                "\"type\":\"REG_RAW\",\"typeCode\":-4,\"data\":\"00\""),
                        "values[0].typeCode: expected the registry type number (0 to 4294967295)"),
                Arguments.of(base("\"data\":1", "\"typeCode\":4,\"data\":1"),
                        "values[0].typeCode: not allowed for REG_DWORD"),
                Arguments.of(base("\"type\":\"REG_DWORD\"", "\"type\":\"dword\""),
                        "values[0].type: unknown registry type \"dword\" (expected one of REG_SZ, REG_EXPAND_SZ, "
                                + "REG_MULTI_SZ, REG_DWORD, REG_QWORD, REG_BINARY, REG_NONE, REG_RAW)"),
                Arguments.of(base("\"data\":1,", ""), "values[0].data: required field is missing"),
                Arguments.of(base("\"state\":\"PRESENT\"", "\"state\":\"ABSENT\""),
                        "values[0].type: not allowed when state is ABSENT"),
                Arguments.of(value("{" + KEY + "\"state\":\"NOT_COLLECTED\",\"origin\":\"o\"}"),
                        "values[0].why: required field is missing"),
                Arguments.of(value("{" + KEY + "\"state\":\"NOT_COLLECTED\",\"why\":\"w\",\"origin\":\"o\"}"),
                        "values[0].origin: not allowed when state is NOT_COLLECTED"),
                Arguments.of(base("\"state\":\"PRESENT\"", "\"state\":\"present\""),
                        "values[0].state: expected PRESENT, ABSENT or NOT_COLLECTED, found \"present\""),
                Arguments.of(base("\"view\":\"64-bit\"", "\"view\":\"x64\""),
                        "values[0].view: expected \"64-bit\" or \"32-bit\", found \"x64\""),
                Arguments.of(base("SOFTWARE\\\\A", "SOFTWARE\\\\WOW6432Node\\\\A"),
                        "values[0].key: write the native path with view \"32-bit\" instead of WOW6432Node"),
                Arguments.of(base("\"key\":\"HKLM\\\\SOFTWARE\\\\A\",\"view\":\"64-bit\"",
                                "\"key\":\"HKLM\\\\SYSTEM\\\\A\",\"view\":\"32-bit\""),
                        "values[0].view: only keys under HKLM\\SOFTWARE have a 32-bit view"),
                Arguments.of(base("HKLM\\\\SOFTWARE\\\\A", "HKCU\\\\SOFTWARE\\\\A"),
                        "values[0].key: expected a key under HKLM\\, found \"HKCU\\SOFTWARE\\A\""),
                Arguments.of(base("\"origin\":\"o\"}]", "\"origin\":\"o\"},{" + KEY.replace("\"N\"", "\"n\"")
                                .replace("\\\\A", "\\\\a") + "\"state\":\"ABSENT\",\"origin\":\"o\"}]"),
                        "values[1]: duplicate of values[0] (HKLM\\SOFTWARE\\a\\n, 64-bit view)"),
                Arguments.of(base("\"values\":[", "\"values\":[7,"), "values[0]: expected a JSON object, found a number"),
                Arguments.of(base("{\"state\":\"NOT_COLLECTED\",\"why\":\"w\"},\n \"updates\"",
                                "{\"state\":\"PRESENT\",\"origin\":\"o\",\"version\":\"6.1\"},\n \"updates\""),
                        "systemInfo.osName: required field is missing"),
                Arguments.of(base("{\"state\":\"NOT_COLLECTED\",\"why\":\"w\"},\n \"updates\"",
                                "{\"state\":\"PRESENT\",\"origin\":\"o\",\"osName\":\"W\",\"version\":\"6.1\"},\n \"updates\""),
                        "systemInfo.version: expected major.minor.build such as \"6.1.7601\", found \"6.1\""),
                Arguments.of(base("{\"state\":\"NOT_COLLECTED\",\"why\":\"w\"},\n \"updates\"",
                                "{\"state\":\"PRESENT\",\"origin\":\"o\",\"osName\":\"W\",\"version\":\"6.1.7601\","
                                        + "\"servicePack\":1,\"productType\":\"Server\"},\n \"updates\""),
                        "systemInfo.productType: expected one of WORKSTATION, SERVER, DOMAIN_CONTROLLER, found \"Server\""),
                Arguments.of(base("\"updates\":{\"state\":\"NOT_COLLECTED\",\"why\":\"w\"}",
                                "\"updates\":{\"state\":\"PRESENT\",\"origin\":\"o\",\"kbs\":[\"KB3140245\",\"hello\"]}"),
                        "updates.kbs[1]: not a KB number: \"hello\""),
                Arguments.of(base("\"updates\":{\"state\":\"NOT_COLLECTED\",\"why\":\"w\"}",
                                "\"updates\":{\"state\":\"NOT_COLLECTED\",\"why\":\"w\",\"kbs\":[]}"),
                        "updates.kbs: not allowed when state is NOT_COLLECTED"),
                Arguments.of(base("\"source\":\"S\",", "\"source\":\"S\",\"collectedAt\":\"yesterday\","),
                        "collectedAt: expected an ISO-8601 UTC time such as 2026-01-31T12:00:00Z"),
                Arguments.of("[]", "$: expected a JSON object, found an array"),
                Arguments.of("", "empty file, expected a tlsready.snapshot/v1 JSON object"),
                Arguments.of("  \n ", "empty file, expected a tlsready.snapshot/v1 JSON object"),
                Arguments.of(BASE.substring(0, BASE.indexOf("\"provenance\"")),
                        "truncated JSON: unexpected end of input at line 6, column 2"),
                Arguments.of(BASE.strip() + " {}",
                        "invalid JSON at line 6, column 33: more content after the end of the snapshot object"),
                Arguments.of(BASE.substring(0, BASE.indexOf("\"type\"")),
                        "truncated JSON: unexpected end of input at line 5, column 13"),
                Arguments.of(base("\"host\":\"H\",", "\"host\":\"H\",\"host\":\"G\","),
                        "invalid JSON at line 1, column 51: Duplicate field 'host'"),
                Arguments.of("Windows Registry Editor Version 5.00\r\n",
                        "invalid JSON at line 1, column 9: Unrecognized token 'Windows': was expecting "
                                + "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')"));
    }

    /** A value entry is evidence about one value: only the duplicate check rejects the whole file. */
    private static boolean valueEntryProblem(Arguments a) {
        String problem = (String) a.get()[1];
        return problem.startsWith("values[") && !problem.contains("duplicate");
    }

    static Stream<Arguments> malformedFiles() {
        return malformed().filter(a -> !valueEntryProblem(a));
    }

    static Stream<Arguments> malformedValueEntries() {
        return malformed().filter(JsonSnapshotTest::valueEntryProblem);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("malformedFiles")
    void malformed_input_is_one_clear_line(String json, String problem) {
        assertThatThrownBy(() -> JsonSnapshot.parse(json.getBytes(StandardCharsets.UTF_8), "t.json"))
                .isExactlyInstanceOf(EvidenceException.class)
                .hasMessage("t.json: " + problem)
                .satisfies(e -> assertThat(((EvidenceException) e).location()).isEqualTo("t.json"));
    }

    /**
     * Issue 8: a value entry of the wrong shape makes that value NOT_COLLECTED (its rule UNKNOWN), never ABSENT, with
     * a warning naming the file and the entry; an entry that does not even say which value it is is left out (so
     * the value is NOT_COLLECTED like any value the snapshot does not list), also with a warning.
     */
    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("malformedValueEntries")
    void a_value_entry_of_the_wrong_shape_is_not_collected_with_a_warning(String json, String problem) {
        HostFacts facts = JsonSnapshot.parse(json.getBytes(StandardCharsets.UTF_8), "t.json");

        Fact<RegValue> value = facts.value(ValueRef.of("HKLM\\SOFTWARE\\A", "N"));
        // [7, {…}]: the broken entry is the 7; the valid one after it still counts.
        assertThat(value.isCollected()).isEqualTo(problem.startsWith("values[0]: expected a JSON object"));
        assertThat(facts.warnings()).singleElement().satisfies(w -> {
            assertThat(w.location()).isEqualTo("t.json");
            assertThat(w.message()).startsWith(problem);
        });
        if (!value.isCollected() && facts.values().containsKey(ValueRef.of("HKLM\\SOFTWARE\\A", "N"))) {
            assertThat(((Fact.NotCollected<RegValue>) value).why()).isEqualTo("t.json values[0] cannot be read: " + problem);
        }
    }

    @Test
    void base_fixture_is_valid_so_each_case_tests_one_thing() {
        HostFacts facts = JsonSnapshot.parse(BASE.getBytes(StandardCharsets.UTF_8), "t.json");
        assertThat(facts.value(ValueRef.of("HKLM\\SOFTWARE\\A", "N"))).isEqualTo(Fact.present(new RegValue.Dword(1), "o"));
        assertThat(JsonSnapshot.parse(base("\"data\":1", "\"data\":\"4294967295\"").getBytes(StandardCharsets.UTF_8),
                "t").value(ValueRef.of("HKLM\\SOFTWARE\\A", "N")).asOptional()).contains(new RegValue.Dword(0xFFFF_FFFFL));
    }

    @Test
    void minor_versions_may_add_fields_that_this_reader_skips() {
        String newer = base("/v1\"", "/v1.1\"").replace("\"host\":\"H\",", "\"host\":\"H\",\"colour\":{\"a\":1},")
                .replace("\"origin\":\"o\"", "\"origin\":\"o\",\"hash\":\"x\"");
        HostFacts facts = JsonSnapshot.parse(newer.getBytes(StandardCharsets.UTF_8), "t.json");
        assertThat(facts.host()).isEqualTo("H");
        // but a known field in the wrong place is still an error
        String wrong = base("/v1\"", "/v1.1\"").replace("\"state\":\"PRESENT\"", "\"state\":\"ABSENT\"");
        assertThat(JsonSnapshot.parse(wrong.getBytes(StandardCharsets.UTF_8), "t.json").warnings())
                .extracting(EvidenceWarning::message)
                .containsExactly("values[0].type: not allowed when state is ABSENT; the value is NOT_COLLECTED");
    }

    @Test
    void deep_nesting_hits_the_safety_limit() {
        String deep = base("\"host\":\"H\",", "\"host\":\"H\",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + ",");
        assertThatThrownBy(() -> JsonSnapshot.parse(deep.getBytes(StandardCharsets.UTF_8), "t.json"))
                .isExactlyInstanceOf(EvidenceException.class)
                .hasMessage("t.json: JSON exceeds a safety limit: Document nesting depth (17) exceeds the maximum "
                        + "allowed (16, from `StreamReadConstraints.getMaxNestingDepth()`)");
    }

    @Test
    void file_problems_are_evidence_exceptions(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> JsonSnapshot.read(dir.resolve("missing.json")))
                .isExactlyInstanceOf(EvidenceException.class)
                .hasMessage(dir.resolve("missing.json") + ": no such file");
        assertThatThrownBy(() -> JsonSnapshot.read(dir))
                .isExactlyInstanceOf(EvidenceException.class)
                .hasMessage(dir + ": is a directory, expected a tlsready.snapshot/v1 JSON file");
        Path bad = Files.writeString(dir.resolve("bad.json"), base("\"schema\"", "\"schema\":1,\"x\""));
        assertThatThrownBy(() -> JsonSnapshot.read(bad))
                .isExactlyInstanceOf(EvidenceException.class)
                .hasMessage(bad + ": schema: expected a string, found a number");
    }

    @Test
    void oversized_file_is_rejected_without_parsing(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.json");
        try (var ch = java.nio.channels.FileChannel.open(big, Set.of(java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE))) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {'{'}), JsonSnapshot.MAX_FILE_BYTES); // sparse
        }
        assertThatThrownBy(() -> JsonSnapshot.read(big))
                .isExactlyInstanceOf(EvidenceException.class)
                .hasMessage(big + ": larger than 64 MiB; not a tlsready snapshot (they are a few hundred KiB)");
    }
}
