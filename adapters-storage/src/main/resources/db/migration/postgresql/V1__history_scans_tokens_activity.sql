-- tlsready storage, schema 1 (PostgreSQL). Instants are nanoseconds since 1970-01-01 UTC (exact round trip, and
-- comparable for lease expiry); the report itself is the tlsready.report/v1 host object as JSON.

CREATE TABLE reports (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    host_key    TEXT    COLLATE "C" NOT NULL,
    host        TEXT    NOT NULL,
    verdict     TEXT    NOT NULL,
    audited_ns  BIGINT  NOT NULL,
    scan_id     TEXT,
    failing     TEXT    NOT NULL,
    error       TEXT,
    document    TEXT    NOT NULL
);
CREATE INDEX reports_by_host ON reports (host_key, id);
CREATE INDEX reports_by_scan ON reports (scan_id);

CREATE TABLE report_failing (
    report_id   BIGINT  NOT NULL REFERENCES reports (id),
    rule        TEXT    NOT NULL,
    PRIMARY KEY (report_id, rule)
);
CREATE INDEX report_failing_by_rule ON report_failing (rule, report_id);

CREATE TABLE hosts (
    host_key    TEXT    COLLATE "C" NOT NULL PRIMARY KEY,
    report_id   BIGINT  NOT NULL REFERENCES reports (id)
);

CREATE TABLE scans (
    seq          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id           TEXT    NOT NULL UNIQUE,
    profile      TEXT    NOT NULL,
    requested_by TEXT    NOT NULL,
    created_ns   BIGINT  NOT NULL,
    state        TEXT    NOT NULL,
    total        INTEGER NOT NULL,
    finished_ns  BIGINT
);
CREATE INDEX scans_by_state ON scans (state, seq);

CREATE TABLE scan_targets (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    scan_id      TEXT    NOT NULL REFERENCES scans (id),
    seq          INTEGER NOT NULL,
    name         TEXT    NOT NULL,
    address      TEXT    NOT NULL,
    port         INTEGER,
    transport    TEXT,
    auth         TEXT,
    username     TEXT,
    owner        TEXT,
    leased_ns    BIGINT,
    report_id    BIGINT  REFERENCES reports (id),
    UNIQUE (scan_id, seq)
);
CREATE INDEX scan_targets_open ON scan_targets (scan_id, report_id, seq);

CREATE TABLE tokens (
    seq          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id           TEXT    NOT NULL UNIQUE,
    name         TEXT    NOT NULL UNIQUE,
    role         TEXT    NOT NULL,
    hash         TEXT    NOT NULL,
    created_ns   BIGINT  NOT NULL,
    revoked_ns   BIGINT
);
CREATE INDEX tokens_by_hash ON tokens (hash);

CREATE TABLE activity (
    seq          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at_ns        BIGINT  NOT NULL,
    actor        TEXT    NOT NULL,
    action       TEXT    NOT NULL,
    target       TEXT    NOT NULL,
    status       INTEGER NOT NULL
);
