package io.tlsready.app.rest.pages;

import io.tlsready.domain.report.Verdict;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The overview's readiness chart laid out in SVG user units (the template draws what this computes). */
final class Charts {

    static final double LEFT = 48;
    static final double RIGHT = 632;
    static final double TOP = 12;
    static final double BOTTOM = 172;
    private static final List<Verdict> STACK = List.of(Verdict.READY, Verdict.NOT_READY, Verdict.UNKNOWN);

    private Charts() {
    }

    static Views.Chart empty() {
        return new Views.Chart(List.of(), List.of(), List.of(), "", 0, 0, 0, 0);
    }

    /** One day's counts by verdict, oldest day first. */
    record Day(LocalDate day, Map<Verdict, Long> counts) {

        long count(Verdict v) {
            return counts.getOrDefault(v, 0L);
        }

        long total() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    static Views.Chart readiness(List<Day> days) {
        if (days.isEmpty()) {
            return empty();
        }
        long max = Math.max(1, days.stream().mapToLong(Day::total).max().orElse(1));
        double slot = (RIGHT - LEFT) / days.size();
        double width = Math.max(1, slot * 0.8);
        List<Views.Bar> bars = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            Day d = days.get(i);
            double x = LEFT + i * slot + (slot - width) / 2;
            double y = BOTTOM;
            for (Verdict v : STACK) {
                long n = d.count(v);
                if (n == 0) {
                    continue;
                }
                double h = (BOTTOM - TOP) * n / max;
                y -= h;
                bars.add(new Views.Bar(v.name(), OverviewPage.round(x), OverviewPage.round(y),
                        OverviewPage.round(width), OverviewPage.round(h), n, d.day() + " " + v + ": " + n));
            }
        }
        List<Views.Tick> xTicks = new ArrayList<>();
        for (int i : List.of(0, days.size() / 2, days.size() - 1)) {
            Views.Tick t = new Views.Tick(OverviewPage.round(LEFT + i * slot + slot / 2), BOTTOM + 16,
                    days.get(i).day().toString().substring(5));
            if (xTicks.stream().noneMatch(o -> o.x() == t.x())) {
                xTicks.add(t);
            }
        }
        List<Views.Tick> yTicks = new ArrayList<>();
        for (long v : List.of(0L, max / 2, max)) {
            Views.Tick t = new Views.Tick(LEFT - 6, OverviewPage.round(BOTTOM - (BOTTOM - TOP) * v / max) + 4,
                    Long.toString(v));
            if (yTicks.stream().noneMatch(o -> o.text().equals(t.text()))) {
                yTicks.add(t);
            }
        }
        Day last = days.get(days.size() - 1);
        return new Views.Chart(bars, xTicks, yTicks, last.day().toString(), last.count(Verdict.READY),
                last.count(Verdict.NOT_READY), last.count(Verdict.UNKNOWN), days.size());
    }
}
