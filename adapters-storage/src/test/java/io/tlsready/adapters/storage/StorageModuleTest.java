package io.tlsready.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsready.domain.port.ReportHistory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageModuleTest {

    @TempDir
    Path dir;

    @Test
    void making_the_module_touches_nothing_and_the_first_port_creates_and_migrates_the_database() {
        Path data = dir.resolve("data");
        StorageModule module = StorageModule.sqlite(data);
        assertThat(data).doesNotExist();

        try (Stores stores = new Stores(() -> module)) {
            assertThat(stores.get(ReportHistory.class).history("srv1", 5)).isEmpty();
            assertThat(data.resolve("tlsready.db")).isRegularFile();
        }
    }

    @Test
    void sqlite_runs_in_wal_mode_with_the_schema_under_flyway() throws Exception {
        try (Stores stores = new Stores(() -> StorageModule.sqlite(dir))) {
            stores.get(ReportHistory.class).history("srv1", 1);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("tlsready.db"));
                    Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
                }
                try (ResultSet rs = s.executeQuery("SELECT version, success FROM flyway_schema_history "
                        + "WHERE version IS NOT NULL")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("1");
                    assertThat(rs.getBoolean(2)).isTrue();
                }
            }
        }
    }

    @Test
    void an_unreachable_postgresql_is_one_line_naming_where_and_never_the_password() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        StorageModule module = StorageModule.postgres("jdbc:postgresql://127.0.0.1:" + port
                + "/tlsready?user=svc&password=Sekr1t-pass&connectTimeout=5");

        assertThatThrownBy(() -> new Stores(() -> module)).hasStackTraceContaining("cannot reach PostgreSQL at "
                + "127.0.0.1:" + port + "/tlsready: connection refused")
                .satisfies(e -> assertThat(stackOf(e)).doesNotContain("Sekr1t"));
    }

    @Test
    void a_url_that_is_not_postgresql_is_refused_at_once() {
        assertThatThrownBy(() -> StorageModule.postgres("jdbc:mysql://db/x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a PostgreSQL JDBC URL");
        assertThatThrownBy(() -> StorageModule.postgres("jdbc:postgresql://u:pw@db/x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("pw");
    }

    @Test
    void credentials_come_from_the_url_or_the_environment_and_leave_the_url() {
        PostgresUrl fromUrl = PostgresUrl.parse("jdbc:postgresql://db.example:5433/fleet?user=svc&password=p%26w"
                + "&ssl=true", "envuser", "envpass");
        assertThat(fromUrl.user()).isEqualTo("svc");
        assertThat(fromUrl.password()).contains("p&w");
        assertThat(fromUrl.withoutCredentials()).isEqualTo("jdbc:postgresql://db.example:5433/fleet?ssl=true");
        assertThat(fromUrl.where()).isEqualTo("PostgreSQL at db.example:5433/fleet");
        assertThat(fromUrl.toString()).doesNotContain("p&w");

        PostgresUrl fromEnv = PostgresUrl.parse("jdbc:postgresql://db/fleet", "envuser", "envpass");
        assertThat(fromEnv.user()).isEqualTo("envuser");
        assertThat(fromEnv.password()).contains("envpass");
        assertThat(fromEnv.where()).isEqualTo("PostgreSQL at db:5432/fleet");
    }

    @Test
    void a_data_directory_that_cannot_be_made_is_one_line_naming_it() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");

        assertThatThrownBy(() -> new Stores(() -> StorageModule.sqlite(file.resolve("data"))))
                .hasStackTraceContaining("cannot create the data directory " + file.resolve("data"));
    }

    private static String stackOf(Throwable e) {
        java.io.StringWriter w = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }
}
