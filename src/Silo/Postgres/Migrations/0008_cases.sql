-- Cases get a table of their own, written by PostgresCaseStore: one transaction per group of steps holds each
-- case's state, its read-model row (events), its deadline entry (deadline_entries) and its outbox, so a step is
-- stored whole or not at all. version is the case's own count of steps, and the ETag of its next write.
CREATE TABLE cases
(
    id          text        COLLATE "C" PRIMARY KEY,
    version     bigint      NOT NULL,
    payload     bytea       NOT NULL,
    modified_at timestamptz NOT NULL DEFAULT now()
);

-- What a committed step owes other grains (workers' task lists, ledgers, the deadline shard's memory), until it
-- has been delivered; a row older than a few seconds is a delivery a crash interrupted.
CREATE TABLE case_outbox
(
    case_id    text        COLLATE "C" NOT NULL,
    version    bigint      NOT NULL,
    effects    bytea       NOT NULL,
    written_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (case_id, version)
);
CREATE INDEX case_outbox_by_age ON case_outbox (written_at);

-- Cases written by the group-commit grain storage before this step move here with their payload as it was.
INSERT INTO cases (id, version, payload)
SELECT grain_key, coalesce(state_version, version), payload FROM batched_grain_state WHERE state_name = 'event'
ON CONFLICT DO NOTHING;
DELETE FROM batched_grain_state WHERE state_name = 'event';
