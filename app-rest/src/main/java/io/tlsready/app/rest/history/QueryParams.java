package io.tlsready.app.rest.history;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.tlsready.app.rest.ProblemException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Query parameters read strictly: a value that is not one of the valid ones is a 400 problem naming the parameter
 * and what it accepts. The value itself is not echoed (it is the client's own, and may be anything).
 */
final class QueryParams {

    private QueryParams() {
    }

    /** The parameter, absent when not given or empty. */
    static Optional<String> text(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    /** A whole number in {@code min..max}, {@code fallback} when absent. */
    static int number(Context ctx, String name, int fallback, int min, int max) {
        Optional<String> v = text(ctx, name);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.get());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below, as for an out-of-range number
        }
        throw invalid(name, "a whole number from " + min + " to " + max);
    }

    /** One constant of {@code type}, spelled exactly as its name; absent when not given. */
    static <E extends Enum<E>> Optional<E> constant(Context ctx, String name, Class<E> type) {
        Optional<String> v = text(ctx, name);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(v.get())) {
                return Optional.of(e);
            }
        }
        throw invalid(name, "one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                .collect(Collectors.joining(", ")));
    }

    /** One constant of {@code type}, spelled as its name in lower case ({@code sort=audited}); absent when not given. */
    static <E extends Enum<E>> Optional<E> word(Context ctx, String name, Class<E> type) {
        Optional<String> v = text(ctx, name);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().toLowerCase(Locale.ROOT).equals(v.get())) {
                return Optional.of(e);
            }
        }
        throw invalid(name, "one of " + Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }

    static ProblemException invalid(String name, String accepted) {
        return ProblemException.of(HttpStatus.BAD_REQUEST, "query parameter '" + name + "' must be " + accepted);
    }
}
