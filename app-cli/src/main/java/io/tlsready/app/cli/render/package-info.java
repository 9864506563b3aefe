/**
 * Report renderers of the CLI: text for people, JSON and JSON Lines for programs, CSV, HTML, JUnit and SARIF for
 * tools. Output escaping comes from the domain's {@code output} room.
 */
package io.tlsready.app.cli.render;
