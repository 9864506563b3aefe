package io.tlsready.adapters.windows.offline.kbtext;

import static io.tlsready.domain.facts.Architecture.X64;
import static io.tlsready.domain.facts.Architecture.X86;
import static io.tlsready.domain.facts.ProductType.DOMAIN_CONTROLLER;
import static io.tlsready.domain.facts.ProductType.SERVER;
import static io.tlsready.domain.facts.ProductType.WORKSTATION;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.tlsready.domain.facts.Architecture;
import io.tlsready.domain.facts.EvidenceWarning;
import io.tlsready.domain.facts.ProductType;
import io.tlsready.domain.facts.SystemInfo;
import io.tlsready.domain.port.EvidenceException;
import io.tlsready.testing.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every file of the real wesng sample set (../shared/corpus/kb), read in place. Expected OS facts are
 * written down per file from what each file says (cross-checked against what its name says), KB counts
 * come from wesng_index.tsv.
 */
class KbTextReaderCorpusTest {

    private record Os(String version, int sp, Architecture arch, ProductType type) {}

    private static Os os(String version, int sp, Architecture arch, ProductType type) {
        return new Os(version, sp, arch, type);
    }

    /** Per systeminfo file. Files the index lists but the folder lacks are kept so they are checked when present. */
    private static final Map<String, Os> SYSTEMINFO = Map.ofEntries(
            entry("10_1803_x64_education_en-us_systeminfo.txt", os("10.0.17134", 0, X64, WORKSTATION)),
            entry("10_1803_x64_enterprise_es-ar_20190307_systeminfo.txt", os("10.0.17134", 0, X64, WORKSTATION)),
            entry("10_1803_x64_pro_it_systeminfo.txt", os("10.0.17134", 0, X64, WORKSTATION)),
            entry("10_1803_x64_proforworkstations_en-us_A_20190305_systeminfo.txt", os("10.0.17134", 0, X64, WORKSTATION)),
            entry("10_1803_x64_proforworkstations_en-us_B_20190306_systeminfo.txt", os("10.0.17134", 0, X64, WORKSTATION)),
            entry("10_1803_x64_proforworkstations_en-us_systeminfo.txt", os("10.0.17134", 0, X64, WORKSTATION)),
            entry("10_1803_x86_enterprise_nl_systeminfo.txt", os("10.0.17134", 0, X86, WORKSTATION)),
            entry("10_1809_x64_education_en-us_20190306_systeminfo.txt", os("10.0.17763", 0, X64, WORKSTATION)),
            entry("10_1809_x64_education_en-us_systeminfo.txt", os("10.0.17763", 0, X64, WORKSTATION)),
            entry("10_1809_x64_education_es_systeminfo.txt", os("10.0.17763", 0, X64, WORKSTATION)),
            entry("10_1809_x64_enterprise_zh-cn_systeminfo.txt", os("10.0.17763", 0, X64, WORKSTATION)),
            entry("10_1809_x64_pro_en-us_20190307_systeminfo.txt", os("10.0.17763", 0, X64, WORKSTATION)),
            entry("10_21H1_x64_enterprise_systeminfo.txt", os("10.0.19043", 0, X64, WORKSTATION)),
            entry("10_21H2_x64_pro_systeminfo.txt", os("10.0.19044", 0, X64, WORKSTATION)),
            entry("10_22H2_x64_enterprise_en-us_systeminfo.txt", os("10.0.19045", 0, X64, WORKSTATION)),
            entry("10_rtm_x64_pro_en-us_systeminfo.txt", os("10.0.10240", 0, X64, WORKSTATION)),
            entry("11_21H2_x64_enterprise_systeminfo.txt", os("10.0.22000", 0, X64, WORKSTATION)),
            entry("11_22H2_x64_home-single-language_systeminfo.txt", os("10.0.22621", 0, X64, WORKSTATION)),
            entry("11_23H2_x64_enterprise_systeminfo.txt", os("10.0.22631", 0, X64, WORKSTATION)),
            entry("11_24H2_x64_enterprise_systeminfo.txt", os("10.0.26100", 0, X64, WORKSTATION)),
            entry("7_sp1_x64_enterprise_en-us_20190305_systeminfo.txt", os("6.1.7601", 1, X64, WORKSTATION)),
            entry("7_sp1_x64_enterprise_en-us_A_systeminfo.txt", os("6.1.7601", 1, X64, WORKSTATION)),
            entry("7_sp1_x64_enterprise_en-us_B_systeminfo.txt", os("6.1.7601", 1, X64, WORKSTATION)),
            entry("7_sp1_x64_enterprise_fr_systeminfo_cmd.txt", os("6.1.7601", 1, X64, WORKSTATION)),
            entry("7_sp1_x64_enterprise_fr_systeminfo_powershell.txt", os("6.1.7601", 1, X64, WORKSTATION)),
            entry("7_sp1_x64_ultimaten_de_systeminfo.txt", os("6.1.7601", 1, X64, WORKSTATION)),
            entry("7_sp1_x86_enterprise_en-us_systeminfo.txt", os("6.1.7601", 1, X86, WORKSTATION)),
            entry("8.1_u1_x64_enterprise_en-us_systeminfo.txt", os("6.3.9600", 0, X64, WORKSTATION)),
            entry("srv_2003_rtm_x86_standard_en-us_systeminfo.txt", os("5.2.3790", 0, X86, SERVER)),
            entry("srv_2003_sp1_x64_standard_en-us_systeminfo.txt", os("5.2.3790", 1, X64, SERVER)),
            entry("srv_2003r2_sp2_rtm_x64_standard_en-us_systeminfo.txt", os("5.2.3790", 2, X64, SERVER)),
            entry("srv_2003r2_sp2_x86_standard_en-us_systeminfo.txt", os("5.2.3790", 2, X86, SERVER)),
            // Server 2008 "RTM" shipped at the Vista SP1 code base: systeminfo says 6.0.6001 Service Pack 1.
            entry("srv_2008_rtm_x64_standard_en-us_systeminfo.txt", os("6.0.6001", 1, X64, SERVER)),
            entry("srv_2008_rtm_x86_standard_en-us_systeminfo.txt", os("6.0.6001", 1, X86, SERVER)),
            entry("srv_2008r2_sp1_x64_standard_en-us_systeminfo.txt", os("6.1.7601", 1, X64, SERVER)),
            entry("srv_2012r2_u1_systeminfo.txt", os("6.3.9600", 0, X64, SERVER)),
            entry("srv_2012r2_u1_systeminfo2.txt", os("6.3.9600", 0, X64, SERVER)),
            entry("srv_2012r2_x64_standard_ru_systeminfo.txt", os("6.3.9600", 0, X64, DOMAIN_CONTROLLER)),
            entry("srv_2016_1607_datacenter_en-us_systeminfo.txt", os("10.0.14393", 0, X64, SERVER)),
            entry("srv_2019_rtm_datacenter_en-us_systeminfo.txt", os("10.0.17763", 0, X64, SERVER)),
            entry("srv_2022_systeminfo.txt", os("10.0.20348", 0, X64, SERVER)),
            entry("vista_x64_sp0_systeminfo.txt", os("6.0.6000", 0, X64, WORKSTATION)),
            entry("vista_x64_sp1_systeminfo.txt", os("6.0.6001", 1, X64, WORKSTATION)),
            entry("vista_x64_sp2_systeminfo.txt", os("6.0.6002", 2, X64, WORKSTATION)),
            entry("xp_rtm_x86_professional_en-us_systeminfo.txt", os("5.1.2600", 0, X86, WORKSTATION)),
            entry("xp_sp1_x86_systeminfo.txt", os("5.1.2600", 1, X86, WORKSTATION)),
            // XP Professional x64 Edition is built on Server 2003 SP2 (NT 5.2).
            entry("xp_sp2_x64_systeminfo.txt", os("5.2.3790", 2, X64, WORKSTATION)),
            entry("xp_sp2_x86_systeminfo.txt", os("5.1.2600", 2, X86, WORKSTATION)),
            entry("xp_sp3_x86_professional_en-us_systeminfo.txt", os("5.1.2600", 3, X86, WORKSTATION)));

