/**
 * The CLI side of a fleet audit: progress lines, the JSON Lines sink of finished hosts and the resume log that lets
 * an interrupted run continue.
 */
package io.tlsready.app.cli.fleet;
