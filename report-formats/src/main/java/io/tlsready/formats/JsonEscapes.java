package io.tlsready.formats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import io.tlsready.domain.output.Visible;

/**
 * How every JSON document tlsready writes (json, jsonl, sarif, the plan and fix documents) escapes strings: each character that {@link Visible}
 * would show as an escape (controls, DEL, C1, bidi and zero-width characters, U+2028/U+2029, non-characters such
 * as U+FFFE, and every surrogate) goes out as JSON's six-character escape (backslash, u, four hex digits).
 * Parsers give back exactly the same string, so the data stays faithful; but no evidence character reaches a
 * terminal that shows the file ({@code cat}, a pager), a JavaScript or line-splitting reader never meets a raw
 * U+2028, and a lone surrogate, which UTF-8 cannot encode, survives whatever the Jackson version does with it.
 */
public final class JsonEscapes extends CharacterEscapes {

    private static final long serialVersionUID = 1L;
    private static final JsonEscapes INSTANCE = new JsonEscapes();

    private final int[] ascii;

    private JsonEscapes() {
        ascii = standardAsciiEscapesForJSON();
        ascii[0x7f] = ESCAPE_STANDARD;
    }

    /** A factory whose generators escape this way (hand it to an ObjectMapper). */
    public static JsonFactory factory() {
        return new JsonFactoryBuilder().characterEscapes(INSTANCE).build();
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ascii;
    }

    /** Called for every non-ASCII UTF-16 unit, each half of a surrogate pair on its own. */
    @Override
    public SerializableString getEscapeSequence(int ch) {
        return Visible.steers(ch) ? new SerializedString(String.format("\\u%04x", ch)) : null;
    }
}
