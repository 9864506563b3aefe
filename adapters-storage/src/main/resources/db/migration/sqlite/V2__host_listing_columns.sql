-- tlsready storage, schema 2 (SQLite): what the host listing sorts and filters on, kept beside each host's latest
-- report so that sorting, filtering and paging 10,000+ hosts is an index walk. verdict_rank orders verdicts as the
-- domain does (0 READY, 1 NOT_READY, 2 UNKNOWN); cause is the FailureCause of an unreachable host, NULL when the host
-- was audited. The causes of hosts stored before this version are filled in by the Java migration 3, which runs the
-- domain's own classifier (FailureCause.classify) over the stored error texts; new reports get theirs when saved.

ALTER TABLE hosts ADD COLUMN verdict_rank  INTEGER NOT NULL DEFAULT 0;
ALTER TABLE hosts ADD COLUMN audited_ns    INTEGER NOT NULL DEFAULT 0;
ALTER TABLE hosts ADD COLUMN failing_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE hosts ADD COLUMN cause         TEXT;

UPDATE hosts SET
    verdict_rank = (SELECT CASE r.verdict WHEN 'READY' THEN 0 WHEN 'NOT_READY' THEN 1 ELSE 2 END
                    FROM reports r WHERE r.id = hosts.report_id),
    audited_ns = (SELECT r.audited_ns FROM reports r WHERE r.id = hosts.report_id),
    failing_count = (SELECT count(*) FROM report_failing f WHERE f.report_id = hosts.report_id);

-- one index per sort key and direction (ties are in ascending name order both ways), and one per filter
CREATE INDEX hosts_by_verdict      ON hosts (verdict_rank, host_key);
CREATE INDEX hosts_by_verdict_desc ON hosts (verdict_rank DESC, host_key);
CREATE INDEX hosts_by_audited      ON hosts (audited_ns, host_key);
CREATE INDEX hosts_by_audited_desc ON hosts (audited_ns DESC, host_key);
CREATE INDEX hosts_by_failing      ON hosts (failing_count, host_key);
CREATE INDEX hosts_by_failing_desc ON hosts (failing_count DESC, host_key);
CREATE INDEX hosts_by_cause        ON hosts (cause, host_key);
-- the verdict filter (the overview's links) with the other sorts: found and ordered by one index
CREATE INDEX hosts_by_verdict_audited      ON hosts (verdict_rank, audited_ns, host_key);
CREATE INDEX hosts_by_verdict_audited_desc ON hosts (verdict_rank, audited_ns DESC, host_key);
CREATE INDEX hosts_by_verdict_failing      ON hosts (verdict_rank, failing_count, host_key);
CREATE INDEX hosts_by_verdict_failing_desc ON hosts (verdict_rank, failing_count DESC, host_key);

-- readiness over time reads reports by when they were made
CREATE INDEX reports_by_time ON reports (audited_ns, host_key, id, verdict);
