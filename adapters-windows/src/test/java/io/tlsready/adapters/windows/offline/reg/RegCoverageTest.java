package io.tlsready.adapters.windows.offline.reg;

import static io.tlsready.adapters.windows.offline.reg.RegTestFiles.v5;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.facts.EvidenceWarning;
import io.tlsready.domain.facts.Fact;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.ValueRef;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a .reg file vouches for, from the words of issue 8 and design.md ("Offline snapshot semantics"): only a
 * file shaped like {@code reg export} output (its root section first, every later section a descendant of it, in
 * order) vouches for absence below its root; anything else vouches only for the values it lists; a value line that
 * cannot be read is NOT_COLLECTED, never ABSENT. Every file here is written by us to the shape the words describe.
 */
class RegCoverageTest {

    private static final String HKLM = "HKEY_LOCAL_MACHINE";
    private static final String NDP = "HKLM\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full";
    private static final ValueRef RELEASE = ValueRef.of(NDP, "Release");
    private static final String CLIENT =
            "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client";
    private static final ValueRef ENABLED = ValueRef.of(CLIENT, "Enabled");
    private static final ValueRef DBD = ValueRef.of(CLIENT, "DisabledByDefault");
    private static final String CAPTURE = "(capture: lists only its own values)";

    private static RegExport reg(String name, String... lines) {
        return RegFileReader.parse(Path.of(name), v5(lines).getBytes(StandardCharsets.UTF_8));
    }

    private static RegExportFacts facts(RegExport... files) {
        return new RegExportFacts(List.of(files));
    }

    private static String section(String shortPath) {
        return "[" + HKLM + shortPath.substring("HKLM".length()) + "]";
    }

    /** reg export "HKLM\SYSTEM\...\SCHANNEL": every key of the subtree, depth first, the empty ones too. */
    private static String[] schannelExport(String... clientValues) {
        String s = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL";
        List<String> lines = new java.util.ArrayList<>(List.of(section(s), "\"EventLogging\"=dword:00000001", "",
                section(s + "\\Ciphers"), "", section(s + "\\Protocols"), "", section(s + "\\Protocols\\SSL 2.0"), "",
                section(s + "\\Protocols\\SSL 2.0\\Client"), "\"DisabledByDefault\"=dword:00000001", "",
                section(s + "\\Protocols\\TLS 1.2"), "", section(CLIENT)));
        lines.addAll(List.of(clientValues));
        return lines.toArray(String[]::new);
    }

    @Nested
    class ExportShape {

        @Test
        void reg_export_of_a_key_with_deeper_sections_covers_its_subtree() {
            RegExport reg = reg("schannel.reg", schannelExport("\"Enabled\"=dword:00000001"));
            RegExportFacts f = facts(reg);

            assertThat(reg.isExport()).isTrue();
            assertThat(reg.exportRoots())
                    .containsExactly("HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL");
            assertThat(f.lookup(ENABLED)).isEqualTo(Fact.present(new RegValue.Dword(1), "schannel.reg:18 (export)"));
            assertThat(f.lookup(DBD)).isEqualTo(Fact.absent("schannel.reg:17 has the key without this value"));
            assertThat(f.lookup(ValueRef.of(CLIENT.replace("Client", "Server"), "Enabled")).state()).isEqualTo("ABSENT");
        }

        /** The words: root first, every later section a descendant of it, in order; empty keys between may be left out. */
        @Test
        void descendants_in_order_without_the_empty_keys_between_are_an_export() {
            String schannel = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL";
            RegExport reg = reg("s.reg", section(schannel), section(CLIENT), "\"Enabled\"=dword:1",
                    section(schannel + "\\Protocols\\TLS 1.2\\Server"), "\"Enabled\"=dword:1");

            assertThat(reg.isExport()).isTrue();
            assertThat(facts(reg).lookup(DBD).state()).isEqualTo("ABSENT");
        }

        @Test
        void a_control_set_root_must_hold_product_options_to_be_a_whole_export() {
            RegExport capture = reg("ccs.reg", "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet]", section(CLIENT),
                    "\"Enabled\"=dword:1", "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip]");

            assertThat(capture.captureWhy()).isEqualTo("it starts at [HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet] but"
                    + " lacks [HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\ProductOptions], which every"
                    + " Windows registry has");
            assertThat(facts(capture).lookup(DBD).state()).isEqualTo("NOT_COLLECTED");
        }

