package io.tlsready.adapters.storage;

import io.tlsready.testing.PostgresCluster;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** {@link SchemaUpgradeTest} on a real PostgreSQL: a schema-1 database gets its listing columns and causes. */
class SchemaUpgradeOnPostgresIT {

    @Test
    void a_schema_1_database_gets_its_listing_columns_and_causes_when_opened() throws SQLException {
        try (PostgresCluster cluster = PostgresCluster.start()) {
            cluster.createDatabase("upgrade");
            String url = cluster.jdbcUrl("upgrade");
            SchemaUpgradeTest.upgrades(url, "postgresql", () -> StorageModule.postgres(url));
        }
    }
}
