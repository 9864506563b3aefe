package io.tlsready.adapters.storage;

import io.tlsready.domain.history.FailureCause;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Schema 3, both dialects: fills {@code hosts.cause} (added by schema 2) for the hosts stored before it, with the
 * domain's own classifier over their latest report's error text, the same one {@link ReportRows#insert} runs when a
 * report is saved. A Java migration because the classifier is Java; one pass over the unreachable hosts.
 */
final class ClassifyFailureCauses implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("3");
    }

    @Override
    public String getDescription() {
        return "classify failure causes";
    }

    @Override
    public Integer getChecksum() {
        return 3; // change with the classifier's meaning, to make a store's history show it ran another one
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        Map<String, FailureCause> causes = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT h.host_key, r.host, r.error FROM hosts h "
                + "JOIN reports r ON r.id = h.report_id WHERE r.error IS NOT NULL");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                causes.put(rs.getString(1), FailureCause.classify(Text.get(rs.getString(2)),
                        Text.get(rs.getString(3))));
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE hosts SET cause = ? WHERE host_key = ?")) {
            for (Map.Entry<String, FailureCause> e : causes.entrySet()) {
                ps.setString(1, e.getValue().name());
                ps.setString(2, e.getKey());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