    /** systeminfo files whose Hotfix(s) count is larger than the list they print (systeminfo cuts long lists). */
    private static final Set<String> TRUNCATED_LISTS = Set.of(
            "7_sp1_x64_enterprise_en-us_20190305_systeminfo.txt", // 273 reported, 245 listed
            "7_sp1_x64_enterprise_en-us_B_systeminfo.txt",        // 271 / 245
            "7_sp1_x64_ultimaten_de_systeminfo.txt",              // 263 / 245
            "srv_2003r2_sp2_x86_standard_en-us_systeminfo.txt",   // 352 / 240, last entry cut to "KB2862"
            "xp_sp2_x64_systeminfo.txt",                          // 300 / 228
            "xp_sp3_x86_professional_en-us_systeminfo.txt");      // 262 / 220

    /** wesng update lists: distinct KBs offered as NOT installed (the index gives no count for them). */
    private static final Map<String, Integer> UPDATE_LISTS = Map.of(
            "10_1803_x64_proforworkstations_en-us_A_20190305_updates.txt", 2,
            "10_1803_x64_proforworkstations_en-us_B_20190306_updates.txt", 5,
            "10_1809_x64_education_en-us_20190306_updates.txt", 1,
            "7_sp1_x64_enterprise_en-us_20190305_updates.txt", 37,
            "srv_2012r2_u1_updates_optional.txt", 1);

