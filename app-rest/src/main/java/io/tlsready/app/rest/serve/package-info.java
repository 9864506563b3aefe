/**
 * The {@code tlsready serve} command line (picocli): options, the data directory and its initial token, the token
 * subcommands, and the process around the embeddable {@link io.tlsready.app.rest.TlsReadyServer} (start, log,
 * stop on SIGTERM). Storage comes through the domain ports, opened by {@link io.tlsready.app.rest.serve.Storage};
 * the only room of app-rest that parses a command line or writes to the standard streams.
 */
package io.tlsready.app.rest.serve;
