package io.tlsready.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PostgresClusterIT {

    @Test
    void a_cluster_answers_sql_on_loopback_and_is_gone_after_close() {
        Path data;
        try (PostgresCluster pg = PostgresCluster.start("first")) {
            assertThat(pg.jdbcUrl()).startsWith("jdbc:postgresql://127.0.0.1:" + pg.port() + "/first?user=");
            assertThat(pg.psql("select 40 + 2").strip()).isEqualTo("42");
            pg.createDatabase("second");
            assertThat(pg.psql("select count(*) from pg_database where datname = 'second'").strip()).isEqualTo("1");
            assertThat(pg.psql("show listen_addresses").strip()).isEqualTo("127.0.0.1");
            data = Path.of(pg.psql("show data_directory").strip());
            assertThat(data).exists();
        }
        assertThat(Files.exists(data)).isFalse();
    }
}