    /**
     * Where wesng_index.tsv is wrong: its tool read this ASCII "Please wait..." + BOM-less UTF-16LE dump as
     * ASCII and found no "KB" (the NULs split every word). 149 distinct KBs is what `tr -d '\0' | grep -o KB...`
     * finds in the file too. (xp_sp2_x86_qfe.txt has the same layout but really lists only Q147222: 0 is right.)
     */
    private static final Map<String, Integer> INDEX_MISREAD = Map.of("xp_sp2_x64_qfe.txt", 149);

    /** The only wmic dump with no content at all: a UTF-16LE BOM and one CRLF. */
    private static final String EMPTY_QFE = "10_1803_x64_proforworkstations_en-us_B_20190306_qfe.txt";

    private record IndexRow(Optional<Integer> kbCount, List<String> tlsKbs) {}

    @TestFactory
    Stream<DynamicTest> every_corpus_file() throws IOException {
        Path kb = Corpus.dir("kb");
        Map<String, IndexRow> index = readIndex(kb.resolve("wesng_index.tsv"));
        List<Path> files;
        try (Stream<Path> s = Files.list(kb)) {
            files = s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (name.equals("README.md") || name.equals("wesng_index.tsv") || name.endsWith("_wes.txt")) {
                System.out.println("[corpus] skipped (not evidence: README / index / wesng output): " + name);
                continue;
            }
            tests.add(DynamicTest.dynamicTest(name, () -> checkFile(f, index.get(name))));
        }
        List<String> absent = index.keySet().stream().filter(n -> !Files.exists(kb.resolve(n))).sorted()
                .collect(Collectors.toList());
        if (!absent.isEmpty()) {
            System.out.println("[corpus] listed in wesng_index.tsv but not in the folder: " + absent);
        }
        assertThat(tests).as("corpus files").isNotEmpty();
        return tests.stream();
    }

