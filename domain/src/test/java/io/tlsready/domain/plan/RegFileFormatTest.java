package io.tlsready.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.rules.book.RuleBook;
import io.tlsready.domain.testing.Hosts;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The .reg file regedit imports: BOM FF FE, UTF-16LE, version 5.00 header, CRLF, long root names. */
class RegFileFormatTest {

    private static Plan plan() {
        HostReport r = new AuditService(RuleBook.standard()).evaluate(Hosts.windows("2008R2").x64().coverAll()
                .dword(Hosts.WINHTTP, "DefaultSecureProtocols", 0x0A0).updates().build());
        return RemediationPlanner.plan(r, false);
    }

    /** An independent reader of the generated text: [key] lines, then "name"=dword:xxxxxxxx lines. */
    static Set<String> parse(String text) {
        Set<String> out = new LinkedHashSet<>();
        String key = null;
        Pattern value = Pattern.compile("^\"((?:[^\"\\\\]|\\\\.)*)\"=dword:([0-9a-f]{8})$");
        for (String line : text.split("\r\n", -1)) {
            if (line.isEmpty() || line.startsWith(";") || line.equals("Windows Registry Editor Version 5.00")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                key = line.substring(1, line.length() - 1);
                continue;
            }
            Matcher m = value.matcher(line);
            assertThat(m.matches()).as("unexpected line: " + line).isTrue();
            assertThat(key).as("value before any key").isNotNull();
            out.add(key + " | " + m.group(1).replace("\\\"", "\"").replace("\\\\", "\\") + " | "
                    + Long.parseLong(m.group(2), 16));
        }
        return out;
    }

    @Test
    void the_bytes_start_with_the_utf16_le_bom_and_decode_as_utf16_le() {
        byte[] bytes = RegFileFormat.bytes(plan());

        assertThat(bytes[0]).isEqualTo((byte) 0xFF);
        assertThat(bytes[1]).isEqualTo((byte) 0xFE);
        String decoded = new String(Arrays.copyOfRange(bytes, 2, bytes.length), StandardCharsets.UTF_16LE);
        assertThat(decoded).isEqualTo(RegFileFormat.text(plan()));
        assertThat(bytes[2]).isEqualTo((byte) 'W');
        assertThat(bytes[3]).isZero();
    }

    @Test
    void the_text_starts_with_the_regedit_header_and_uses_crlf_only() {
        String text = RegFileFormat.text(plan());

        assertThat(text).startsWith("Windows Registry Editor Version 5.00\r\n; tlsready-plan: v1\r\n; sha256: ");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        assertThat(text).endsWith("\r\n");
    }

    @Test
    void keys_use_the_long_root_and_spell_out_wow6432_node() {
        String text = RegFileFormat.text(plan());

        assertThat(text).doesNotContain("[HKLM").contains(
                "[HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\.NETFramework\\v4.0.30319]",
                "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client]");
    }

    @Test
    void dwords_are_lowercase_eight_digit_hex() {
        String text = RegFileFormat.text(plan());

        assertThat(text).contains("\"DefaultSecureProtocols\"=dword:00000880", "\"Enabled\"=dword:00000001");
        assertThat(Pattern.compile("=dword:(?![0-9a-f]{8}\r\n)").matcher(text).find()).isFalse();
    }

    @Test
    void re_parsing_the_file_gives_exactly_the_planned_values() {
        String client = "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client";
        String net = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319";
        String netWow = "HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\.NETFramework\\v4.0.30319";
        String http = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp";
        String httpWow = "HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp";

        assertThat(parse(RegFileFormat.text(plan()))).containsExactlyInAnyOrder(
                client + " | Enabled | 1", client + " | DisabledByDefault | 0",
                http + " | DefaultSecureProtocols | " + 0x880, httpWow + " | DefaultSecureProtocols | " + 0xA80,
                net + " | SchUseStrongCrypto | 1", net + " | SystemDefaultTlsVersions | 1",
                netWow + " | SchUseStrongCrypto | 1", netWow + " | SystemDefaultTlsVersions | 1");
    }

    @Test
    void required_updates_and_the_restart_are_comments_not_values() {
        String text = RegFileFormat.text(plan());

        assertThat(text).contains("; ALSO REQUIRED (not a registry change): KB3140245")
                .contains("https://support.microsoft.com/help/3140245");
        assertThat(text).containsPattern("(?m)^; Restart the host");
    }

    @Test
    void an_empty_plan_is_still_a_valid_file_with_no_values() {
        Plan empty = new Plan("h", java.util.List.of(), java.util.List.of(), java.util.List.of(), java.util.List.of());

        assertThat(parse(RegFileFormat.text(empty))).isEmpty();
        assertThat(RegFileFormat.text(empty)).startsWith("Windows Registry Editor Version 5.00\r\n");
    }
}
