package io.tlsready.formats.html;

import gg.jte.Content;
import gg.jte.TemplateOutput;
import gg.jte.html.HtmlTemplateOutput;
import io.tlsready.domain.output.HtmlText;

/**
 * jte's output for our templates: every value a template writes with {@code ${...}} goes through
 * {@link HtmlText#escape}, so control and bidi characters show as escapes and markup characters as entities, in
 * text and in quoted attributes alike (the same bytes the other formats' escaping gives). Templates write values
 * only in text and quoted attributes, never in scripts, styles or event handlers.
 */
final class VisibleOutput implements HtmlTemplateOutput {

    private final TemplateOutput out;

    private VisibleOutput(TemplateOutput out) {
        this.out = out;
    }

    static VisibleOutput of(TemplateOutput out) {
        return out instanceof VisibleOutput v ? v : new VisibleOutput(out);
    }

    @Override
    public void setContext(String tagName, String attributeName) {
        // One escaping serves both contexts templates write values in: text and quoted attribute values.
    }

    @Override
    public void writeContent(String value) {
        out.writeContent(value);
    }

    @Override
    public void writeContent(String value, int beginIndex, int endIndex) {
        out.writeContent(value, beginIndex, endIndex);
    }

    @Override
    public void writeUserContent(String value) {
        if (value != null) {
            out.writeContent(HtmlText.escape(value));
        }
    }

    @Override
    public void writeUserContent(Content content) {
        if (content != null) {
            content.writeTo(this);
        }
    }

    @Override
    public void writeUserContent(Enum<?> value) {
        if (value != null) {
            writeUserContent(value.name());
        }
    }
}
