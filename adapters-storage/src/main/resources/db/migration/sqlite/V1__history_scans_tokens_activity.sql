-- tlsready storage, schema 1 (SQLite). Instants are nanoseconds since 1970-01-01 UTC (exact round trip, and
-- comparable for lease expiry); the report itself is the tlsready.report/v1 host object as JSON.

CREATE TABLE reports (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    host_key    TEXT    NOT NULL,
    host        TEXT    NOT NULL,
    verdict     TEXT    NOT NULL,
    audited_ns  INTEGER NOT NULL,
    scan_id     TEXT,
    failing     TEXT    NOT NULL,
    error       TEXT,
    document    TEXT    NOT NULL
);
CREATE INDEX reports_by_host ON reports (host_key, id);
CREATE INDEX reports_by_scan ON reports (scan_id);

CREATE TABLE report_failing (
    report_id   INTEGER NOT NULL REFERENCES reports (id),
    rule        TEXT    NOT NULL,
    PRIMARY KEY (report_id, rule)
);
CREATE INDEX report_failing_by_rule ON report_failing (rule, report_id);

CREATE TABLE hosts (
    host_key    TEXT    NOT NULL PRIMARY KEY,
    report_id   INTEGER NOT NULL REFERENCES reports (id)
);

CREATE TABLE scans (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    id           TEXT    NOT NULL UNIQUE,
    profile      TEXT    NOT NULL,
    requested_by TEXT    NOT NULL,
    created_ns   INTEGER NOT NULL,
    state        TEXT    NOT NULL,
    total        INTEGER NOT NULL,
    finished_ns  INTEGER
);
CREATE INDEX scans_by_state ON scans (state, seq);

CREATE TABLE scan_targets (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    scan_id      TEXT    NOT NULL REFERENCES scans (id),
    seq          INTEGER NOT NULL,
    name         TEXT    NOT NULL,
    address      TEXT    NOT NULL,
    port         INTEGER,
    transport    TEXT,
    auth         TEXT,
    username     TEXT,
    owner        TEXT,
    leased_ns    INTEGER,
    report_id    INTEGER REFERENCES reports (id),
    UNIQUE (scan_id, seq)
);
CREATE INDEX scan_targets_open ON scan_targets (scan_id, report_id, seq);

CREATE TABLE tokens (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    id           TEXT    NOT NULL UNIQUE,
    name         TEXT    NOT NULL UNIQUE,
    role         TEXT    NOT NULL,
    hash         TEXT    NOT NULL,
    created_ns   INTEGER NOT NULL,
    revoked_ns   INTEGER
);
CREATE INDEX tokens_by_hash ON tokens (hash);

CREATE TABLE activity (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    at_ns        INTEGER NOT NULL,
    actor        TEXT    NOT NULL,
    action       TEXT    NOT NULL,
    target       TEXT    NOT NULL,
    status       INTEGER NOT NULL
);
