package io.tlsready.domain.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** Each format's escaping, written from the format's own rules; random hostile strings for the invariants. */
class OutputTextTest {

    private static final String HOSTILE = "MABS01\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Run]\r\n\"evil\"=\"x.exe\"\u001b[2J\u001b]0;t\u0007"
            + "\u202eYDAER\u202c\u2066\u200b\ufffe\ud800'\u2019\"<&>=cmd";

    @Test
    void visible_text_has_no_control_or_bidi_character_left() {
        String v = Visible.of(HOSTILE);
        assertThat(v).contains("\\r\\n", "\\x1b[2J", "\\x07", "\\u202e", "\\u2066", "\\u200b", "\\ufffe", "\\ud800")
                .doesNotContain("\r", "\n", "\u001b", "\u202e", "\u2066", "\ufffe");
        assertThat(v.codePoints().filter(Visible::steers)).isEmpty();
    }

    @Test
    void visible_text_leaves_printable_text_of_any_script_alone() {
        String s = "Sécurité Überprüfung 安全 Ελληνικά \ud83d\udd12 C:\\Windows\\System32 [x] \"q\"";
        assertThat(Visible.of(s)).isEqualTo(s);
        assertThat(Visible.isPlain(s)).isTrue();
        assertThat(Visible.of("a\ud83d")).isEqualTo("a\\ud83d");
        assertThat(Visible.of("\udd12b")).isEqualTo("\\udd12b");
    }

    @Test
    void reg_comments_and_quotes_never_break_a_line() {
        assertThat(RegText.comment(HOSTILE)).doesNotContain("\r", "\n");
        assertThat(RegText.quoted("value name", "a\\b\"c")).isEqualTo("\"a\\\\b\\\"c\"");
        assertThatThrownBy(() -> RegText.quoted("value name", "x\r\ny"))
                .isInstanceOf(UnwritableTextException.class)
                .hasMessage("value name \"x\\r\\ny\" cannot be written: a .reg file cannot carry a line break, NUL or lone "
                        + "surrogate inside quotes");
        assertThat(RegText.canQuote("a\ud83d")).isFalse();
        assertThat(RegText.canQuote("\ude00a")).isFalse();
        assertThat(RegText.canQuote("a\ud83d\ude00")).isTrue();
        assertThatThrownBy(() -> PowerShellText.literal("key", "a\ud83d")).isInstanceOf(UnwritableTextException.class);
        assertThat(PowerShellText.literal("key", "it\u2019s")).isEqualTo("'it\u2019\u2019s'");
        assertThatThrownBy(() -> RegText.keyPath("HKEY_LOCAL_MACHINE\\A\nB")).isInstanceOf(UnwritableTextException.class);
        assertThatThrownBy(() -> RegText.keyPath("-HKEY_LOCAL_MACHINE\\A")).hasMessageContaining("deletes the key");
        assertThat(RegText.keyPath("HKEY_LOCAL_MACHINE\\A]B [x]")).isEqualTo("HKEY_LOCAL_MACHINE\\A]B [x]");
    }

    @Test
    void power_shell_doubles_every_quote_it_honours() {
        assertThat(PowerShellText.singleQuoted("it's \u2018x\u2019 \u201a\u201b \"$(calc)\""))
                .isEqualTo("it''s \u2018\u2018x\u2019\u2019 \u201a\u201a\u201b\u201b \"$(calc)\"");
        assertThat(PowerShellText.comment("a\r\n<#b")).isEqualTo("a\\r\\n<#b");
    }

    @Test
    void csv_guards_formulas_and_quotes_structure() {
        assertThat(CsvText.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CsvText.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvText.cell("a,b\r\nc")).isEqualTo("\"a,b\r\nc\"");
        assertThat(CsvText.cell("plain")).isEqualTo("plain");
        assertThat(CsvText.cell("")).isEmpty();
    }

    @Test
    void xml_escaping_always_parses_back_to_what_xml_can_carry() throws Exception {
        Random random = new Random(7);
        for (int n = 0; n < 2_000; n++) {
            String s = n == 0 ? HOSTILE : randomHostile(random);
            String doc = "<r a=\"" + XmlText.escape(s) + "\" b='" + XmlText.escape(s) + "'>" + XmlText.escape(s) + "</r>";
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document d = f.newDocumentBuilder().parse(new InputSource(new StringReader(doc)));
            String expected = XmlText.carried(s);
            assertThat(d.getDocumentElement().getAttribute("a")).isEqualTo(expected);
            assertThat(d.getDocumentElement().getAttribute("b")).isEqualTo(expected);
            assertThat(d.getDocumentElement().getTextContent()).isEqualTo(expected);
        }
    }

    @Test
    void html_is_visible_and_escaped() {
        assertThat(HtmlText.escape("<b>\u202eX</b>")).isEqualTo("&lt;b&gt;\\u202eX&lt;/b&gt;");
    }

    /** Strings biased to what breaks formats: controls, bidi, quotes, separators, surrogates, non-characters. */
    static String randomHostile(Random random) {
        char[] nasty = {'\r', '\n', '\0', '\t', '\u001b', '\u0007', '\u0085', '\u2028', '\u2029', '\u202e', '\u2066',
            '\u200b', '\ufeff', '\ufffe', '\uffff', '\ud800', '\udc00', '"', '\'', '\u2019', '\\', '[', ']', '<', '>',
            '&', ';', ',', '=', '@', '-', '#', '$', '`', '%', ' ', 'A', 'z', '\u00e9', '\u4e2d'};
        int len = random.nextInt(24);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) {
            sb.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x10000) : nasty[random.nextInt(nasty.length)]);
        }
        return sb.toString();
    }
}
