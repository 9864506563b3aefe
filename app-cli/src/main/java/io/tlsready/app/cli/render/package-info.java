/**
 * The CLI's own renderers: the text report for people (colour on a terminal) and the plan ({@code tlsready.plan/v1}
 * and its text), and {@link io.tlsready.app.cli.render.Format}, the values of {@code audit -f}. Every other report
 * format comes from the report-formats module ({@code io.tlsready.formats}), shared with the REST API. Output
 * escaping comes from the domain's {@code output} room.
 */
package io.tlsready.app.cli.render;
