-- Payrail schema, version 15: batch jobs (reconciliation of a channel's day, the day's settlement
-- drafts, the day's payouts) run in the background by whichever server holds the job's lease, in
-- steps of one transaction each that also record the progress. A server killed mid-job leaves the
-- job RUNNING with a lease that runs out; the job then resumes where its last committed step left
-- it (cursor_ref), on that server once restarted or on any other. running_key is set while the job
-- runs and cleared when it is DONE, so one kind of job runs at most once at a time per day (and
-- channel).

CREATE TABLE batch_job (
    id           VARCHAR(40)  NOT NULL,
    kind         VARCHAR(24)  NOT NULL,
    channel_id   VARCHAR(32)  NULL,
    job_day      DATE         NOT NULL,
    state        VARCHAR(12)  NOT NULL,
    phase        VARCHAR(24)  NOT NULL,
    cursor_ref   VARCHAR(64)  NULL,
    done_count   BIGINT       NOT NULL DEFAULT 0,
    total_count  BIGINT       NOT NULL DEFAULT 0,
    result_count BIGINT       NOT NULL DEFAULT 0,
    failed_count BIGINT       NOT NULL DEFAULT 0,
    requested_by VARCHAR(64)  NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    updated_at   DATETIME(6)  NOT NULL,
    finished_at  DATETIME(6)  NULL,
    lease_owner  VARCHAR(128) NULL,
    lease_until  DATETIME(6)  NULL,
    resumes      INT          NOT NULL DEFAULT 0,
    last_error   VARCHAR(255) NULL,
    running_key  VARCHAR(80)  NULL,
    CONSTRAINT pk_batch_job PRIMARY KEY (id),
    CONSTRAINT uq_batch_job_running UNIQUE (running_key),
    CONSTRAINT ck_batch_job_kind CHECK (kind IN ('RECONCILIATION', 'SETTLEMENT_DRAFT', 'SETTLEMENT_PAYOUT')),
    CONSTRAINT ck_batch_job_state CHECK (state IN ('RUNNING', 'DONE')),
    CONSTRAINT ck_batch_job_running CHECK ((state = 'RUNNING') = (running_key IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_batch_job_state ON batch_job (state, created_at);

-- a settlement payout job walks the day's settlements by id
CREATE INDEX ix_settlement_day ON settlement (settlement_day, id);
