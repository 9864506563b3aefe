/**
 * The HTML report's templates and what they read: jte templates ({@code src/main/jte}) compiled to Java in this
 * package at build time, the view of a fleet they render ({@code FleetView}: host rows, finding kinds written once,
 * counts), the one stylesheet and script, and {@link io.tlsready.formats.html.Templates}, the entry the renderer
 * and {@code HtmlParts} call. Every string from a host goes out through {@code VisibleOutput}: made visible
 * ({@code domain.output.HtmlText}) and escaped, in text and attributes alike. Depends on the domain, the JDK and
 * the jte runtime only.
 */
package io.tlsready.formats.html;
