-- cstar job store, schema version 1. Applied in one transaction by the store; PRAGMA user_version = 1
-- is set by the store in the same transaction. Times are Unix milliseconds (UTC).

-- One row per job. definition_json holds the JobDefinition (no secrets: secret arguments are
-- "<from environment NAME>" references). The columns beside it are what `cstar jobs` lists, so
-- listing never needs to parse the definition.
CREATE TABLE jobs (
    job_id            TEXT    NOT NULL PRIMARY KEY,
    command_name      TEXT    NOT NULL,
    clusters          TEXT    NOT NULL,          -- JSON array of cluster names
    reason            TEXT,
    state             TEXT    NOT NULL CHECK (state IN ('Running', 'Finished', 'Halted', 'Interrupted', 'StoppedAfter')),
    state_reason      TEXT,
    created_at        INTEGER NOT NULL,
    ended_at          INTEGER,                   -- set when the job stops; age for cleanup counts from here
    owner_pid         INTEGER,                   -- the process running the job while state = Running
    owner_start       INTEGER,                   -- that process's start time (guards against pid reuse)
    definition_json   TEXT    NOT NULL           -- last: it can be large (script text), and listing never reads it
);
CREATE INDEX jobs_by_created ON jobs (created_at, job_id);

-- One row per host of a job: its current state.
CREATE TABLE hosts (
    job_id      TEXT    NOT NULL REFERENCES jobs (job_id) ON DELETE CASCADE,
    host        TEXT    NOT NULL,
    ordinal     INTEGER NOT NULL,                -- order in which the job listed its hosts
    state       TEXT    NOT NULL CHECK (state IN ('Pending', 'Starting', 'Running', 'Succeeded', 'Failed', 'TimedOut', 'DidNotComeBack', 'Skipped')),
    attempt     INTEGER NOT NULL DEFAULT 0,
    remote_pid  INTEGER,
    exit_code   INTEGER,
    reason      TEXT,
    started_at  INTEGER,
    ended_at    INTEGER,
    PRIMARY KEY (job_id, host)
) WITHOUT ROWID;
CREATE INDEX hosts_by_state ON hosts (job_id, state);   -- host counts per state for `cstar jobs`

-- Every accepted host transition, in order: the history `jobs show` can print and the crash test checks.
CREATE TABLE host_transitions (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    job_id      TEXT    NOT NULL REFERENCES jobs (job_id) ON DELETE CASCADE,
    host        TEXT    NOT NULL,
    from_state  TEXT    NOT NULL,
    to_state    TEXT    NOT NULL,
    at          INTEGER NOT NULL,
    remote_pid  INTEGER,
    exit_code   INTEGER,
    reason      TEXT
);
CREATE INDEX host_transitions_by_job ON host_transitions (job_id, host);

-- One running job per cluster on this machine. The owner is a process (pid + start time, so a
-- reused pid is not mistaken for the owner); a row whose owner is gone is stale and is taken over.
CREATE TABLE cluster_locks (
    cluster_name  TEXT    NOT NULL PRIMARY KEY,
    job_id        TEXT    NOT NULL,
    owner_pid     INTEGER NOT NULL,
    owner_start   INTEGER NOT NULL,
    acquired_at   INTEGER NOT NULL
);