        @Test
        void a_regedit4_export_is_an_export_too() {
            String text = "REGEDIT4\r\n\r\n" + section(CLIENT) + "\r\n\"Enabled\"=dword:00000001\r\n";
            RegExport reg = RegFileReader.parse(Path.of("old.reg"), text.getBytes(StandardCharsets.US_ASCII));

            assertThat(reg.isExport()).isTrue();
            assertThat(facts(reg).lookup(DBD).state()).isEqualTo("ABSENT");
        }

        @Test
        void regedit_export_of_the_whole_software_hive_vouches_for_a_missing_net_release() {
            RegExport reg = reg("software.reg", "[HKEY_LOCAL_MACHINE\\SOFTWARE]", "",
                    "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft]", "",
                    "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\NET Framework Setup]", "",
                    "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP]", "",
                    "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT]", "",
                    "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion]",
                    "\"CurrentBuild\"=\"9600\"");

            assertThat(reg.isExport()).isTrue();
            assertThat(facts(reg).lookup(RELEASE)).isEqualTo(Fact.absent("software.reg exports HKLM\\SOFTWARE without"
                    + " this key"));
        }

        @Test
        void several_exports_of_the_same_key_that_agree_are_fine() {
            RegExportFacts f = facts(reg("a.reg", schannelExport("\"Enabled\"=dword:00000001")),
                    reg("b.reg", section(CLIENT), "\"Enabled\"=dword:00000001"));

            assertThat(f.lookup(ENABLED).asOptional()).contains(new RegValue.Dword(1));
            assertThat(f.lookup(DBD).state()).isEqualTo("ABSENT");
        }
    }

    @Nested
    class Captures {

        /** The case: a bare hive-root section, then unrelated sections (an installer's change set). */
        @Test
        void bare_hive_root_sections_and_unrelated_keys_vouch_for_nothing_they_do_not_list() {
            RegExport reg = reg("tuning.reg", "[HKEY_LOCAL_MACHINE]", "", "[HKEY_LOCAL_MACHINE\\SOFTWARE]", "",
                    "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Vendor\\Tool]", "\"Level\"=dword:00000003", "",
                    section(CLIENT), "\"Enabled\"=dword:00000001");
            RegExportFacts f = facts(reg);

            assertThat(reg.isExport()).isFalse();
            assertThat(f.lookup(RELEASE)).isInstanceOfSatisfying(Fact.NotCollected.class, n -> assertThat(n.why())
                    .startsWith("tuning.reg " + CAPTURE + " does not list this value; no .reg export covers " + NDP));
            assertThat(f.lookup(ENABLED)).isEqualTo(Fact.present(new RegValue.Dword(1), "tuning.reg:11 " + CAPTURE));
            assertThat(f.lookup(DBD)).isInstanceOfSatisfying(Fact.NotCollected.class, n -> assertThat(n.why())
                    .startsWith("tuning.reg:10 " + CAPTURE + " has the key but does not list this value"));
        }

        /** Depth first with every parent written, but a SOFTWARE hive always has Windows NT\CurrentVersion. */
        @Test
        void a_bare_software_root_without_the_keys_every_hive_has_is_a_capture() {
            RegExport reg = reg("netfx-tweak.reg", "[HKEY_LOCAL_MACHINE\\SOFTWARE]", "",
                    "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft]", "",
                    "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\.NETFramework]", "",
                    "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319]",
                    "\"SchUseStrongCrypto\"=dword:00000001");

            assertThat(reg.isExport()).isFalse();
            assertThat(reg.captureWhy()).isEqualTo("it starts at [HKEY_LOCAL_MACHINE\\SOFTWARE] but lacks"
                    + " [HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion], which every Windows"
                    + " registry has");
            assertThat(facts(reg).lookup(RELEASE).state()).isEqualTo("NOT_COLLECTED");
        }

        @Test
        void a_key_after_a_key_below_it_is_out_of_order() {
            RegExport reg = reg("o.reg", section(CLIENT), section(CLIENT + "\\A\\B"), section(CLIENT + "\\A"));

            assertThat(reg.captureWhy()).endsWith("(line 5) comes after a key below it");
        }

        @Test
        void a_subtree_written_in_two_pieces_is_out_of_order() {
            RegExport reg = reg("o.reg", section(CLIENT), section(CLIENT + "\\A\\X"), section(CLIENT + "\\B"),
                    section(CLIENT + "\\A\\Y"));

            assertThat(reg.captureWhy()).endsWith("(line 6) comes back below a key the file had already left");
        }

        @Test
        void a_key_written_twice_is_not_an_export() {
            RegExport reg = reg("d.reg", section(CLIENT), section(CLIENT + "\\A"), section(CLIENT));

            assertThat(reg.captureWhy()).endsWith("(line 5) appears a second time");
        }

