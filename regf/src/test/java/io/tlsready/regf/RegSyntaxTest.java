package io.tlsready.regf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsready.domain.output.RegText;
import java.io.StringWriter;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The .reg rules of this JDK-only library are a copy of the domain's {@link RegText} (the plan writer's): they must
 * say the same of every text, or an export and a plan would disagree on what a .reg file can carry.
 */
class RegSyntaxTest {

    private static final String HOSTILE =
            "\r\n\0][\"\\'\u2028\u2029\u0085\u202e\u001b\ufffe\ud83d\ude00\ud83d\ude00=;@ -a";

    @Test
    void can_quote_agrees_with_the_domains_reg_text_on_hostile_and_random_text() {
        Random random = new Random(9);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = random.nextInt(6); n > 0; n--) {
                sb.append(HOSTILE.charAt(random.nextInt(HOSTILE.length())));
            }
            String text = sb.toString();
            assertThat(RegSyntax.canQuote(text)).as("%s", text.chars().boxed().toList())
                    .isEqualTo(RegText.canQuote(text));
            if (RegText.canQuote(text)) {
                assertThat(RegSyntax.quoted(text)).isEqualTo(RegText.quoted("value name", text));
            }
        }
    }

    @Test
    void a_prefix_that_cannot_start_a_key_line_is_refused_as_the_domain_refuses_it() {
        List<String> prefixes =
                List.of("", "-HKEY_LOCAL_MACHINE\\X", "HKEY_LOCAL_MACHINE\\A\nB", "HKEY_LOCAL_MACHINE\\\ud83d");
        for (String prefix : prefixes) {
            assertThatThrownBy(() -> RegText.keyPath(prefix)).isNotNull();
            assertThatThrownBy(() -> new RegExportWriter(new StringWriter(), prefix, UnaryOperator.identity()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be written");
        }
    }

    @Test
    void a_comment_stays_on_its_line_even_when_the_callers_display_leaves_a_line_break_in() throws Exception {
        TestHiveBuilder b = new TestHiveBuilder(5);
        b.key(b.root(), "evil\r\n[HKEY_LOCAL_MACHINE\\Run]");
        Hive hive = Hive.open(new ByteArrayHiveImage(b.build()), "evil");
        StringWriter out = new StringWriter();
        RegExportWriter writer = new RegExportWriter(out, "HKEY_LOCAL_MACHINE\\X", UnaryOperator.identity());
        writer.export(hive, hive.root());

        assertThat(writer.keysLeftOut()).isEqualTo(1);
        assertThat(out.toString().split("\r\n", -1))
                .noneMatch(line -> line.startsWith("[HKEY_LOCAL_MACHINE\\Run]"))
                .anyMatch(line -> line.startsWith(
                        "; tlsready left out key \"HKEY_LOCAL_MACHINE\\X\\evil\ufffd\ufffd["));
    }
}
