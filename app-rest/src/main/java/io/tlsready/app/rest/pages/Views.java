package io.tlsready.app.rest.pages;

import gg.jte.Content;
import java.util.List;

/**
 * What the templates show, computed here so the templates only print: every text from data has been made
 * {@link io.tlsready.domain.output.Visible} already (controls and bidi characters as escapes) and the templates
 * escape it for HTML; links are built with their parts URL-encoded.
 */
public final class Views {

    private Views() {
    }

    /** A link with its text; {@code current} marks the page the user is on. */
    public record Link(String href, String text, boolean current) {
    }

    /** One option of a filter select. */
    public record Option(String value, String text, boolean selected) {
    }

    /** A rule failing on {@code hosts} hosts, with its title from the rule book and the hosts table's link. */
    public record RuleRow(String rule, String title, long hosts, String href) {
    }

    /** Unreachable hosts for one cause, with the link to them. */
    public record CauseRow(String cause, String label, long hosts, String href) {
    }

    /** One bar (or bar segment) of a chart: where it is and what it says. */
    public record Bar(String key, double x, double y, double width, double height, long value, String label) {
    }

    /** A tick label on an axis. */
    public record Tick(double x, double y, String text) {
    }

    /** One scan in a list. */
    public record ScanRow(String id, String href, String state, String createdAt, String profile, String requestedBy,
            int done, int total, int ready, int notReady, int unknown) {
    }

    /** One host in the hosts table. */
    public record HostRow(String host, String href, String verdict, String auditedAt, List<String> failing,
            String cause) {
    }

    /** A sortable column header: its link flips the order when it is the current sort. */
    public record SortLink(String key, String text, String href, String ariaSort) {
    }

    /** A rule whose status changed between two reports, e.g. "SCHANNEL_TLS12_CLIENT FAIL → PASS". */
    public record Change(String rule, String text) {
    }

    /** One report in a host's history, newest first, with what changed since the one before it. */
    public record HistoryItem(long reportId, String href, String auditedAt, String verdict, String scan,
            List<Change> changes, boolean shown) {
    }

    /** A host's page: one stored report and the host's history. */
    public record HostPage(String host, String hostHref, long reportId, boolean latest, String verdict, String os,
            String auditedAt, String source, String scanId, String error, List<String> notes, Content findings,
            List<HistoryItem> history) {
    }

    /**
     * The readiness chart: one stacked bar per day (READY at the bottom), axis ticks, and the latest day's numbers
     * as text. {@code days} is empty when nothing is stored yet.
     */
    public record Chart(List<Bar> bars, List<Tick> xTicks, List<Tick> yTicks, String latestDay, long ready,
            long notReady, long unknown, int days) {

        public boolean isEmpty() {
            return days == 0;
        }
    }
}
