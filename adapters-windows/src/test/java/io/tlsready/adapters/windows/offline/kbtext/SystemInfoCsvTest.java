package io.tlsready.adapters.windows.offline.kbtext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsready.domain.facts.Architecture;
import io.tlsready.domain.facts.ProductType;
import io.tlsready.domain.facts.SystemInfo;
import io.tlsready.domain.port.EvidenceException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code systeminfo /FO CSV} output, which admins collect from many hosts with /S. */
class SystemInfoCsvTest {

    private static final List<String> HEADER = List.of("Host Name", "OS Name", "OS Version", "OS Manufacturer",
            "OS Configuration", "OS Build Type", "Registered Owner", "Registered Organization", "Product ID",
            "Original Install Date", "System Boot Time", "System Manufacturer", "System Model", "System Type",
            "Processor(s)", "BIOS Version", "Windows Directory", "System Directory", "Boot Device", "System Locale",
            "Input Locale", "Time Zone", "Total Physical Memory", "Available Physical Memory",
            "Virtual Memory: Max Size", "Virtual Memory: Available", "Virtual Memory: In Use",
            "Page File Location(s)", "Domain", "Logon Server", "Hotfix(s)", "Network Card(s)");

    private static List<String> row(String host, String version, String hotfixes) {
        return List.of(host, "Microsoft Windows Server 2012 R2 Standard", version, "Microsoft Corporation",
                "Member Server", "Multiprocessor Free", "Windows User", "", "00252-0000-0000-AA000",
                "1/2/2020, 3:04:05 PM", "5/6/2026, 7:08:09 AM", "Microsoft Corporation", "Virtual Machine",
                "x64-based PC", "1 Processor(s) Installed.,[01]: Intel64 Family 6 Model 85 Stepping 7 GenuineIntel ~2594 Mhz",
                "Hyper-V UEFI Release v4.0, 11/1/2019", "C:\\Windows", "C:\\Windows\\system32",
                "\\Device\\HarddiskVolume1", "en-us;English (United States)", "en-us;English (United States)",
                "(UTC) Coordinated Universal Time", "8,191 MB", "5,120 MB", "9,471 MB", "6,300 MB", "3,171 MB",
                "C:\\pagefile.sys", "contoso.local", "\\\\DC01", hotfixes,
                "1 NIC(s) Installed.,[01]: Microsoft Hyper-V Network Adapter,      Connection Name: Ethernet");
    }

    private static byte[] csv(List<List<String>> rows) {
        StringBuilder sb = new StringBuilder("\r\n");
        for (List<String> r : rows) {
            List<String> quoted = new ArrayList<>();
            r.forEach(f -> quoted.add('"' + f.replace("\"", "\"\"") + '"'));
            sb.append(String.join(",", quoted)).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void a_csv_systeminfo_gives_the_os_architecture_role_and_hotfixes() {
        byte[] bytes = csv(List.of(HEADER, row("FS12", "6.3.9600 N/A Build 9600",
                "2 Hotfix(s) Installed.,[01]: KB2919355,[02]: KB3172729")));

        assertThat(KbTextReader.looksLike(bytes)).isTrue();
        KbEvidence e = KbTextReader.read(Path.of("si.csv"), bytes);

        SystemInfo si = e.systemInfo().orElseThrow();
        assertThat(si.hostName()).contains("FS12");
        assertThat(si.version()).hasToString("6.3.9600");
        assertThat(si.architecture()).contains(Architecture.X64);
        assertThat(si.productType()).contains(ProductType.SERVER);
        assertThat(e.updates().orElseThrow().kbs()).containsExactlyInAnyOrder("KB2919355", "KB3172729");
        assertThat(e.updates().get().complete()).isTrue();
    }

    @Test
    void a_csv_of_several_hosts_is_refused_because_one_audit_describes_one_host() {
        byte[] bytes = csv(List.of(HEADER, row("A", "6.3.9600 N/A Build 9600", "N/A"),
                row("B", "6.3.9600 N/A Build 9600", "N/A")));

        assertThatThrownBy(() -> KbTextReader.read(Path.of("fleet.csv"), bytes))
                .isInstanceOf(EvidenceException.class)
                .hasMessageContaining("fleet.csv").hasMessageContaining("2 hosts");
    }

    @Test
    void a_quoted_csv_that_is_not_systeminfo_is_not_taken_for_it() {
        byte[] bytes = csv(List.of(List.of("a", "b"), List.of("1", "2")));

        assertThat(SystemInfoCsv.toListLines("x.csv", KbTextReader.lines(new String(bytes, StandardCharsets.UTF_8))))
                .isEmpty();
    }

    @Test
    void fields_follow_rfc_4180_quoting() {
        assertThat(SystemInfoCsv.fields("\"a\",\"b,c\",\"d\"\"e\",\"\"")).contains(List.of("a", "b,c", "d\"e", ""));
        assertThat(SystemInfoCsv.fields("\"open")).isEmpty();
        assertThat(SystemInfoCsv.fields("bare,\"x\"")).isEmpty();
    }
}
