package io.tlsready.app.rest.pages;

import io.tlsready.domain.output.Visible;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Small helpers of the pages: data made visible, times in UTC, URL parts encoded. */
final class Texts {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Texts() {
    }

    /** Data for a page: controls and bidi characters shown as escapes (the template then escapes for HTML). */
    static String visible(String s) {
        return s == null ? null : Visible.of(s);
    }

    static String when(Instant at) {
        return WHEN.format(at);
    }

    /** One query-string value or path segment, encoded (spaces as %20, so it works in both). */
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String hostHref(String host) {
        return "/hosts/" + encode(host);
    }
}
