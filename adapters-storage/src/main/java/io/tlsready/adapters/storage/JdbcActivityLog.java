package io.tlsready.adapters.storage;

import io.tlsready.domain.access.Activity;
import io.tlsready.domain.port.ActivityLog;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** {@link ActivityLog} on the activity table: appended to, read newest first. */
final class JdbcActivityLog implements ActivityLog {

    private final Database db;

    JdbcActivityLog(Database db) {
        this.db = db;
    }

    @Override
    public void record(Activity a) {
        db.write("recording activity", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO activity (at_ns, actor, action, target, status) VALUES (?, ?, ?, ?, ?)")) {
                ps.setLong(1, Times.nanos(a.at()));
                ps.setString(2, Text.put(a.actor()));
                ps.setString(3, Text.put(a.action()));
                ps.setString(4, Text.put(a.target()));
                ps.setInt(5, a.status());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public List<Activity> recent(int limit) {
        return db.read("reading the activity log", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT at_ns, actor, action, target, status FROM activity "
                    + "ORDER BY seq DESC LIMIT ?")) {
                ps.setInt(1, Math.max(0, limit));
                List<Activity> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Activity(Times.instant(rs.getLong("at_ns")), Text.get(rs.getString("actor")),
                                Text.get(rs.getString("action")), Text.get(rs.getString("target")),
                                rs.getInt("status")));
                    }
                }
                return out;
            }
        });
    }
}
