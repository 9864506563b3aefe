package io.tlsready.adapters.windows.offline.kbtext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsready.domain.facts.Architecture;
import io.tlsready.domain.facts.EvidenceWarning;
import io.tlsready.domain.facts.ProductType;
import io.tlsready.domain.facts.SystemInfo;
import io.tlsready.domain.port.EvidenceException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fixtures written for this project (host names and update lists are made up). */
class KbTextReaderFixturesTest {

    private static final Path FILE = Path.of("evidence", "host1.txt");

    private static final String GET_HOTFIX_TABLE = String.join("\r\n",
            "",
            "Source        Description      HotFixID      InstalledBy          InstalledOn",
            "------        -----------      --------      -----------          -----------",
            "APP-SRV-07    Update           KB2534111     NT AUTHORITY\\SYSTEM  3/12/2016 12:00:00 AM",
            "APP-SRV-07    Security Update  KB3140245     APP-SRV-07\\admin     4/19/2016 12:00:00 AM",
            "APP-SRV-07    Hotfix           KB976902      APP-SRV-07\\admin     11/21/2010 12:00:00 AM",
            "APP-SRV-07    Update           KB45341...    NT AUTHORITY\\SYSTEM  2/14/2020 12:00:00 AM",
            "", "");

    /** A systeminfo of our own: Server 2008 SP2 after the 2019 rollups (build 6003, rule book G7). */
    private static final String SYSTEMINFO_2008_SP2 = String.join("\n",
            "",
            "Host Name:                 BACKUP-01",
            "OS Name:                   Microsoft Windows Server 2008 Standard ",
            "OS Version:                6.0.6003 Service Pack 2 Build 6003",
            "OS Manufacturer:           Microsoft Corporation",
            "OS Configuration:          Member Server",
            "OS Build Type:             Multiprocessor Free",
            "Registered Owner:          Ops",
            "Registered Organization:   ",
            "Product ID:                55041-000-0000000-00000",
            "Original Install Date:     1/2/2015, 9:00:00 AM",
            "System Boot Time:          6/1/2019, 7:00:00 AM",
            "System Manufacturer:       Contoso",
            "System Model:              Box 9",
            "System Type:               x64-based PC",
            "Processor(s):              1 Processor(s) Installed.",
            "                           [01]: Intel64 Family 6 Model 85 Stepping 4 GenuineIntel ~2100 Mhz",
            "BIOS Version:              Contoso 1.0, 1/1/2018",
            "Windows Directory:         C:\\Windows",
            "System Directory:          C:\\Windows\\system32",
            "Boot Device:               \\Device\\HarddiskVolume1",
            "System Locale:             en-us;English (United States)",
            "Input Locale:              en-us;English (United States)",
            "Time Zone:                 (UTC) Coordinated Universal Time",
            "Total Physical Memory:     8,191 MB",
            "Available Physical Memory: 4,000 MB",
            "Page File: Max Size:       16,381 MB",
            "Page File: Available:      12,000 MB",
            "Page File: In Use:         4,381 MB",
            "Page File Location(s):     C:\\pagefile.sys",
            "Domain:                    corp.example",
            "Logon Server:              \\\\DC1",
            "Hotfix(s):                 3 Hotfix(s) Installed.",
            "                           [01]: KB4019276",
            "                           [02]: KB4474419",
            "                           [03]: KB4493730",
            "Network Card(s):           1 NIC(s) Installed.",
            "                           [01]: Contoso Gigabit Adapter",
            "                                 Connection Name: Local Area Connection",
            "                                 DHCP Enabled:    No",
            "");

    @Test
    void get_hot_fix_table_in_utf16_with_bom() {
        KbEvidence e = read(bom16le(GET_HOTFIX_TABLE));
        assertThat(e.kind()).isEqualTo(KbEvidence.GET_HOTFIX);
        assertThat(e.systemInfo()).isEmpty();
        assertThat(e.updates().orElseThrow().kbs()).containsExactlyInAnyOrder("KB2534111", "KB3140245", "KB976902");
        // A HotFixID cut by a narrow console is not taken as KB45341.
        assertThat(e.warnings()).singleElement().extracting(EvidenceWarning::message).asString()
                .contains("1 hotfix entry", "KB45341...");
    }

