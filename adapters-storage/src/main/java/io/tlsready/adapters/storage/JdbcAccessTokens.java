package io.tlsready.adapters.storage;

import io.tlsready.domain.access.AccessToken;
import io.tlsready.domain.access.Role;
import io.tlsready.domain.port.AccessTokens;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link AccessTokens} on the tokens table: names unique, secrets never stored (only their hash). */
final class JdbcAccessTokens implements AccessTokens {

    private static final String COLUMNS = "id, name, role, hash, created_ns, revoked_ns";

    private final Database db;

    JdbcAccessTokens(Database db) {
        this.db = db;
    }

    @Override
    public AccessToken add(AccessToken token) {
        return db.write("adding a token", c -> {
                if (!byName(c, token.name()).isEmpty()) {
                    throw new IllegalArgumentException("a token named '" + token.name() + "' exists already");
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO tokens (id, name, role, hash, created_ns, "
                        + "revoked_ns) VALUES (?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, Text.put(token.id()));
                    ps.setString(2, Text.put(token.name()));
                    ps.setString(3, token.role().name());
                    ps.setString(4, Text.put(token.hash()));
                    ps.setLong(5, Times.nanos(token.created()));
                    Times.set(ps, 6, token.revoked());
                    ps.executeUpdate();
                } catch (SQLException e) {
                    if (Database.duplicate(e)) {
                        throw new IllegalArgumentException("a token named '" + token.name() + "' or with id "
                                + token.id() + " exists already", null);
                    }
                    throw e;
                }
            return token;
        });
    }

    private static List<AccessToken> byName(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM tokens WHERE name = ?")) {
            ps.setString(1, Text.put(name));
            return all(ps);
        }
    }

    @Override
    public Optional<AccessToken> active(String hash) {
        return db.read("looking up a token", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM tokens WHERE hash = ? AND revoked_ns IS NULL ORDER BY seq")) {
                ps.setString(1, Text.put(hash));
                return all(ps).stream().findFirst();
            }
        });
    }

    @Override
    public List<AccessToken> all() {
        return db.read("listing tokens", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM tokens ORDER BY seq")) {
                return all(ps);
            }
        });
    }

    @Override
    public Optional<AccessToken> revoke(String idOrName, Instant at) {
        return db.write("revoking a token", c -> {
            Optional<AccessToken> found;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM tokens WHERE id = ? OR name = ? ORDER BY seq")) {
                ps.setString(1, Text.put(idOrName));
                ps.setString(2, Text.put(idOrName));
                found = all(ps).stream().findFirst();
            }
            if (found.isEmpty() || !found.get().active()) {
                return found;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE tokens SET revoked_ns = ? WHERE id = ? AND revoked_ns IS NULL")) {
                ps.setLong(1, Times.nanos(at));
                ps.setString(2, Text.put(found.get().id()));
                ps.executeUpdate();
            }
            AccessToken t = found.get();
            return Optional.of(new AccessToken(t.id(), t.name(), t.role(), t.hash(), t.created(), Optional.of(at)));
        });
    }

    private static List<AccessToken> all(PreparedStatement ps) throws SQLException {
        List<AccessToken> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new AccessToken(Text.get(rs.getString("id")), Text.get(rs.getString("name")),
                        Role.valueOf(rs.getString("role")), Text.get(rs.getString("hash")),
                        Times.instant(rs.getLong("created_ns")), Times.optional(rs, "revoked_ns")));
            }
        }
        return out;
    }
}
