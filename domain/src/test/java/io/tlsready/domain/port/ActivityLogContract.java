package io.tlsready.domain.port;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.access.Activity;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every {@link ActivityLog} must do. */
public abstract class ActivityLogContract {

    protected static final Instant T0 = Instant.parse("2026-03-01T10:15:30.000000001Z");

    protected abstract ActivityLog log();

    protected abstract ActivityLog reopened();

    @Test
    void activity_is_read_newest_first_and_limited() {
        Activity a = new Activity(T0, "alice", "POST /api/v1/scans", "scan-1", 202);
        Activity b = new Activity(T0.plusSeconds(1), "-", "GET /api/v1/hosts", "", 401);
        Activity c = new Activity(T0.plusSeconds(2), "cli", "token create", "grafana", 0);
        log().record(a);
        log().record(b);
        log().record(c);

        assertThat(log().recent(10)).containsExactly(c, b, a);
        assertThat(log().recent(2)).containsExactly(c, b);
    }

    @Test
    void hostile_entries_are_kept_as_data() {
        Activity a = new Activity(T0, "x\u0000\\0", "GET /a'%_\"", "\ud800\u202e", 500);
        log().record(a);

        assertThat(log().recent(1)).containsExactly(a);
    }

    @Test
    void activity_survives_closing_and_reopening_the_store() {
        Activity a = new Activity(T0, "alice", "DELETE /api/v1/scans/1", "1", 200);
        log().record(a);

        assertThat(reopened().recent(5)).containsExactly(a);
    }
}