    @Test
    void get_hot_fix_export_csv_with_type_line() {
        String csv = String.join("\r\n",
                "#TYPE System.Management.ManagementObject#root\\cimv2\\Win32_QuickFixEngineering",
                "\"PSComputerName\",\"InstalledOn\",\"__GENUS\",\"__CLASS\",\"Caption\",\"CSName\",\"Description\","
                        + "\"FixComments\",\"HotFixID\",\"InstallDate\",\"InstalledBy\",\"Name\",\"ServicePackInEffect\",\"Status\"",
                "\"APP-SRV-07\",\"3/12/2016 12:00:00 AM\",\"2\",\"Win32_QuickFixEngineering\","
                        + "\"http://support.microsoft.com/?kbid=2534111\",\"APP-SRV-07\",\"Update\",\"\",\"KB2534111\",,"
                        + "\"NT AUTHORITY\\SYSTEM\",,,",
                "\"APP-SRV-07\",\"4/19/2016 12:00:00 AM\",\"2\",\"Win32_QuickFixEngineering\","
                        + "\"http://support.microsoft.com/?kbid=3140245\",\"APP-SRV-07\",\"Update, \"\"TLS\"\"\",\"\","
                        + "\"KB3140245\",,\"APP-SRV-07\\admin\",,,",
                "");
        KbEvidence e = read(csv.getBytes(StandardCharsets.US_ASCII));
        assertThat(e.kind()).isEqualTo(KbEvidence.GET_HOTFIX);
        assertThat(e.updates().orElseThrow().kbs()).containsExactlyInAnyOrder("KB2534111", "KB3140245");
        assertThat(e.warnings()).isEmpty();
    }

    @Test
    void convert_to_csv_with_semicolons_and_utf8_bom() {
        String csv = "\"Source\";\"Description\";\"HotFixID\";\"InstalledBy\";\"InstalledOn\"\r\n"
                + "\"PC-12\";\"Update\";\"KB5005565\";\"NT-AUTORITÄT\\SYSTEM\";\"15.09.2021 00:00:00\"\r\n";
        KbEvidence e = read(utf8Bom(csv));
        assertThat(e.kind()).isEqualTo(KbEvidence.GET_HOTFIX);
        assertThat(e.updates().orElseThrow().kbs()).containsExactlyInAnyOrder("KB5005565");
    }

    @Test
    void get_hot_fix_format_list() {
        String list = String.join("\r\n",
                "",
                "",
                "Source        : APP-SRV-07",
                "Description   : Update",
                "HotFixID      : KB2534111",
                "InstalledBy   : NT AUTHORITY\\SYSTEM",
                "InstalledOn   : 3/12/2016 12:00:00 AM",
                "",
                "Source        : APP-SRV-07",
                "Description   : Security Update",
                "HotFixID      : KB3140245",
                "InstalledBy   : APP-SRV-07\\admin",
                "InstalledOn   : 4/19/2016 12:00:00 AM",
                "", "");
        KbEvidence e = read(bom16le(list));
        assertThat(e.kind()).isEqualTo(KbEvidence.GET_HOTFIX);
        assertThat(e.updates().orElseThrow().kbs()).containsExactlyInAnyOrder("KB2534111", "KB3140245");
    }

    @Test
    void wmic_format_csv() {
        String csv = "\r\nNode,Caption,CSName,Description,FixComments,HotFixID,InstallDate,InstalledBy,InstalledOn,"
                + "Name,ServicePackInEffect,Status\r\n"
                + "APP-SRV-07,http://support.microsoft.com/?kbid=2534111,APP-SRV-07,Update,,KB2534111,,"
                + "NT AUTHORITY\\SYSTEM,3/12/2016,,,\r\n"
                + "APP-SRV-07,http://support.microsoft.com/?kbid=3140245,APP-SRV-07,Update,,KB3140245,,"
                + "APP-SRV-07\\admin,4/19/2016,,,\r\n";
        KbEvidence e = read(bom16le(csv));
        assertThat(e.kind()).isEqualTo(KbEvidence.WMIC_QFE);
        assertThat(e.updates().orElseThrow().kbs()).containsExactlyInAnyOrder("KB2534111", "KB3140245");
    }

