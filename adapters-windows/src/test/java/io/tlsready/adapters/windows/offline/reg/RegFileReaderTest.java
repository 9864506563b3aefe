package io.tlsready.adapters.windows.offline.reg;

import static io.tlsready.adapters.windows.offline.reg.RegTestFiles.ansi;
import static io.tlsready.adapters.windows.offline.reg.RegTestFiles.utf16;
import static io.tlsready.adapters.windows.offline.reg.RegTestFiles.v5;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsready.adapters.windows.offline.reg.RegExport.Entry;
import io.tlsready.domain.facts.EvidenceWarning;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.port.EvidenceException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegFileReaderTest {

    private static final String KEY = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Test";
    private static final Path FILE = Path.of("t.reg");

    private static RegExport parse(byte[] bytes) {
        return RegFileReader.parse(FILE, bytes);
    }

    private static RegExport parse(String text) {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<Entry> entry(RegExport reg, String key, String name) {
        return reg.key(key).flatMap(k -> k.value(name));
    }

    private static RegValue value(RegExport reg, String key, String name) {
        Entry e = entry(reg, key, name).orElseThrow(() -> new AssertionError("no " + key + "\\" + name));
        assertThat(e).isInstanceOf(Entry.Set.class);
        return ((Entry.Set) e).value();
    }

    private static RegValue value(RegExport reg, String name) {
        return value(reg, "HKLM\\SOFTWARE\\Test", name);
    }

    @Nested
    class Encodings {

        @Test
        void utf16le_with_bom_and_crlf_as_regedit_writes() {
            RegExport reg = parse(utf16(v5("[" + KEY + "]", "\"Name\"=\"Grüße ₀\"", "\"D\"=dword:00000001")));

            assertThat(reg.encoding()).isEqualTo("UTF-16LE");
            assertThat(value(reg, "Name")).isEqualTo(RegValue.Str.of("Grüße ₀"));
            assertThat(value(reg, "D")).isEqualTo(new RegValue.Dword(1));
            assertThat(reg.warnings()).isEmpty();
        }

        @Test
        void ansi_regedit4_is_windows_1252() {
            RegExport reg = parse(ansi("REGEDIT4\n[" + KEY + "]\n\"Name\"=\"café €\"\n"));

            assertThat(reg.encoding()).isEqualTo("ANSI (windows-1252)");
            assertThat(reg.header()).isEqualTo("REGEDIT4");
            assertThat(value(reg, "Name")).isEqualTo(RegValue.Str.of("café €"));
        }

        @Test
        void utf8_with_and_without_bom() {
            String text = v5("[" + KEY + "]", "\"Name\"=\"café\"");
            byte[] plain = text.getBytes(StandardCharsets.UTF_8);
            byte[] bom = RegTestFiles.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, plain);

            assertThat(parse(plain).encoding()).isEqualTo("UTF-8");
            assertThat(value(parse(plain), "Name")).isEqualTo(RegValue.Str.of("café"));
            assertThat(parse(bom).encoding()).isEqualTo("UTF-8 (BOM)");
            assertThat(value(parse(bom), "Name")).isEqualTo(RegValue.Str.of("café"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"\r\n", "\n", "\r"})
        void every_line_ending_and_line_numbers_count_physical_lines(String eol) {
            RegExport reg = parse(String.join(eol, RegTestFiles.V5, "", "[" + KEY + "]", "junk", "\"A\"=dword:2"));

            assertThat(value(reg, "A")).isEqualTo(new RegValue.Dword(2));
            assertThat(reg.warnings()).extracting(EvidenceWarning::location).containsExactly("t.reg:4");
        }

        @Test
        void mixed_line_endings_in_one_file() {
            RegExport reg = parse(RegTestFiles.V5 + "\r\n[" + KEY + "]\r\"A\"=dword:1\n\"B\"=dword:2\r\n");

            assertThat(value(reg, "A")).isEqualTo(new RegValue.Dword(1));
            assertThat(value(reg, "B")).isEqualTo(new RegValue.Dword(2));
        }
    }

    @Nested
    class Headers {

        @Test
        void leading_blanks_before_the_header_are_allowed() {
            assertThat(parse(" \tREGEDIT4\n[" + KEY + "]\n\"A\"=dword:1\n").keys()).hasSize(1);
        }

        @ParameterizedTest
        @ValueSource(strings = {"REGEDIT 4", "REGEDIT5", "REGEDIT4FOO"})
        void fuzzy_regedit_headers_are_accepted_but_import_nothing(String header) {
            RegExport reg = parse(header + "\n[" + KEY + "]\n\"A\"=dword:1\n");

            assertThat(reg.keys()).isEmpty();
            assertThat(reg.exportRoots()).isEmpty();
            assertThat(reg.warnings()).singleElement().satisfies(w -> {
                assertThat(w.location()).isEqualTo("t.reg:1");
                assertThat(w.message()).contains("imports nothing");
            });
        }

        @Test
        void windows31_registration_files_set_classes_root_defaults() {
            RegExport reg = parse("REGEDIT\nHKEY_CLASSES_ROOT\\.txt = txtfile\nother line\n");

            assertThat(value(reg, "HKCR\\.txt", "")).isEqualTo(RegValue.Str.of("txtfile"));
            assertThat(reg.warnings()).extracting(EvidenceWarning::location).containsExactly("t.reg:3");
        }

        @Test
        void no_header_is_refused_with_the_first_line() {
            assertThatThrownBy(() -> parse("[" + KEY + "]\n\"A\"=dword:1\n"))
                    .isInstanceOf(EvidenceException.class)
                    .hasMessage("t.reg: not a registry script: first line is \"[" + KEY.replace("\\", "\\")
                            + "]\" (regedit expects \"Windows Registry Editor Version 5.00\" or \"REGEDIT4\")");
        }

        @Test
        void a_blank_line_before_the_header_is_refused() {
            assertThatThrownBy(() -> parse("\r\n" + RegTestFiles.V5 + "\r\n"))
                    .isInstanceOf(EvidenceException.class)
                    .hasMessageContaining("first line is \"\"");
        }

        @Test
        void the_header_is_case_sensitive() {
            assertThatThrownBy(() -> parse("windows registry editor version 5.00\n"))
                    .isInstanceOf(EvidenceException.class)
                    .hasMessageContaining("not a registry script");
        }

        @Test
        void empty_binary_truncated_and_wrongly_encoded_files_are_refused_precisely() {
            assertThatThrownBy(() -> parse(new byte[0])).hasMessage("t.reg: not a registry script: the file is empty");
            assertThatThrownBy(() -> parse(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0}))
                    .hasMessage("t.reg: not a registry script: first line is \"\\u007fELF\\u0002\\u0001\\u0001\" "
                            + "(regedit expects \"Windows Registry Editor Version 5.00\" or \"REGEDIT4\")");
            byte[] truncated = java.util.Arrays.copyOf(utf16(v5("[" + KEY + "]")), 11);
            assertThatThrownBy(() -> parse(truncated)).hasMessage("t.reg: truncated UTF-16LE text: odd number of"
                    + " bytes (11); the file was cut or is not UTF-16");
            assertThatThrownBy(() -> parse(v5("[" + KEY + "]").getBytes(StandardCharsets.UTF_16LE)))
                    .hasMessageContaining("UTF-16 text without a byte-order mark");
            assertThatThrownBy(() -> parse(v5("[" + KEY + "]").getBytes(StandardCharsets.UTF_16)))
                    .hasMessageContaining("UTF-16 big-endian");
        }

        @Test
        void a_long_garbage_first_line_is_shortened_in_the_message() {
            assertThatThrownBy(() -> parse("x".repeat(5000)))
                    .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200).contains("xxx..."));
        }
    }

    @Nested
    class Lines {

        @Test
        void comments_blank_lines_and_leading_blanks() {
            RegExport reg = parse(v5("; a comment", "   ; indented comment", "", "  [" + KEY + "]",
                    "\t\"A\"=dword:1", "    @=\"def\""));

            assertThat(value(reg, "A")).isEqualTo(new RegValue.Dword(1));
            assertThat(value(reg, "")).isEqualTo(RegValue.Str.of("def"));
            assertThat(reg.warnings()).isEmpty();
        }

        @Test
        void key_name_runs_from_the_first_bracket_to_the_last() {
            RegExport reg = parse(v5("[" + KEY + "] ; trailing text", "\"A\"=dword:1",
                    "[" + KEY + "\\a]b] tail", "\"B\"=dword:2"));

            assertThat(value(reg, "A")).isEqualTo(new RegValue.Dword(1));
            assertThat(value(reg, "HKLM\\SOFTWARE\\Test\\a]b", "B")).isEqualTo(new RegValue.Dword(2));
        }

        @Test
        void key_lines_are_case_insensitive_and_keep_their_first_spelling() {
            RegExport reg = parse(v5("[HKEY_LOCAL_MACHINE\\Software\\Test]", "\"A\"=dword:1",
                    "[hkey_local_machine\\SOFTWARE\\TEST]", "\"b\"=dword:2"));

            assertThat(reg.keys()).singleElement().satisfies(k -> assertThat(k.path()).isEqualTo("HKLM\\Software\\Test"));
            assertThat(value(reg, "hklm\\software\\test", "B")).isEqualTo(new RegValue.Dword(2));
        }

        @Test
        void duplicate_sections_merge_and_the_last_value_wins() {
            RegExport reg = parse(v5("[" + KEY + "]", "\"A\"=dword:1", "\"B\"=dword:1", "[" + KEY + "\\Sub]",
                    "[" + KEY + "]", "\"A\"=dword:2", "\"b\"=dword:3"));

            assertThat(reg.keys()).hasSize(2);
            assertThat(value(reg, "A")).isEqualTo(new RegValue.Dword(2));
            assertThat(entry(reg, KEY, "B")).hasValueSatisfying(e -> assertThat(e.line()).isEqualTo(9));
            assertThat(value(reg, "B")).isEqualTo(new RegValue.Dword(3));
        }

        @Test
        void key_deletion_removes_the_subtree_unless_recreated() {
            RegExport reg = parse(v5("[" + KEY + "\\Gone\\Deep]", "\"A\"=dword:1", "[-" + KEY + "\\Gone]",
                    "\"Orphan\"=dword:1", "[" + KEY + "\\Gone]", "\"B\"=dword:2"));

            assertThat(reg.key(KEY + "\\Gone\\Deep")).isEmpty();
            assertThat(reg.deletedKeys()).singleElement().satisfies(d -> {
                assertThat(d.path()).isEqualTo("HKLM\\SOFTWARE\\Test\\Gone");
                assertThat(d.line()).isEqualTo(5);
            });
            assertThat(value(reg, KEY + "\\Gone", "B")).isEqualTo(new RegValue.Dword(2));
            assertThat(entry(reg, KEY + "\\Gone", "Orphan")).isEmpty();
            assertThat(reg.warnings()).extracting(EvidenceWarning::location).containsExactly("t.reg:6");
        }

        @Test
        void value_deletion_with_optional_comment() {
            RegExport reg = parse(v5("[" + KEY + "]", "\"A\"=dword:1", "\"A\"=-", "\"B\" = - ; gone", "@=-"));

            assertThat(entry(reg, KEY, "A")).containsInstanceOf(Entry.Deleted.class);
            assertThat(entry(reg, KEY, "B")).containsInstanceOf(Entry.Deleted.class);
            assertThat(entry(reg, KEY, "")).containsInstanceOf(Entry.Deleted.class);
            assertThat(reg.warnings()).isEmpty();
        }

        @Test
        void whitespace_around_the_equals_sign_and_trailing_comments() {
            RegExport reg = parse(v5("[" + KEY + "]", "    \"SystemDefaultTlsVersions\" = dword:00000001",
                    "\"DefaultSecureProtocols\"=dword:00000A00  ; TLS1.1+1.2", "\"S\" =\t\"text\" ; note", "@ = \"d\""));

            assertThat(value(reg, "SystemDefaultTlsVersions")).isEqualTo(new RegValue.Dword(1));
            assertThat(value(reg, "DefaultSecureProtocols")).isEqualTo(new RegValue.Dword(0xA00));
            assertThat(value(reg, "S")).isEqualTo(RegValue.Str.of("text"));
            assertThat(value(reg, "")).isEqualTo(RegValue.Str.of("d"));
            assertThat(reg.warnings()).isEmpty();
        }

        @Test
        void string_escapes() {
            RegExport reg = parse(v5("[" + KEY + "]", "\"Path\"=\"C:\\\\Windows\\\\\"", "\"Q\"=\"say \\\"hi\\\"\"",
                    "\"a\\\"b\"=\"x;y\""));

            assertThat(value(reg, "Path")).isEqualTo(RegValue.Str.of("C:\\Windows\\"));
            assertThat(value(reg, "Q")).isEqualTo(RegValue.Str.of("say \"hi\""));
            assertThat(value(reg, "a\"b")).isEqualTo(RegValue.Str.of("x;y"));
        }

        @Test
        void junk_lines_are_skipped_with_a_warning_naming_file_and_line() {
            RegExport reg = parse(v5("[" + KEY + "]",
                    "HKEY_LOCAL_MACHINE\\SOFTWARE\\Test  DefaultSecureProtocols    REG_DWORD    0xaa0",
                    "# not a comment in .reg", "\"A\"=dword:1", "\"unterminated=dword:1", "\"B\" dword:1",
                    "\"C\"=\"text\" trailing", "[ " + KEY + "]", "[" + KEY));

            assertThat(value(reg, "A")).isEqualTo(new RegValue.Dword(1));
            assertThat(reg.warnings()).extracting(EvidenceWarning::location)
                    .containsExactly("t.reg:4", "t.reg:5", "t.reg:7", "t.reg:8", "t.reg:9", "t.reg:10", "t.reg:11");
            assertThat(reg.warnings().get(0).message()).contains("skipped \"HKEY_LOCAL_MACHINE");
        }

        @Test
        void values_outside_a_valid_key_are_ignored_with_a_warning() {
            RegExport reg = parse(v5("\"Early\"=dword:1", "[HKLM\\SOFTWARE\\Test]", "\"Abbrev\"=dword:1"));

            assertThat(reg.keys()).isEmpty();
            assertThat(reg.warnings()).extracting(EvidenceWarning::toString).containsExactly(
                    "t.reg:3: value \"Early\" is not inside a valid key section; regedit ignores it",
                    "t.reg:4: unknown root key in [HKLM\\SOFTWARE\\Test]; regedit ignores this section and its"
                            + " values (the root must be spelled out, e.g. HKEY_LOCAL_MACHINE, not HKLM)",
                    "t.reg:5: value \"Abbrev\" is not inside a valid key section; regedit ignores it");
        }

        @Test
        void several_unrelated_sections_are_a_capture_that_covers_no_subtree() {
            RegExport reg = parse(v5("[" + KEY + "\\A]", "[" + KEY + "\\A\\B]", "[" + KEY + "\\C\\D]",
                    "[HKEY_CURRENT_USER\\Software\\X]"));

            assertThat(reg.isExport()).isFalse();
            assertThat(reg.exportRoots()).isEmpty();
            assertThat(reg.captureWhy()).isEqualTo("[HKEY_LOCAL_MACHINE\\SOFTWARE\\Test\\C\\D] (line 5) is not below its"
                    + " first section [HKEY_LOCAL_MACHINE\\SOFTWARE\\Test\\A]");
        }
    }

    @Nested
    class Data {

        @ParameterizedTest
        @ValueSource(strings = {"dword:1", "dword:00000001", "dword: 1 ", "dword:0000001", "dword:1;c"})
        void dword_with_one_to_eight_digits(String data) {
            assertThat(value(parse(v5("[" + KEY + "]", "\"A\"=" + data)), "A")).isEqualTo(new RegValue.Dword(1));
        }

        @Test
        void dword_ffffffff_is_unsigned_in_any_case() {
            RegExport reg = parse(v5("[" + KEY + "]", "\"A\"=dword:ffffffff", "\"B\"=dword:FFFFFFFF", "\"C\"=dword:DeadBeef"));

            assertThat(value(reg, "A")).isEqualTo(new RegValue.Dword(4_294_967_295L));
            assertThat(value(reg, "B")).isEqualTo(new RegValue.Dword(4_294_967_295L));
            assertThat(value(reg, "C")).isEqualTo(new RegValue.Dword(0xDEADBEEFL));
        }

        @ParameterizedTest
        @ValueSource(strings = {"dword:xyz", "dword:100000000", "dword:", "dword:1 2", "dword:-1", "dword:0x1"})
        void malformed_dword_skips_the_value_with_a_warning(String data) {
            RegExport reg = parse(v5("[" + KEY + "]", "\"A\"=" + data, "\"B\"=dword:2"));

            assertThat(entry(reg, KEY, "A")).get().isInstanceOfSatisfying(Entry.Unreadable.class,
                    u -> assertThat(u.line()).isEqualTo(4));
            assertThat(value(reg, "B")).isEqualTo(new RegValue.Dword(2));
            assertThat(reg.warnings()).singleElement().satisfies(w -> {
                assertThat(w.location()).isEqualTo("t.reg:4");
                assertThat(w.message()).startsWith("value \"A\" skipped: dword data must be 1 to 8 hex digits");
            });
        }

        @Test
        void type_tags_are_lower_case() {
            RegExport reg = parse(v5("[" + KEY + "]", "\"A\"=DWORD:00000001", "\"B\"=str:x"));

            assertThat(reg.key(KEY).orElseThrow().values().values()).allMatch(e -> e instanceof Entry.Unreadable)
                    .hasSize(2);
            assertThat(reg.warnings()).extracting(EvidenceWarning::message).containsExactly(
                    "value \"A\" skipped: unknown data type \"DWORD:00000001\" (type tags must be lower-case;"
                            + " regedit ignores \"DWORD:00000001\")",
                    "value \"B\" skipped: unknown data type \"str:x\"");
        }

        @Test
        void hex_binary_with_continuation_lines_comments_and_blank_lines_between() {
            RegExport reg = parse(v5("[" + KEY + "]", "\"Bin\"=hex:01,02,\\", "  03,04,\\", "", "  ; comment",
                    "  05 ; done", "\"Next\"=dword:1"));

            assertThat(value(reg, "Bin")).isEqualTo(new RegValue.Raw(3, new byte[] {1, 2, 3, 4, 5}));
            assertThat(value(reg, "Next")).isEqualTo(new RegValue.Dword(1));
            assertThat(reg.warnings()).isEmpty();
        }

        @Test
        void hex_continuation_right_after_the_colon_and_without_the_final_comma() {
            RegExport reg = parse(v5("[" + KEY + "]", "\"A\"=hex:\\", "  AB,cd\\", "  EF", "\"Empty\"=hex:"));

            assertThat(value(reg, "A")).isEqualTo(new RegValue.Raw(3, new byte[] {(byte) 0xAB, (byte) 0xCD, (byte) 0xEF}));
            assertThat(value(reg, "Empty")).isEqualTo(new RegValue.Raw(3, new byte[0]));
        }

        @Test
        void expand_sz_and_multi_sz_are_utf16le_in_version_5_files() {
            String expand = RegTestFiles.hex(2, "%SystemRoot%\\Ω\0".getBytes(StandardCharsets.UTF_16LE));
            String multi = RegTestFiles.hex(7, "a\0b c\0\0".getBytes(StandardCharsets.UTF_16LE));
            RegExport reg = parse(utf16(v5("[" + KEY + "]", "\"E\"=" + expand, "\"M\"=" + multi, "\"S\"=hex(1):41,00,00,00")));

            assertThat(value(reg, "E")).isEqualTo(new RegValue.Str("%SystemRoot%\\Ω", true));
            assertThat(value(reg, "M")).isEqualTo(new RegValue.MultiStr(List.of("a", "b c")));
            assertThat(value(reg, "S")).isEqualTo(RegValue.Str.of("A"));
        }

        @Test
        void expand_sz_and_multi_sz_are_ansi_in_regedit4_files() {
            RegExport reg = parse(ansi("REGEDIT4\n[" + KEY + "]\n\"E\"=hex(2):25,41,25,e9,00\n"
                    + "\"M\"=hex(7):61,00,62,00,00\n"));

            assertThat(value(reg, "E")).isEqualTo(new RegValue.Str("%A%é", true));
            assertThat(value(reg, "M")).isEqualTo(new RegValue.MultiStr(List.of("a", "b")));
        }

        @Test
        void qword_and_dword_in_hex_form_are_little_endian() {
            RegExport reg = parse(v5("[" + KEY + "]", "\"Q\"=hex(b):ff,ff,ff,ff,ff,ff,ff,ff",
                    "\"Q2\"=hex(B):01,02,03,04,05,06,07,08", "\"D\"=hex(4):00,0a,00,00", "\"Odd\"=hex(4):01,02",
                    "\"None\"=hex(0):", "\"Big\"=hex(ffff0000):01"));

            assertThat(value(reg, "Q")).isEqualTo(new RegValue.Qword(-1L));
            assertThat(value(reg, "Q2")).isEqualTo(new RegValue.Qword(0x0807060504030201L));
            assertThat(value(reg, "D")).isEqualTo(new RegValue.Dword(0xA00));
            assertThat(value(reg, "Odd")).isEqualTo(new RegValue.Raw(4, new byte[] {1, 2}));
            assertThat(value(reg, "None")).isEqualTo(new RegValue.Raw(0, new byte[0]));
            assertThat(value(reg, "Big")).isEqualTo(new RegValue.Raw(0xffff0000, new byte[] {1}));
        }

        @ParameterizedTest
        @ValueSource(strings = {"hex:1,2x", "hex:100", "hex:01,,02", "hex(0x2):00", "hex(2:00", "hex(2)00",
                "hex:01,\\ junk", "hex(123456789):00"})
        void malformed_hex_skips_the_value_with_a_warning(String data) {
            RegExport reg = parse(v5("[" + KEY + "]", "\"A\"=" + data, "\"B\"=dword:2"));

            assertThat(entry(reg, KEY, "A")).get().isInstanceOf(Entry.Unreadable.class);
            assertThat(value(reg, "B")).isEqualTo(new RegValue.Dword(2));
            assertThat(reg.warnings()).singleElement().satisfies(w -> assertThat(w.message()).startsWith("value \"A\" skipped"));
        }

        @Test
        void hex_continuation_broken_by_a_key_line_makes_the_value_unreadable_and_reads_the_key() {
            RegExport reg = parse(v5("[" + KEY + "]", "\"A\"=hex:01,\\", "[" + KEY + "\\Next]", "\"B\"=dword:2"));

            assertThat(entry(reg, KEY, "A")).get().isInstanceOf(Entry.Unreadable.class);
            assertThat(value(reg, KEY + "\\Next", "B")).isEqualTo(new RegValue.Dword(2));
            assertThat(reg.warnings()).singleElement().satisfies(w -> {
                assertThat(w.location()).isEqualTo("t.reg:4");
                assertThat(w.message()).contains("continues on line 5");
            });
        }

        /** Regedit keeps the bytes read so far; for evidence a list cut short is unreadable, never a value. */
        @Test
        void end_of_file_inside_hex_continuation_makes_the_value_unreadable() {
            RegExport reg = parse(RegTestFiles.V5 + "\n[" + KEY + "]\n\"A\"=hex:01,02,\\\n");

            assertThat(entry(reg, KEY, "A")).get().isInstanceOfSatisfying(Entry.Unreadable.class,
                    u -> assertThat(u.why()).contains("cut short"));
            assertThat(reg.warnings()).singleElement().satisfies(w -> {
                assertThat(w.location()).isEqualTo("t.reg:3");
                assertThat(w.message()).contains("file ends");
            });
        }
    }

    @Test
    void a_flood_of_junk_is_capped() {
        String junk = "junk\n".repeat(1000);
        RegExport reg = parse(RegTestFiles.V5 + "\n" + junk);

        assertThat(reg.warnings()).hasSize(101);
        assertThat(reg.warnings().get(100).message()).isEqualTo("900 more skipped lines not listed");
    }

    @Test
    void looks_like_recognises_every_accepted_header_only() {
        assertThat(RegFileReader.looksLike(utf16(v5("[" + KEY + "]")))).isTrue();
        assertThat(RegFileReader.looksLike(ansi("REGEDIT4\n"))).isTrue();
        assertThat(RegFileReader.looksLike(ansi("  REGEDIT 4\n"))).isTrue();
        assertThat(RegFileReader.looksLike(ansi("\"A\"=dword:1\n[" + KEY + "]\n"))).isFalse();
        assertThat(RegFileReader.looksLike(ansi("Host Name: X\n"))).isFalse();
        assertThat(RegFileReader.looksLike(new byte[0])).isFalse();
    }
}
