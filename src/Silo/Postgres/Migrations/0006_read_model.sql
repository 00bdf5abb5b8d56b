-- The query side. Rows are written in batches by projections, idempotently: a row only ever moves to a
-- higher version, so a repeated or late projection changes nothing.
CREATE TABLE events
(
    id               text        COLLATE "C" PRIMARY KEY,
    grid_id          text        NOT NULL,
    village_id       text        NOT NULL,
    township_id      text        NOT NULL,
    category         text        NOT NULL,
    title            text        NOT NULL,
    status           text        NOT NULL,
    priority         text        NOT NULL,
    reporter_kind    text        NOT NULL,
    reporter_id      text        NOT NULL,
    assignee_kind    text,
    assignee_id      text,
    escalation_level integer     NOT NULL,
    overdue          boolean     NOT NULL,
    rework_count     integer     NOT NULL,
    extension_count  integer     NOT NULL,
    reported_at      timestamptz NOT NULL,
    closed_at        timestamptz,
    whole_due_at     timestamptz,
    version          bigint      NOT NULL
);

-- Listings are newest first within an area; the id breaks ties so pages never overlap.
CREATE INDEX events_newest ON events (reported_at DESC, id);
CREATE INDEX events_by_township ON events (township_id, reported_at DESC);
CREATE INDEX events_by_village ON events (village_id, reported_at DESC);
CREATE INDEX events_by_grid ON events (grid_id, reported_at DESC);
CREATE INDEX events_by_assignee ON events (assignee_kind, assignee_id);
CREATE INDEX events_by_reporter ON events (reporter_kind, reporter_id);
CREATE INDEX events_open_by_status ON events (status) WHERE status <> 'Closed';

-- Deadline shards: one row per armed target, written before the case itself (see DeadlineGrain).
CREATE TABLE deadline_entries
(
    shard       text        NOT NULL,
    target_kind text        NOT NULL,
    target_id   text        NOT NULL,
    due_at      timestamptz NOT NULL,
    sequence    bigint      NOT NULL,
    PRIMARY KEY (shard, target_kind, target_id)
);

-- Ledgers, append-only; an entry's key is unique within its ledger, which is what pays an award once.
-- seq keeps the order of appends for reading a ledger back.
CREATE TABLE ledger_entries
(
    participant_id text        NOT NULL,
    entry_key      text        NOT NULL,
    seq            bigint      GENERATED ALWAYS AS IDENTITY,
    at             timestamptz NOT NULL,
    points         integer     NOT NULL,
    rule           text        NOT NULL,
    ref            text        NOT NULL,
    note           text,
    PRIMARY KEY (participant_id, entry_key)
);

-- Rankings sum what was earned in a period.
CREATE INDEX ledger_entries_by_time ON ledger_entries (at);
