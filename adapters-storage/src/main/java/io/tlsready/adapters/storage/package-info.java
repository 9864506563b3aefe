/**
 * The storage adapter: the four storage ports ({@code ReportHistory}, {@code ScanQueue}, {@code AccessTokens},
 * {@code ActivityLog}) on JDBC, over SQLite (a file under the data directory, one process) or PostgreSQL (shared by
 * several service instances), with the schema migrated by Flyway (db/migration/{sqlite,postgresql}) and a HikariCP
 * pool. Reports are kept as their {@code tlsready.report/v1} host object (JSON) plus the columns listings filter on.
 * Reached only through {@link io.tlsready.adapters.storage.StorageModule}; may use the domain, JDBC, Flyway,
 * HikariCP and Jackson. See docs/storage.md.
 */
package io.tlsready.adapters.storage;
