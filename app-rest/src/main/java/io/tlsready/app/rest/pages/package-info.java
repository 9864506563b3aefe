/**
 * The dashboard room: the pages {@code tlsready serve} shows in a browser at every path but {@code /api/**},
 * {@code /metrics} and {@code /healthz}. Sign-in exchanges a token for a session cookie ({@link
 * io.tlsready.app.rest.pages.Sessions}, in memory), {@link io.tlsready.app.rest.pages.PageGate} checks it, the
 * CSRF token and the origin of every POST; the pages are jte templates (src/main/jte) precompiled into
 * {@code io.tlsready.app.rest.pages.html}. Uploads and scans go through the same classes as the API's.
 */
package io.tlsready.app.rest.pages;
