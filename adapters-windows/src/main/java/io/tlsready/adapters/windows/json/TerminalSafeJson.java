package io.tlsready.adapters.windows.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.tlsready.domain.output.Visible;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The one way tlsready writes JSON files: pretty-printed with two-space indentation and LF line ends, and every
 * character {@link Visible} would escape (controls, DEL, C1, bidi, U+2028) and every UTF-16 surrogate written as a
 * {@code \}{@code uXXXX} escape. Registry strings may hold unpaired surrogates, which UTF-8 cannot carry; escaped,
 * they survive the round trip exactly (paired ones stay valid JSON too). A parser gives back the same string, and a
 * file shown with {@code cat} cannot act on the terminal.
 */
public final class TerminalSafeJson {

    private TerminalSafeJson() {
    }

    /**
     * A generator on {@code out} from {@code factory}, set up as above. Whether closing it closes {@code out} is the
     * factory's setting (both codecs' mappers leave {@code out} open).
     */
    public static JsonGenerator generator(JsonFactory factory, OutputStream out) throws IOException {
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        JsonGenerator g = factory.createGenerator(out);
        g.setPrettyPrinter(pretty);
        g.setCharacterEscapes(SteeringEscapes.INSTANCE);
        return g;
    }

    private static final class SteeringEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        static final SteeringEscapes INSTANCE = new SteeringEscapes();
        private final int[] ascii = CharacterEscapes.standardAsciiEscapesForJSON();

        SteeringEscapes() {
            ascii[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (Visible.steers(ch)) {
                return new SerializedString(String.format("\\u%04x", ch));
            }
            return null;
        }
    }
}
