/**
 * What every module's tests share and nothing ships: where the real-world corpus lives ({@link
 * io.tlsready.testing.Corpus}). Test-scoped everywhere; JUnit only.
 */
package io.tlsready.testing;