    private static void checkFile(Path f, IndexRow row) throws IOException {
        String name = f.getFileName().toString();
        byte[] bytes = Files.readAllBytes(f);
        if (name.equals(EMPTY_QFE)) {
            assertThat(KbTextReader.looksLike(bytes)).isFalse();
            assertThatThrownBy(() -> KbTextReader.read(f, bytes))
                    .isInstanceOf(EvidenceException.class)
                    .hasMessageStartingWith(f.toString() + ": ")
                    .hasMessageContaining("only blank lines");
            return;
        }
        assertThat(KbTextReader.looksLike(bytes)).as("looksLike").isTrue();
        KbEvidence e = KbTextReader.read(f, bytes);
        System.out.println("[corpus] " + name + " -> " + e.kind()
                + e.systemInfo().map(si -> " " + si.version() + " SP" + si.servicePack() + " "
                        + si.architecture().map(Enum::name).orElse("?") + " "
                        + si.productType().map(Enum::name).orElse("?")).orElse("")
                + e.updates().map(u -> ", " + u.kbs().size() + " KBs").orElse(", no installed-update list")
                + ", " + e.warnings().size() + " warning(s)");

        if (name.contains("_systeminfo")) {
            checkSystemInfo(name, e);
        } else if (name.endsWith("_qfe.txt")) {
            assertThat(e.kind()).isEqualTo(KbEvidence.WMIC_QFE);
            assertThat(e.systemInfo()).isEmpty();
            assertThat(e.updates()).isPresent();
        } else if (UPDATE_LISTS.containsKey(name)) {
            assertThat(e.kind()).isEqualTo(KbEvidence.UPDATE_LIST);
            // Offered-but-not-installed updates must never count as installed.
            assertThat(e.updates()).isEmpty();
            assertThat(e.warnings()).singleElement().extracting(EvidenceWarning::message).asString()
                    .contains("lists " + UPDATE_LISTS.get(name) + " update(s)", "not installed");
            assertThat(row.kbCount()).as("count in wesng_index.tsv").contains(UPDATE_LISTS.get(name));
            return;
        } else {
            fail("unexpected corpus file " + name + ": add its expectations to this test");
        }

        Set<String> kbs = e.updates().orElseThrow().kbs();
        assertThat(row).as(name + " in wesng_index.tsv").isNotNull();
        if (INDEX_MISREAD.containsKey(name)) {
            assertThat(row.kbCount()).as("index count known to be wrong").contains(0);
            assertThat(kbs).hasSize(INDEX_MISREAD.get(name));
        } else {
            assertThat(row.kbCount()).as("index count").isPresent();
            assertThat(kbs).as("distinct KBs vs wesng_index.tsv").hasSize(row.kbCount().get());
        }
        assertThat(kbs).as("TLS-related KBs the index names").containsAll(row.tlsKbs());
        if (name.startsWith("7_sp1")) {
            assertThat(kbs.contains("KB3140245")).as("KB3140245 exactly where the index says")
                    .isEqualTo(row.tlsKbs().contains("KB3140245"));
        }
        assertThat(e.warnings()).allSatisfy(w -> {
            assertThat(w.location()).startsWith(f.toString());
            assertThat(w.message()).doesNotContain("\n");
        });
    }

    private static void checkSystemInfo(String name, KbEvidence e) {
        assertThat(e.kind()).isEqualTo(KbEvidence.SYSTEMINFO);
        Os want = SYSTEMINFO.get(name);
        assertThat(want).as("expectations for " + name).isNotNull();
        checkNameAgrees(name, want);
        SystemInfo si = e.systemInfo().orElseThrow();
        assertThat(si.version()).hasToString(want.version());
        assertThat(si.servicePack()).as("service pack").isEqualTo(want.sp());
        assertThat(si.architecture()).contains(want.arch());
        assertThat(si.productType()).contains(want.type());
        assertThat(si.osName()).contains("Windows").doesNotEndWith(" ");
        assertThat(e.updates()).as("hotfix list collected").isPresent();
        boolean truncatedWarning = e.warnings().stream().anyMatch(w -> w.message().contains("lists only"));
        assertThat(truncatedWarning).as("warning about a truncated hotfix list")
                .isEqualTo(TRUNCATED_LISTS.contains(name));
        assertThat(e.updates().get().complete()).as("a truncated list is marked incomplete")
                .isEqualTo(!TRUNCATED_LISTS.contains(name));
    }

