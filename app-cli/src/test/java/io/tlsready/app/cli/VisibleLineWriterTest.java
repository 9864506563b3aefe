package io.tlsready.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class VisibleLineWriterTest {

    @Test
    void each_line_is_shown_visible_with_its_line_break_and_tabs_kept() {
        StringWriter raw = new StringWriter();
        PrintWriter err = new PrintWriter(new VisibleLineWriter(raw), true);
        err.print("tlsready: a\u001b[2J\rb\u202e\n\tat x.y(Z.java:1)\u0007\n");
        err.print("partial\u001b");
        err.flush();
        assertThat(raw.toString()).isEqualTo("tlsready: a\\x1b[2J\\rb\\u202e\n\tat x.y(Z.java:1)\\x07\npartial\\x1b");
    }

    @Test
    void println_ends_lines_with_the_platform_separator_not_an_escaped_cr() {
        StringWriter raw = new StringWriter();
        PrintWriter err = new PrintWriter(new VisibleLineWriter(raw), true);
        err.println("one");
        err.println("two");
        assertThat(raw.toString()).isEqualTo("one" + System.lineSeparator() + "two" + System.lineSeparator());
    }
}
