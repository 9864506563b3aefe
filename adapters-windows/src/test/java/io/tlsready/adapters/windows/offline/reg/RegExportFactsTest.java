package io.tlsready.adapters.windows.offline.reg;

import static io.tlsready.adapters.windows.offline.reg.RegTestFiles.v5;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsready.domain.facts.EvidenceWarning;
import io.tlsready.domain.facts.Fact;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.SourceLine;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.port.EvidenceException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegExportFactsTest {

    private static final String SCHANNEL_LONG =
            "HKEY_LOCAL_MACHINE\\SYSTEM\\%s\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client";
    private static final ValueRef CLIENT_ENABLED = ValueRef.of(
            "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client", "Enabled");
    private static final ValueRef CLIENT_DBD = ValueRef.of(CLIENT_ENABLED.key(), "DisabledByDefault");
    private static final String NETFX = "HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319";

    private static RegExport reg(String name, String... lines) {
        return RegFileReader.parse(Path.of(name), v5(lines).getBytes(StandardCharsets.UTF_8));
    }

    private static RegExportFacts facts(RegExport... exports) {
        return new RegExportFacts(List.of(exports));
    }

    /** An export of SecurityProviders down to TLS 1.2\Client (lines 3-7) with Enabled=1 (line 8). */
    private static RegExport tls12ClientEnabled(String name) {
        String providers = "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders";
        return reg(name, providers + "]", providers + "\\SCHANNEL]", providers + "\\SCHANNEL\\Protocols]",
                providers + "\\SCHANNEL\\Protocols\\TLS 1.2]", client("CurrentControlSet"), "\"Enabled\"=dword:1");
    }

    private static String client(String controlSet) {
        return "[" + String.format(SCHANNEL_LONG, controlSet) + "]";
    }

    @Test
    void present_value_carries_file_and_line() {
        RegExportFacts f = facts(reg("a.reg", client("CurrentControlSet"), "\"Enabled\"=dword:ffffffff"));

        assertThat(f.lookup(CLIENT_ENABLED)).isEqualTo(Fact.present(new RegValue.Dword(0xFFFF_FFFFL), "a.reg:4 (export)"));
    }

    @Test
    void the_file_and_line_are_structured_data_the_values_line_or_its_keys_when_absent() {
        RegExportFacts f = facts(tls12ClientEnabled("dir/a.reg"));
        String file = Path.of("dir/a.reg").toString();

        assertThat(f.lookup(CLIENT_ENABLED).at()).contains(new SourceLine(file, 8));
        assertThat(f.lookup(CLIENT_DBD).at()).as("absent: the key's line").contains(new SourceLine(file, 7));
        assertThat(f.lookup(ValueRef.of(CLIENT_ENABLED.key().replace("Client", "Server"), "Enabled")).at())
                .as("the export root covers the key without it: the root's section").contains(new SourceLine(file, 3));
        assertThat(f.lookup(ValueRef.of(NETFX, "SchUseStrongCrypto")).at()).as("not collected: nowhere").isEmpty();
    }

    @Test
    void missing_value_under_a_covered_root_is_absent_and_elsewhere_not_collected() {
        RegExportFacts f = facts(tls12ClientEnabled("a.reg"));

        assertThat(f.lookup(CLIENT_DBD)).isEqualTo(Fact.absent("a.reg:7 has the key without this value"));
        assertThat(f.lookup(ValueRef.of(CLIENT_ENABLED.key().replace("Client", "Server"), "Enabled")))
                .isEqualTo(Fact.absent("a.reg exports HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders"
                        + " without this key"));
        assertThat(f.lookup(ValueRef.of(NETFX, "SchUseStrongCrypto"))).isEqualTo(Fact.notCollected(
                "no .reg export covers " + NETFX + "; add: reg export \"" + NETFX + "\" file.reg"));
    }

    @Test
    void the_parent_of_an_export_root_is_not_covered() {
        RegExportFacts f = facts(reg("a.reg", client("CurrentControlSet"), "\"Enabled\"=dword:1"));

        assertThat(f.lookup(ValueRef.of(CLIENT_ENABLED.key() + "\\Sub", "x")).state()).isEqualTo("ABSENT");
        assertThat(f.lookup(ValueRef.of(CLIENT_ENABLED.key().replace("\\Client", ""), "Enabled")).isCollected()).isFalse();
    }

    @Test
    void deletions_make_values_absent() {
        RegExportFacts f = facts(reg("d.reg", client("CurrentControlSet"), "\"Enabled\"=-",
                "[-HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\.NETFramework]"));

        assertThat(f.lookup(CLIENT_ENABLED))
                .isEqualTo(Fact.absent("d.reg:4 deletes the value (capture: lists only its own values)"));
        assertThat(f.statesAbsence(CLIENT_ENABLED)).isTrue();
        assertThat(f.lookup(ValueRef.wow32(NETFX, "x")).isCollected()).isFalse();
        assertThat(f.lookup(ValueRef.of(NETFX, "SchUseStrongCrypto")))
                .isEqualTo(Fact.absent("d.reg:5 deletes HKLM\\SOFTWARE\\Microsoft\\.NETFramework"
                        + " (capture: lists only its own values)"));
    }

    @Test
    void current_control_set_maps_to_the_set_named_by_select() {
        RegExportFacts f = facts(
                reg("sys.reg", "[HKEY_LOCAL_MACHINE\\SYSTEM\\Select]", "\"Current\"=dword:00000002",
                        client("ControlSet001"), "\"Enabled\"=dword:0", client("ControlSet002"), "\"Enabled\"=dword:1"));

        assertThat(f.lookup(CLIENT_ENABLED))
                .isEqualTo(Fact.present(new RegValue.Dword(1), "sys.reg:8 (capture: lists only its own values)"));
        assertThat(f.lookup(ValueRef.of(CLIENT_ENABLED.key().replace("CurrentControlSet", "controlset001"), "enabled"))
                .asOptional()).contains(new RegValue.Dword(0));
        assertThat(f.warnings()).isEmpty();
    }

    @Test
    void select_in_one_file_maps_control_sets_in_another_and_literal_sections_merge() {
        RegExportFacts f = facts(
                reg("select.reg", "[HKEY_LOCAL_MACHINE\\SYSTEM\\Select]", "\"Current\"=dword:1"),
                reg("cs.reg", client("ControlSet001"), "\"Enabled\"=dword:1", "\"DisabledByDefault\"=dword:0"),
                reg("live.reg", client("CurrentControlSet"), "\"Enabled\"=dword:1", "\"DisabledByDefault\"=dword:0"));

        assertThat(f.lookup(CLIENT_ENABLED)).isEqualTo(Fact.present(new RegValue.Dword(1), "cs.reg:4 (export)"));
        assertThat(f.lookup(CLIENT_DBD)).isEqualTo(Fact.present(new RegValue.Dword(0), "cs.reg:5 (export)"));
    }

    @Test
    void a_single_exported_control_set_is_assumed_current_with_a_warning() {
        RegExportFacts f = facts(reg("cs.reg", client("ControlSet003"), "\"Enabled\"=dword:1"));

        assertThat(f.lookup(CLIENT_ENABLED).asOptional()).contains(new RegValue.Dword(1));
        assertThat(f.lookup(CLIENT_DBD).state()).isEqualTo("ABSENT");
        assertThat(f.warnings()).extracting(EvidenceWarning::message).containsExactly("HKLM\\SYSTEM\\Select is not in"
                + " the evidence; taking ControlSet003, the only control set exported, as CurrentControlSet");
    }

    @Test
    void several_control_sets_without_select_leave_current_control_set_not_collected() {
        RegExportFacts f = facts(reg("cs.reg", client("ControlSet001"), "\"Enabled\"=dword:1",
                client("ControlSet002"), "\"Enabled\"=dword:0"));

        assertThat(f.lookup(CLIENT_ENABLED)).isEqualTo(Fact.notCollected("the evidence has ControlSet001, ControlSet002"
                + " but not HKLM\\SYSTEM\\Select, so which one is CurrentControlSet is unknown;"
                + " add: reg export HKLM\\SYSTEM\\Select select.reg"));
        assertThat(f.lookup(ValueRef.of(CLIENT_ENABLED.key().replace("CurrentControlSet", "ControlSet002"), "Enabled"))
                .asOptional()).contains(new RegValue.Dword(0));
    }

    @Test
    void select_pointing_at_an_unexported_set_says_so() {
        RegExportFacts f = facts(reg("a.reg", "[HKEY_LOCAL_MACHINE\\SYSTEM\\Select]", "\"Current\"=dword:2",
                client("ControlSet001"), "\"Enabled\"=dword:1"));

        assertThat(f.lookup(CLIENT_ENABLED)).isInstanceOfSatisfying(Fact.NotCollected.class, n -> assertThat(n.why())
                .contains("no .reg export covers HKLM\\SYSTEM\\ControlSet002\\Control")
                .contains("(CurrentControlSet is ControlSet002 here)"));
    }

    @Test
    void the_32_bit_view_is_the_wow6432node_path() {
        RegExportFacts f = facts(reg("n.reg", "[HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\.NETFramework\\v4.0.30319]",
                "\"SchUseStrongCrypto\"=dword:1"));

        assertThat(f.lookup(ValueRef.wow32(NETFX, "SchUseStrongCrypto")).asOptional()).contains(new RegValue.Dword(1));
        assertThat(f.lookup(ValueRef.of(NETFX, "SchUseStrongCrypto")).isCollected()).isFalse();
    }

    @Test
    void a_native_software_export_covers_the_wow6432node_subtree_physically() {
        RegExportFacts f = facts(reg("sw.reg", "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\.NETFramework]", "\"x\"=dword:1"));

        assertThat(f.lookup(ValueRef.of(NETFX, "SchUseStrongCrypto")).state()).isEqualTo("ABSENT");
        assertThat(f.lookup(ValueRef.wow32(NETFX, "SchUseStrongCrypto")).state()).isEqualTo("NOT_COLLECTED");
    }

    @Test
    void files_merge_and_a_capture_does_not_hide_a_value_it_does_not_list() {
        RegExportFacts f = facts(reg("a.reg", client("CurrentControlSet"), "\"DisabledByDefault\"=dword:0",
                        "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Vendor]", "\"x\"=dword:1"),
                reg("b.reg", client("CurrentControlSet"), "\"Enabled\"=dword:1", "\"DisabledByDefault\"=dword:0"));

        assertThat(f.lookup(CLIENT_ENABLED)).isEqualTo(Fact.present(new RegValue.Dword(1), "b.reg:4 (export)"));
        assertThat(f.lookup(CLIENT_DBD)).isEqualTo(Fact.present(new RegValue.Dword(0),
                "a.reg:4 (capture: lists only its own values)"));
    }

    /** Issue 8: a value ABSENT in one full export and PRESENT in another is one clear error naming both files. */
    @Test
    void a_value_absent_from_one_export_and_present_in_another_is_an_error_naming_both() {
        assertThatThrownBy(() -> facts(reg("a.reg", client("CurrentControlSet"), "\"DisabledByDefault\"=dword:0"),
                reg("b.reg", client("CurrentControlSet"), "\"Enabled\"=dword:1")))
                .isInstanceOf(EvidenceException.class)
                .hasMessage("a.reg:4: contradicts b.reg:3 has the key without this value: HKLM\\SYSTEM\\CurrentControlSet"
                        + "\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client\\DisabledByDefault is"
                        + " 0x00000000 (0) in one file and absent in the other");
    }

    @Test
    void the_same_value_with_the_same_data_in_two_files_is_fine() {
        RegExportFacts f = facts(reg("a.reg", client("CurrentControlSet"), "\"Enabled\"=dword:1"),
                reg("b.reg", client("ControlSet001"), "\"enabled\"=hex(4):01,00,00,00"));

        assertThat(f.lookup(CLIENT_ENABLED).asOptional()).contains(new RegValue.Dword(1));
    }

    @Test
    void different_data_in_two_files_is_an_error_naming_both() {
        assertThatThrownBy(() -> facts(reg("a.reg", client("CurrentControlSet"), "\"Enabled\"=dword:1"),
                reg("b.reg", client("ControlSet001"), "\"Enabled\"=dword:0")))
                .isInstanceOf(EvidenceException.class)
                .hasMessage("a.reg:4: contradicts b.reg:4: HKLM\\SYSTEM\\ControlSet001\\Control\\SecurityProviders"
                        + "\\SCHANNEL\\Protocols\\TLS 1.2\\Client\\Enabled is 0x00000001 (1) in one file and"
                        + " 0x00000000 (0) in the other");
    }

    @Test
    void a_value_set_in_one_file_and_deleted_in_another_is_an_error() {
        assertThatThrownBy(() -> facts(reg("a.reg", client("CurrentControlSet"), "\"Enabled\"=dword:1"),
                reg("b.reg", "[-HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders]")))
                .isInstanceOf(EvidenceException.class)
                .hasMessageContaining("a.reg:4: contradicts b.reg:3 deletes")
                .hasMessageContaining("in one file and deleted in the other");
    }

    @Test
    void no_exports_at_all() {
        assertThat(new RegExportFacts(List.of()).lookup(CLIENT_ENABLED)).isInstanceOfSatisfying(Fact.NotCollected.class,
                n -> assertThat(n.why()).startsWith("no .reg export among the evidence files"));
    }
}
