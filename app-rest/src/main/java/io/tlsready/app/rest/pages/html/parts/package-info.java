/**
 * The dashboard's template partials (src/main/jte/parts: the verdict bar, the readiness chart, the scan list),
 * generated at build time by the jte Maven plugin like their parent package.
 */
package io.tlsready.app.rest.pages.html.parts;
