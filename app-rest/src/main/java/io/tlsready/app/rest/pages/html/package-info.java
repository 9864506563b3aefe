/**
 * The dashboard's templates, generated at build time by the jte Maven plugin from app-rest/src/main/jte (HTML
 * content type: every value printed is escaped for where it stands). Nothing here is written by hand but this file.
 */
package io.tlsready.app.rest.pages.html;