    @Test
    void wmic_tables_brief_and_single_column_and_list() {
        String brief = "Description      FixComments  HotFixID   InstallDate  InstalledBy          InstalledOn  "
                + "Name  ServicePackInEffect  Status  \r\n"
                + "Update                        KB4100347               NT AUTHORITY\\SYSTEM  3/2/2019      "
                + "                                  \r\n";
        assertThat(read(bom16le(brief)).updates().orElseThrow().kbs()).containsExactlyInAnyOrder("KB4100347");

        String single = "HotFixID   \r\r\nKB2534111  \r\r\nKB3140245  \r\r\n\r\r\n";
        KbEvidence one = read(single.getBytes(StandardCharsets.US_ASCII));
        assertThat(one.kind()).isEqualTo(KbEvidence.WMIC_QFE);
        assertThat(one.updates().orElseThrow().kbs()).containsExactlyInAnyOrder("KB2534111", "KB3140245");

        // wmic qfe list full / format:list on XP: HotFixID "File 1", the KB in ServicePackInEffect.
        String list = "\r\n\r\nCaption=\r\nHotFixID=File 1\r\nServicePackInEffect=KB2115168\r\n\r\n\r\n"
                + "Caption=http://support.microsoft.com/?kbid=3140245\r\nHotFixID=KB3140245\r\nServicePackInEffect=\r\n";
        KbEvidence l = read(bom16le(list));
        assertThat(l.kind()).isEqualTo(KbEvidence.WMIC_QFE);
        assertThat(l.updates().orElseThrow().kbs()).containsExactlyInAnyOrder("KB2115168", "KB3140245");

        KbEvidence none = read("No Instance(s) Available.\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(none.updates().orElseThrow().kbs()).isEmpty();
    }

    @Test
    void systeminfo_with_lf_endings_server2008_at_build6003() {
        KbEvidence e = read(SYSTEMINFO_2008_SP2.getBytes(StandardCharsets.US_ASCII));
        assertThat(e.kind()).isEqualTo(KbEvidence.SYSTEMINFO);
        SystemInfo si = e.systemInfo().orElseThrow();
        assertThat(si.hostName()).contains("BACKUP-01");
        assertThat(si.osName()).isEqualTo("Microsoft Windows Server 2008 Standard");
        assertThat(si.version()).hasToString("6.0.6003");
        assertThat(si.servicePack()).isEqualTo(2);
        assertThat(si.productType()).contains(ProductType.SERVER);
        assertThat(si.architecture()).contains(Architecture.X64);
        assertThat(e.updates().orElseThrow().kbs()).containsExactlyInAnyOrder("KB4019276", "KB4474419", "KB4493730");
        assertThat(e.warnings()).isEmpty();
    }

    @Test
    void systeminfo_in_utf16_without_bom_as_domain_controller() {
        String text = SYSTEMINFO_2008_SP2.replace("Member Server", "Primary Domain Controller").replace("\n", "\r\n");
        KbEvidence e = read(text.getBytes(StandardCharsets.UTF_16LE));
        assertThat(e.systemInfo().orElseThrow().productType()).contains(ProductType.DOMAIN_CONTROLLER);
        assertThat(e.updates().orElseThrow().kbs()).hasSize(3);
        assertThat(KbTextDecoder.decode("x", text.getBytes(StandardCharsets.UTF_16LE)).encoding())
                .isEqualTo("UTF-16LE (no BOM)");
    }

    @Test
    void french_in_cp850_with_no_break_spaces() {
        String nb = "\u00A0";
        String fr = localized(List.of(
                "Nom de l'hôte:                              POSTE-42",
                "Nom du système d'exploitation:              Microsoft Windows" + nb + "7 Professionnel ",
                "Version du système:                         6.1.7601 Service Pack 1 version 7601",
                "Fabricant du système d'exploitation:        Microsoft Corporation",
                "Configuration du système d'exploitation:    Station de travail membre",
                "Type de version du système d'exploitation:  Multiprocessor Free",
                "Propriétaire enregistré:                    Utilisateur",
                "Organisation enregistrée:                   ",
                "Identificateur de produit:                  00371-000-0000000-00000",
                "Date d'installation originale:              02/03/2017, 10:11:12",
                "Heure de démarrage du système:              04/05/2019, 08:00:00",
                "Fabricant du système:                       Contoso",
                "Modèle du système:                          Boîte 3",
                "Type du système:                            X86-based PC",
                "Processeur(s):                              1 processeur(s) installé(s).",
                "                                            [01]" + nb + ": x86 Family 6 Model 58 ~2500 MHz",
                "Mémoire virtuelle" + nb + ": taille maximale:        4" + nb + "095 Mo",
                "Correctif(s):                               2 Corrections installées.",
                "                                            [01]: KB3140245",
                "                                            [02]: KB4019990",
                "Carte(s) réseau:                            1 carte(s) réseau installée(s).",
                "                                            [01]: Connexion réseau Contoso",
                "                                                  Nom de la connexion" + nb + ": Réseau local"),
                "\n");
        KbEvidence e = read(fr.getBytes(Charset.forName("IBM850")));
        SystemInfo si = e.systemInfo().orElseThrow();
        assertThat(si.osName()).isEqualTo("Microsoft Windows 7 Professionnel");
        assertThat(si.version()).hasToString("6.1.7601");
        assertThat(si.servicePack()).isEqualTo(1);
        assertThat(si.architecture()).contains(Architecture.X86);
        assertThat(si.productType()).contains(ProductType.WORKSTATION);
        assertThat(e.updates().orElseThrow().kbs()).containsExactlyInAnyOrder("KB3140245", "KB4019990");
        assertThat(KbTextDecoder.decode("x", fr.getBytes(Charset.forName("IBM850"))).encoding()).isEqualTo("IBM850");
    }

    @Test
    void russian_in_cp866_and_chinese_in_gbk_with_german_style_zero_hotfixes() {
        String ru = localized(List.of(
                "Имя узла:                         FS-02",
                "Название ОС:                      Microsoft Windows Server 2012 R2 Standard",
                "Версия ОС:                        6.3.9600 Н/Д построение 9600",
                "Изготовитель ОС:                  Microsoft Corporation",
                "Параметры ОС:                     Изолированный сервер",
                "Сборка ОС:                        Multiprocessor Free",
                "Зарегистрированный владелец:      Администратор",
                "Зарегистрированная организация:   ",
                "Код продукта:                     00252-00000-00000-AA000",
                "Дата установки:                   01.02.2016, 10:00:00",
                "Время загрузки системы:           03.04.2019, 9:00:00",
                "Изготовитель системы:             Contoso",
                "Модель системы:                   Ящик",
                "Тип системы:                      x64-based PC",
                "Исправление(я):                   Число установленных исправлений - 1.",
                "                                  [01]: KB2919355",
                "Сетевые адаптеры:                 Число сетевых адаптеров - 1.",
                "                                  [01]: Адаптер Contoso",
                "                                        Имя подключения: Ethernet"), "\r\n");
        KbEvidence r = read(ru.getBytes(Charset.forName("IBM866")));
        assertThat(r.systemInfo().orElseThrow().productType()).contains(ProductType.SERVER);
        assertThat(r.systemInfo().orElseThrow().hostName()).contains("FS-02");
        assertThat(r.updates().orElseThrow().kbs()).containsExactlyInAnyOrder("KB2919355");

        String zh = localized(List.of(
                "主机名:           PC-7",
                "OS 名称:          Microsoft Windows 10 专业版",
                "OS 版本:          10.0.19045 暂缺 Build 19045",
                "OS 制造商:        Microsoft Corporation",
                "OS 配置:          独立工作站",
                "OS 构件类型:      Multiprocessor Free",
                "注册的所有人:     用户",
                "注册的组织:       暂缺",
                "产品 ID:          00330-00000-00000-AA000",
                "初始安装日期:     2021/3/4, 10:00:00",
                "系统启动时间:     2023/5/6, 8:00:00",
                "系统制造商:       Contoso",
                "系统型号:         盒子",
                "系统类型:         x64-based PC",
                "修补程序:         暂缺",
                "网卡:             安装了 1 个 NIC。",
                "                  [01]: Contoso 网络适配器",
                "                      连接名:      以太网"), "\r\n");
        KbEvidence z = read(zh.getBytes(Charset.forName("GBK")));
        assertThat(z.systemInfo().orElseThrow().version()).hasToString("10.0.19045");
        assertThat(z.systemInfo().orElseThrow().productType()).contains(ProductType.WORKSTATION);
        assertThat(z.updates()).as("'N/A' hotfixes is a collected, empty list").isPresent();
        assertThat(z.updates().orElseThrow().kbs()).isEmpty();
    }

    @Test
    void hotfix_count_larger_than_list_warns_and_drops_a_cut_last_entry() {
        String text = SYSTEMINFO_2008_SP2.replace("3 Hotfix(s) Installed.", "300 Hotfix(s) Installed.")
                .replace("[03]: KB4493730", "[03]: KB44937");
        KbEvidence e = read(text.getBytes(StandardCharsets.US_ASCII));
        assertThat(e.updates().orElseThrow().kbs()).containsExactlyInAnyOrder("KB4019276", "KB4474419");
        assertThat(e.warnings()).singleElement().satisfies(w -> {
            assertThat(w.location()).isEqualTo(FILE + ":33");
            assertThat(w.message()).contains("reports 300 hotfixes but lists only 3", "incomplete", "KB44937");
        });
    }

    @Test
    void xp_style_file_entries_still_make_a_collected_list() {
        String text = SYSTEMINFO_2008_SP2.replace("3 Hotfix(s) Installed.", "2 Hotfix(s) Installed.")
                .replace("[01]: KB4019276", "[01]: File 1")
                .replace("[02]: KB4474419", "[02]: Q147222")
                .replace("                           [03]: KB4493730\n", "");
        KbEvidence e = read(text.getBytes(StandardCharsets.US_ASCII));
        assertThat(e.updates()).isPresent();
        assertThat(e.updates().orElseThrow().kbs()).isEmpty();
        assertThat(e.warnings()).singleElement().extracting(EvidenceWarning::message).asString()
                .contains("2 hotfix entries", "File 1", "Q147222");
    }

    @Test
    void update_list_is_not_installed_updates() {
        KbEvidence e = read(("KB3140245: Update for Windows 7 for x64-based Systems (KB3140245)\r\n"
                + "KB4019990, KB4040980: Update for .NET (KB4019990)\r\n").getBytes(StandardCharsets.US_ASCII));
        assertThat(e.kind()).isEqualTo(KbEvidence.UPDATE_LIST);
        assertThat(e.updates()).isEmpty();
        assertThat(e.warnings()).singleElement().extracting(EvidenceWarning::message).asString()
                .contains("3 update(s)", "KB3140245", "KB4040980", "not installed");
    }

    @Test
    void unusable_input_gives_one_line_messages_naming_the_file() {
        assertError(new byte[0], "empty file");
        assertError(new byte[] {(byte) 0xFF, (byte) 0xFE, 13, 0, 10, 0}, "only blank lines");
        assertError(new byte[] {0x50, 0x4B, 3, 4, 0, 0, 0, 0, 8, 0, 0x21, 0, (byte) 0x9C, 0, 0, 0, 0}, "binary");
        assertError("Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE]\r\n"
                .getBytes(StandardCharsets.US_ASCII), "first line: 'Windows Registry Editor Version 5.00'");
        String cut = SYSTEMINFO_2008_SP2.substring(0, SYSTEMINFO_2008_SP2.indexOf("OS Build Type"));
        assertError(cut.getBytes(StandardCharsets.US_ASCII), "truncated systeminfo");
    }

    @Test
    void looks_like_only_our_kinds() {
        assertThat(KbTextReader.looksLike(SYSTEMINFO_2008_SP2.getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(KbTextReader.looksLike(bom16le(GET_HOTFIX_TABLE))).isTrue();
        assertThat(KbTextReader.looksLike(null)).isFalse();
        assertThat(KbTextReader.looksLike(new byte[0])).isFalse();
        assertThat(KbTextReader.looksLike(bom16le("Windows Registry Editor Version 5.00\r\n\r\n"
                + "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL]\r\n"
                + "\"Enabled\"=dword:00000001\r\n"))).isFalse();
        assertThat(KbTextReader.looksLike(("{\"schema\":\"tlsready.snapshot/v1\",\"os\":{\"version\":\"6.1.7601\","
                + "\"hotfixes\":[\"KB3140245\"]}}").getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    private static void assertError(byte[] bytes, String expected) {
        assertThatThrownBy(() -> KbTextReader.read(FILE, bytes))
                .isInstanceOf(EvidenceException.class)
                .hasMessageStartingWith(FILE + ": ")
                .hasMessageContaining(expected)
                .satisfies(t -> assertThat(t.getMessage()).doesNotContain("\n").doesNotContain("\r"));
    }

    private static KbEvidence read(byte[] bytes) {
        return KbTextReader.read(FILE, bytes);
    }

    private static String localized(List<String> lines, String eol) {
        return eol + String.join(eol, lines) + eol;
    }

    private static byte[] bom16le(String s) {
        byte[] body = s.getBytes(StandardCharsets.UTF_16LE);
        byte[] out = new byte[body.length + 2];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xFE;
        System.arraycopy(body, 0, out, 2, body.length);
        return out;
    }

    private static byte[] utf8Bom(String s) {
        byte[] body = s.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[body.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(body, 0, out, 3, body.length);
        return out;
    }
}
