/**
 * What every module's tests share and nothing ships: where the real-world corpus lives ({@link
 * io.tlsready.testing.Corpus}), a throwaway PostgreSQL ({@link io.tlsready.testing.PostgresCluster}) and a real
 * headless Chromium ({@link io.tlsready.testing.Browser}). Test-scoped everywhere.
 */
package io.tlsready.testing;
