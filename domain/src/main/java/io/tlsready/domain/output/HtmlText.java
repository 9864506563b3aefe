package io.tlsready.domain.output;

/**
 * Evidence shown in an HTML page: made {@link Visible} first (a bidi override must not redraw "NOT READY" as
 * something else in the browser either), then escaped as XML text, which HTML accepts in content and in quoted
 * attributes alike.
 */
public final class HtmlText {

    private HtmlText() {
    }

    public static String escape(String s) {
        return XmlText.escape(Visible.of(s));
    }
}
