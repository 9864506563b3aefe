/**
 * Who may use the service: bearer tokens with a role, kept only as hashes, and the activity log of who did
 * what. Values and the token arithmetic; the {@link io.tlsready.domain.port.AccessTokens} and
 * {@link io.tlsready.domain.port.ActivityLog} ports keep them. JDK only.
 */
package io.tlsready.domain.access;
