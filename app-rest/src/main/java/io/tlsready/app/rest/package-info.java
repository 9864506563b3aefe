/**
 * The REST server (Javalin on Jetty): the audit API over uploaded evidence, health routes and its Guice
 * composition root. The only room that may use Javalin and Jetty.
 */
package io.tlsready.app.rest;
