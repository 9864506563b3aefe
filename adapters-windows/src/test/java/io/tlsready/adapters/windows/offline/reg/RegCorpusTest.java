package io.tlsready.adapters.windows.offline.reg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsready.adapters.windows.offline.reg.RegExport.Entry;
import io.tlsready.domain.facts.EvidenceWarning;
import io.tlsready.domain.facts.Fact;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.port.EvidenceException;
import io.tlsready.testing.Corpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Real-world .reg files: every one is read or refused exactly as regedit would. */
class RegCorpusTest {

    private static final String PROTOCOLS =
            "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\";

    private static RegExport read(String name) {
        return read(Corpus.file("reg", name));
    }

    private static RegExport read(Path file) {
        try {
            return RegFileReader.parse(file, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RegValue value(RegExport reg, String key, String name) {
        Entry e = reg.key(key).flatMap(k -> k.value(name)).orElseThrow(() -> new AssertionError(key + "\\" + name));
        return ((Entry.Set) e).value();
    }

    @Test
    void every_corpus_file_is_read_or_refused_precisely() {
        List<Path> files = Corpus.files("reg", ".reg");
        assertThat(files).hasSizeGreaterThanOrEqualTo(16);
        Map<String, String> refused = new TreeMap<>();
        for (Path file : files) {
            try {
                RegExport reg = read(file);
                assertThat(reg.keys().size() + reg.deletedKeys().size()).as(file.toString()).isPositive();
            } catch (EvidenceException e) {
                refused.put(file.getFileName().toString(), e.problem());
            }
        }
        assertThat(refused).containsExactly(Map.entry("VitaleyUsa__Unsorted-scripts__crypto.reg",
                "not a registry script: first line is \"\"StrengthenedKeyUsageControl\"=dword:00000001\""
                        + " (regedit expects \"Windows Registry Editor Version 5.00\" or \"REGEDIT4\")"));
    }

    @Test
    void racetracks_tls12_keeps_dword_ffffffff_unsigned_and_merges_duplicate_sections() {
        RegExport reg = read("racetracks__windows_crypto__tls12.reg");

        assertThat(reg.encoding()).isEqualTo("ASCII");
        assertThat(value(reg, "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Ciphers\\AES 128/128",
                "Enabled")).isEqualTo(new RegValue.Dword(4_294_967_295L));
        assertThat(value(reg, PROTOCOLS + "TLS 1.2\\Client", "Enabled")).isInstanceOf(RegValue.Dword.class);
        long distinct = reg.keys().stream().map(k -> RegExport.fold(k.path())).distinct().count();
        assertThat(distinct).isEqualTo(reg.keys().size());
        assertThat(reg.warnings()).isEmpty();
    }

    @Test
    void racetracks_defaults_deletes_47_values() {
        RegExport reg = read("racetracks__windows_crypto__defaults.reg");

        long deleted = reg.keys().stream().flatMap(k -> k.values().values().stream())
                .filter(e -> e instanceof Entry.Deleted).count();
        assertThat(deleted).isEqualTo(47);
        RegExportFacts facts = new RegExportFacts(List.of(reg));
        assertThat(facts.lookup(ValueRef.of(PROTOCOLS + "TLS 1.2\\Client", "Enabled")).state()).isEqualTo("ABSENT");
    }

    @Test
    void faizanxgp_utf16_export_has_the_tls12_client_values() {
        RegExport reg = read("faizanxgp__Reem_Demo__tls.reg");
        RegExportFacts facts = new RegExportFacts(List.of(reg));

        assertThat(reg.encoding()).isEqualTo("UTF-16LE");
        assertThat(reg.exportRoots()).containsExactly(
                "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols");
        assertThat(facts.lookup(ValueRef.of(PROTOCOLS + "TLS 1.2\\Client", "Enabled")))
                .isEqualTo(Fact.present(new RegValue.Dword(1), "faizanxgp__Reem_Demo__tls.reg:18 (export)"));
        assertThat(facts.lookup(ValueRef.of(PROTOCOLS + "TLS 1.2\\Client", "DisabledByDefault")).asOptional())
                .contains(new RegValue.Dword(0));
        assertThat(facts.lookup(ValueRef.of(PROTOCOLS + "TLS 1.3\\Client", "Enabled")).state()).isEqualTo("ABSENT");
        assertThat(facts.lookup(ValueRef.of(
                "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL", "EventLogging")).state())
                .isEqualTo("NOT_COLLECTED");
    }

    @Test
    void fsackur_regedit_export_of_schannel() {
        RegExport reg = read("fsackur__PsSsl__schannel.reg");

        assertThat(reg.encoding()).isEqualTo("UTF-16LE");
        assertThat(reg.exportRoots()).containsExactly(
                "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL");
        assertThat(value(reg, "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL", "EventLogging"))
                .isEqualTo(new RegValue.Dword(1));
        assertThat(value(reg, PROTOCOLS + "SSL 2.0\\Client", "DisabledByDefault")).isEqualTo(new RegValue.Dword(1));
    }

    @Test
    void btyalalt_uppercase_dword_with_trailing_comment() {
        RegExport reg = read("btyalalt__NovaQ_Desk__enable-tls12.RECONSTRUCTED.reg");

        assertThat(value(reg, "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp",
                "DefaultSecureProtocols")).isEqualTo(new RegValue.Dword(0xA00));
        assertThat(reg.warnings()).isEmpty();
    }

    @Test
    void vash63_regedit4_without_blank_line_after_the_header() {
        RegExport reg = read("Vash63__bsmodinstaller.py__winhttp.reg");

        assertThat(reg.header()).isEqualTo("REGEDIT4");
        assertThat(value(reg, "HKCU\\Software\\Wine\\DllOverrides", "winhttp"))
                .isEqualTo(RegValue.Str.of("native,builtin"));
    }

    @Test
    void open_eid_install_has_uppercase_hex_and_cyrillic_text() {
        RegExport reg = read("open-eid__minidriver__install.reg");
        String card = "HKLM\\SOFTWARE\\Microsoft\\Cryptography\\Calais\\SmartCards\\"
                + "EstEID National ID Card (3.0 JavaCard dev1 cold ATR)";

        assertThat(value(reg, card, "ATR")).isInstanceOfSatisfying(RegValue.Raw.class, raw -> {
            assertThat(raw.data()).hasSize(24).startsWith((byte) 0x3B, (byte) 0xFE).endsWith((byte) 0xA8);
        });
        assertThat(value(reg, card, "80000100")).isInstanceOfSatisfying(RegValue.Str.class,
                s -> assertThat(s.value()).contains("Введите код PIN для идентификации"));
        assertThat(reg.warnings()).isEmpty();
    }

    @Test
    void open_eid_uninstall_only_deletes_keys() {
        RegExport reg = read("open-eid__minidriver__uninstall.reg");

        assertThat(reg.keys()).isEmpty();
        assertThat(reg.deletedKeys()).hasSize(5);
        RegExportFacts facts = new RegExportFacts(List.of(reg));
        assertThat(facts.lookup(ValueRef.of("HKLM\\SOFTWARE\\Microsoft\\Cryptography\\Calais\\SmartCards\\"
                + "EstEID National ID Card (3.5 JavaCard cold ATR)", "ATR")).state()).isEqualTo("ABSENT");
    }

    @Test
    void w4rh4wk_hex_continuation_lines() {
        RegExport reg = read("W4RH4WK__Debloat-Windows-10__lower-ram-usage.reg");

        RegValue profile = reg.keys().stream().flatMap(k -> k.value("Win32_AutoGameModeDefaultProfile").stream())
                .map(e -> ((Entry.Set) e).value()).findFirst().orElseThrow();
        assertThat(profile).isInstanceOfSatisfying(RegValue.Raw.class, raw -> {
            assertThat(raw.type()).isEqualTo(3);
            assertThat(raw.data()).hasSize(13 + 25 + 2).startsWith((byte) 1, (byte) 0, (byte) 1, (byte) 0);
        });
        // Nine hex digits: regedit (per Wine) rejects the value, so the tweak silently does nothing.
        assertThat(reg.warnings()).extracting(EvidenceWarning::toString).containsExactly(
                "W4RH4WK__Debloat-Windows-10__lower-ram-usage.reg:9: value \"NetworkThrottlingIndex\" skipped:"
                        + " dword data must be 1 to 8 hex digits: \"dword:0ffffffff\"");
    }

    @Test
    void w4rh4wk_photo_viewer_default_values_after_a_blank_line() {
        RegExport reg = read("W4RH4WK__Debloat-Windows-10__enable-photo-viewer.reg");

        assertThat(value(reg, "HKCU\\Software\\Classes\\.ico", "")).isEqualTo(RegValue.Str.of("PhotoViewer.FileAssoc.Tiff"));
        assertThat(reg.keys()).hasSize(7);
    }

    @Test
    void vitaleyusa_internet_explorer_duplicate_sections_merge() {
        RegExport reg = read("VitaleyUsa__Unsorted-scripts__internet_explorer.reg");
        String settings = "HKCU\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings";

        assertThat(value(reg, settings, "SecureProtocols")).isEqualTo(new RegValue.Dword(0xAA0));
        assertThat(value(reg, settings, "CertificateRevocation")).isEqualTo(new RegValue.Dword(0));
        assertThat(reg.keys().stream().filter(k -> k.path().equalsIgnoreCase(settings))).hasSize(1);
    }

    @Test
    void vitaleyusa_crypto_without_header_is_refused() {
        assertThatThrownBy(() -> read("VitaleyUsa__Unsorted-scripts__crypto.reg"))
                .isInstanceOf(EvidenceException.class)
                .satisfies(e -> assertThat(((EvidenceException) e).location()).endsWith("VitaleyUsa__Unsorted-scripts__crypto.reg"))
                .hasMessageContaining("not a registry script: first line is \"\"StrengthenedKeyUsageControl\"");
    }

    @Test
    void lf_only_and_crlf_simple_files_agree() {
        RegExport lf = read("KieranJeffreySmart__windows-containers__tls12.reg");
        RegExport crlf = read("IntExplorer-Creator__Internet-Explorer-Addons__tls12.reg");

        assertThat(value(lf, PROTOCOLS + "TLS 1.2\\Client", "Enabled")).isEqualTo(new RegValue.Dword(1));
        assertThat(value(crlf, PROTOCOLS + "TLS 1.2\\Client", "Enabled")).isEqualTo(new RegValue.Dword(1));
        assertThat(lf.warnings()).extracting(EvidenceWarning::message).isEmpty();
    }
}
