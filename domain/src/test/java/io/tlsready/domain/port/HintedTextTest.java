package io.tlsready.domain.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Errors carry hints; each app words them, and the domain's own words name no flag. */
class HintedTextTest {

    private static final List<Hint> EVERY_HINT = List.of(new Hint.UseOfflineEvidence(), new Hint.PassHives(),
            new Hint.TrustCertificate("ab".repeat(32)), new Hint.PinnedCertificate(), new Hint.AddCaCertificate(),
            new Hint.CaCertificateFile("ca.pem"), new Hint.UseTransport(RemoteTarget.Transport.HTTPS),
            new Hint.ChooseAuth(Optional.empty()), new Hint.ChooseAuth(Optional.of(RemoteTarget.Auth.NTLM)),
            new Hint.GivePassword(true), new Hint.GivePassword(false));

    @Test
    void hints_are_worded_by_the_words_given_and_the_text_around_them_stays() {
        HintedText t = HintedText.of("no ticket (run kinit, or ", new Hint.GivePassword(false), ")");
        assertThat(t.in(h -> "[" + h.getClass().getSimpleName() + "]")).isEqualTo("no ticket (run kinit, or [GivePassword])");
        assertThat(t.neutral()).isEqualTo("no ticket (run kinit, or give the password)");
        assertThat(t.hints()).containsExactly(new Hint.GivePassword(false));
    }

    @Test
    void then_and_after_keep_the_hints_in_place() {
        HintedText t = HintedText.of("a ", new Hint.PassHives()).then(" b").after("host: ");
        assertThat(t.in(h -> "H")).isEqualTo("host: a H b");
        assertThat(t.hints()).hasSize(1);
    }

    @Test
    void no_neutral_wording_names_a_flag() {
        for (Hint h : EVERY_HINT) {
            assertThat(h.neutral()).as(h.toString()).doesNotContain("--").isNotBlank();
        }
    }

    @Test
    void an_evidence_exception_says_its_problem_in_neutral_words_and_in_an_apps() {
        EvidenceException e = new EvidenceException("big.reg", HintedText.of("too large; ", new Hint.PassHives()));
        assertThat(e.getMessage()).isEqualTo("big.reg: too large; pass registry hives as hives");
        assertThat(e.problem()).isEqualTo("too large; pass registry hives as hives");
        assertThat(e.message(h -> "use --hives")).isEqualTo("big.reg: too large; use --hives");
        assertThat(new EvidenceException("f", "plain").hinted().hints()).isEmpty();
    }

    @Test
    void a_part_is_text_or_a_hint_and_nothing_else() {
        assertThatThrownBy(() -> HintedText.of("a", 42)).isInstanceOf(IllegalArgumentException.class);
    }
}
