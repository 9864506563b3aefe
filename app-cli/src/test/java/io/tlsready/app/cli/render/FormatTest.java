package io.tlsready.app.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.formats.ReportFormat;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@code audit -f} offers text and every shared report format, each rendered by the shared renderer. */
class FormatTest {

    @Test
    void audit_formats_are_text_and_every_shared_report_format() {
        assertThat(Arrays.stream(Format.values()).map(Enum::name))
                .containsExactlyInAnyOrderElementsOf(
                        java.util.stream.Stream.concat(java.util.stream.Stream.of("TEXT"),
                                Arrays.stream(ReportFormat.values()).map(Enum::name)).toList());
    }

    @Test
    void a_shared_format_is_rendered_by_the_report_formats_module() {
        for (ReportFormat shared : ReportFormat.values()) {
            assertThat(Format.valueOf(shared.name()).renderer().getClass())
                    .isEqualTo(shared.renderer().getClass());
        }
        assertThat(Format.TEXT.renderer()).isInstanceOf(TextRenderer.class);
    }
}
