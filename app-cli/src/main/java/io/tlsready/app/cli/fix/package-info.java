/**
 * The CLI side of {@code fix} and {@code rollback}: what a person reads (a diff per host, what happened to each
 * value, what to restart) and what programs read (the {@code tlsready.fix/v1} JSON and its JSON lines). The work
 * itself is the domain's ({@code domain.fix}); this room only words and writes it. May use Jackson and the domain.
 */
package io.tlsready.app.cli.fix;
