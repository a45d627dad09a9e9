-- Operator requests to a job (cstar pause / resume / set), apart from the job's state: the CLI only appends
-- rows; the job's runner (the single writer of job state) applies them in seq order and sets applied_at.
-- A row not applied yet is applied by the next runner of the job (continue).
CREATE TABLE job_controls (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    job_id       TEXT    NOT NULL REFERENCES jobs (job_id) ON DELETE CASCADE,
    kind         TEXT    NOT NULL,
    value        TEXT,
    requested_by TEXT    NOT NULL,
    reason       TEXT,
    requested_at INTEGER NOT NULL,
    applied_at   INTEGER
);
CREATE INDEX job_controls_by_job ON job_controls (job_id, seq);