    /** What the file name says must agree with the table (guards against typos in either). */
    private static void checkNameAgrees(String name, Os want) {
        if (name.contains("_x64")) {
            assertThat(want.arch()).isEqualTo(X64);
        }
        if (name.contains("_x86")) {
            assertThat(want.arch()).isEqualTo(X86);
        }
        assertThat(want.type().isServer()).as("srv_ prefix").isEqualTo(name.startsWith("srv_"));
        Matcher sp = Pattern.compile("_sp(\\d)_").matcher(name);
        if (sp.find()) {
            assertThat(want.sp()).isEqualTo(Integer.parseInt(sp.group(1)));
        }
        String nt = want.version().substring(0, want.version().lastIndexOf('.'));
        Map<String, String> family = new HashMap<>();
        family.put("10_", "10.0");
        family.put("11_", "10.0");
        family.put("7_", "6.1");
        family.put("8.1_", "6.3");
        family.put("vista_", "6.0");
        family.put("srv_2003", "5.2");
        family.put("srv_2008_", "6.0");
        family.put("srv_2008r2", "6.1");
        family.put("srv_2012r2", "6.3");
        family.put("srv_2016", "10.0");
        family.put("srv_2019", "10.0");
        family.put("srv_2022", "10.0");
        family.put("xp_sp2_x64", "5.2");
        family.put("xp_", "5.1");
        String prefix = family.keySet().stream().filter(name::startsWith)
                .max((a, b) -> Integer.compare(a.length(), b.length())).orElseThrow();
        assertThat(nt).as("NT version family from the name prefix " + prefix).isEqualTo(family.get(prefix));
        if (name.startsWith("11_")) {
            assertThat(Integer.parseInt(want.version().substring(5))).isGreaterThanOrEqualTo(22000);
        }
    }

    @Test
    void systeminfo_and_qfe_of_one_host_agree_where_both_are_complete() {
        Path kb = Corpus.dir("kb");
        // Same machine, both lists complete: identical KB sets.
        assertThat(kbsOf(kb.resolve("srv_2012r2_u1_systeminfo.txt")))
                .isEqualTo(kbsOf(kb.resolve("srv_2012r2_u1_qfe.txt")));
        // The systeminfo list of this Windows 7 host is cut at 245 of 273 entries and so misses KB3140245,
        // which its wmic qfe dump shows: the reason a truncated list carries a warning.
        Set<String> si = kbsOf(kb.resolve("7_sp1_x64_enterprise_en-us_20190305_systeminfo.txt"));
        Set<String> qfe = kbsOf(kb.resolve("7_sp1_x64_enterprise_en-us_20190305_qfe.txt"));
        assertThat(si).doesNotContain("KB3140245");
        assertThat(qfe).contains("KB3140245").containsAll(si);
    }

    private static Set<String> kbsOf(Path f) {
        try {
            return KbTextReader.read(f, Files.readAllBytes(f)).updates().orElseThrow().kbs();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, IndexRow> readIndex(Path tsv) throws IOException {
        Map<String, IndexRow> out = new HashMap<>();
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split("\t", -1);
            if (c.length < 6) {
                continue;
            }
            Optional<Integer> count = c[4].isBlank() ? Optional.empty() : Optional.of(Integer.parseInt(c[4].trim()));
            List<String> tls = c[5].isBlank() ? List.of() : List.of(c[5].trim().split(","));
            out.put(c[0], new IndexRow(count, tls));
        }
        return out;
    }
}
