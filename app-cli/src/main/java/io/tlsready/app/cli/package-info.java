/**
 * The {@code tlsready} command line (picocli): the commands, the Guice composition root over the adapters'
 * modules, exit codes and messages. The only room that prints to the standard streams.
 */
package io.tlsready.app.cli;
