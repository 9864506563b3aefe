package io.tlsready.domain.port;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One line of text with {@link Hint}s in it: the problem in the adapter's words, the remedy (or the setting it
 * names) left for the app to word. {@code HintedText.of("no ticket (run kinit, or give ", new GivePassword(false),
 * ")")} reads "… or give the password)" in neutral words, and names the CLI's password file flag in the CLI's.
 *
 * @param parts {@link String}s and {@link Hint}s, in reading order
 */
public record HintedText(List<Object> parts) {

    public HintedText {
        parts = List.copyOf(parts);
        for (Object p : parts) {
            if (!(p instanceof String) && !(p instanceof Hint)) {
                throw new IllegalArgumentException("a part is a String or a Hint, not " + p.getClass());
            }
        }
    }

    public static HintedText of(Object... parts) {
        return new HintedText(List.of(parts));
    }

    /** Plain text, no hint. */
    public static HintedText plain(String text) {
        return of(Objects.requireNonNull(text, "text"));
    }

    /** The text with each hint worded by {@code words}. */
    public String in(HintWords words) {
        StringBuilder sb = new StringBuilder();
        for (Object p : parts) {
            sb.append(p instanceof Hint ? words.of((Hint) p) : (String) p);
        }
        return sb.toString();
    }

    /** The text in the domain's own words. */
    public String neutral() {
        return in(HintWords.NEUTRAL);
    }

    public List<Hint> hints() {
        List<Hint> hints = new ArrayList<>();
        parts.forEach(p -> {
            if (p instanceof Hint) {
                hints.add((Hint) p);
            }
        });
        return hints;
    }

    /** This text, then {@code more}. */
    public HintedText then(Object... more) {
        List<Object> all = new ArrayList<>(parts);
        all.addAll(List.of(more));
        return new HintedText(all);
    }

    /** {@code before}, then this text. */
    public HintedText after(String before) {
        List<Object> all = new ArrayList<>();
        all.add(before);
        all.addAll(parts);
        return new HintedText(all);
    }

    @Override
    public String toString() {
        return neutral();
    }
}
