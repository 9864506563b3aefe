package io.tlsready.app.rest.pages;

import io.javalin.http.Context;
import io.tlsready.domain.history.FailureCause;
import io.tlsready.domain.history.HostSort;
import io.tlsready.domain.report.Verdict;
import io.tlsready.domain.rules.RuleId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The hosts table's query string: filters, sort and page. Unknown values are ignored (a stale bookmark still
 * shows hosts), and every link the page makes keeps the others.
 */
record HostFilter(Optional<Verdict> verdict, Optional<RuleId> failing, Optional<FailureCause> cause,
        Optional<String> name, String sort, boolean descending, int page) {

    static final int PAGE_SIZE = 50;
    static final int MAX_NAME = 200;
    static final String[] SORTS = {"name", "verdict", "audited", "failing"};

    static HostFilter of(Context ctx) {
        return new HostFilter(parse(Verdict.class, ctx.queryParam("verdict")),
                parse(RuleId.class, ctx.queryParam("failing")),
                parse(FailureCause.class, ctx.queryParam("cause")),
                Optional.ofNullable(ctx.queryParam("name")).map(String::strip).filter(s -> !s.isEmpty())
                        .map(s -> s.length() > MAX_NAME ? s.substring(0, MAX_NAME) : s),
                Arrays.asList(SORTS).contains(ctx.queryParam("sort")) ? ctx.queryParam("sort") : "name",
                "desc".equals(ctx.queryParam("order")), page(ctx.queryParam("page")));
    }

    private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(text.strip())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static int page(String text) {
        try {
            return text == null ? 1 : Math.max(1, Math.min(1_000_000, Integer.parseInt(text)));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    HostSort hostSort() {
        return HostSort.valueOf(sort.toUpperCase(Locale.ROOT));
    }

    int offset() {
        return (page - 1) * PAGE_SIZE;
    }

    HostFilter atPage(int p) {
        return new HostFilter(verdict, failing, cause, name, sort, descending, p);
    }

    /** Sorted by this column: ascending first, or flipped when it is the current sort already. */
    HostFilter sortedBy(String column) {
        boolean desc = column.equals(sort) ? !descending : column.equals("failing") || column.equals("audited");
        return new HostFilter(verdict, failing, cause, name, column, desc, 1);
    }

    String href() {
        StringJoiner q = new StringJoiner("&");
        verdict.ifPresent(v -> q.add("verdict=" + v));
        failing.ifPresent(r -> q.add("failing=" + r));
        cause.ifPresent(c -> q.add("cause=" + c));
        name.ifPresent(n -> q.add("name=" + Texts.encode(n)));
        if (!sort.equals("name") || descending) {
            q.add("sort=" + sort).add("order=" + (descending ? "desc" : "asc"));
        }
        if (page > 1) {
            q.add("page=" + page);
        }
        return "/hosts" + (q.length() == 0 ? "" : "?" + q);
    }
}