        @Test
        void deletion_sections_make_a_change_set() {
            RegExport reg = reg("x.reg", section(CLIENT), "\"Enabled\"=dword:1", "[-" + HKLM + "\\SOFTWARE\\Old]");

            assertThat(reg.captureWhy()).isEqualTo("it deletes keys or values (line 5), as a change set does");
            assertThat(facts(reg).lookup(DBD).state()).isEqualTo("NOT_COLLECTED");
        }

        @Test
        void a_capture_does_not_hide_a_value_an_export_has() {
            RegExportFacts f = facts(reg("fix.reg", section(CLIENT), "\"Enabled\"=dword:1", "",
                            "[HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings]",
                            "\"SecureProtocols\"=dword:00000a80"),
                    reg("schannel.reg", schannelExport("\"Enabled\"=dword:00000001", "\"DisabledByDefault\"=dword:0")));

            assertThat(f.lookup(DBD)).isEqualTo(Fact.present(new RegValue.Dword(0), "schannel.reg:19 (export)"));
        }
    }

    @Nested
    class AcrossFiles {

        /** Issue 8: ABSENT in one full export and PRESENT in another is one clear error naming both files. */
        @Test
        void two_exports_that_disagree_about_a_value_being_there_are_an_error() {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> facts(
                            reg("old.reg", schannelExport("\"Enabled\"=dword:00000001")),
                            reg("new.reg", section(CLIENT), "\"Enabled\"=dword:1", "\"DisabledByDefault\"=dword:0")))
                    .isInstanceOf(io.tlsready.domain.port.EvidenceException.class)
                    .hasMessage("new.reg:5: contradicts old.reg:17 has the key without this value: " + CLIENT
                            + "\\DisabledByDefault is 0x00000000 (0) in one file and absent in the other");
        }

        /** A change set on top of an export is the registry after import: taken, but never silently. */
        @Test
        void a_capture_that_sets_what_an_export_lacks_is_taken_with_a_warning_naming_both() {
            RegExportFacts f = facts(reg("schannel.reg", schannelExport("\"Enabled\"=dword:00000001")),
                    reg("fix.reg", section(CLIENT), "\"DisabledByDefault\"=dword:0", "",
                            "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Vendor]", "\"x\"=dword:1"));

            assertThat(f.lookup(DBD)).isEqualTo(Fact.present(new RegValue.Dword(0), "fix.reg:4 " + CAPTURE));
            assertThat(f.warnings()).singleElement().satisfies(w -> {
                assertThat(w.location()).isEqualTo("fix.reg:4");
                assertThat(w.message()).contains("absent from schannel.reg:17 has the key without this value");
            });
        }
    }

    @Nested
    class Unreadable {

        @ParameterizedTest
        @ValueSource(strings = {"dword:000000001", "dword:1x", "hex(4):01,02,\\", "hex(4):01,0g,00,00",
                "\"unterminated", "\"bad\\qescape\""})
        void a_value_line_regedit_skips_is_not_collected_never_absent(String data) {
            RegExport reg = reg("tls.reg", section(CLIENT), "\"Enabled\"=" + data, "\"DisabledByDefault\"=dword:0");
            RegExportFacts f = facts(reg);

            assertThat(reg.isExport()).isTrue();
            assertThat(f.lookup(ENABLED)).isInstanceOfSatisfying(Fact.NotCollected.class, n -> assertThat(n.why())
                    .startsWith("tls.reg:4 names this value, but the line cannot be read: "));
            assertThat(f.lookup(DBD).asOptional()).contains(new RegValue.Dword(0));
            assertThat(reg.warnings()).extracting(EvidenceWarning::location).contains("tls.reg:4");
        }

        @Test
        void an_unreadable_line_is_not_overruled_by_another_file() {
            RegExportFacts f = facts(reg("a.reg", section(CLIENT), "\"Enabled\"=dword:100000000"),
                    reg("b.reg", section(CLIENT), "\"Enabled\"=dword:1"));

            assertThat(f.lookup(ENABLED).state()).isEqualTo("NOT_COLLECTED");
        }

        @Test
        void values_below_a_key_line_regedit_skips_belong_to_no_known_key() {
            RegExport reg = reg("k.reg", section(CLIENT), "\"Enabled\"=dword:0",
                    "[" + HKLM + "\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2"
                            + "\\Server", "\"Enabled\"=dword:1");

            assertThat(reg.isExport()).isFalse();
            assertThat(facts(reg).lookup(ENABLED).state()).isEqualTo("NOT_COLLECTED");
            assertThat(reg.warnings()).extracting(EvidenceWarning::location).containsExactly("k.reg:5", "k.reg:6");
        }
    }
}
