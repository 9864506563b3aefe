/**
 * The guard room: what stands between the network and the routes. Bearer tokens and roles (checked against the
 * {@link io.tlsready.domain.port.AccessTokens} port, never a secret stored or logged), the activity log
 * ({@link io.tlsready.domain.port.ActivityLog}), TLS from PEM files, the {@code Host} allow-list against DNS
 * rebinding, limits that keep the server answering (concurrent requests, slow bodies, idle connections, multipart
 * spooled to disk, aborted clients), Jetty's own errors as problem documents, and {@code /metrics}
 * ({@link io.tlsready.app.rest.guard.ServiceMetrics}, which the other rooms feed). Its door is
 * {@link io.tlsready.app.rest.guard.GuardModule}; storage only through the two ports.
 */
package io.tlsready.app.rest.guard;
