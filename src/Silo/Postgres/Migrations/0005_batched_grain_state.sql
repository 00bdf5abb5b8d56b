-- Grain state written by group commit (GroupCommitGrainStorage): the events, hundreds of thousands of
-- short-lived grains whose writes arrive together. One row per grain and state; the version is the ETag.
-- state_version is the state's own count of changes, kept beside the payload so the read-model healer can
-- find cases whose projection is behind without decoding a payload.
CREATE TABLE batched_grain_state
(
    service_id    text        NOT NULL,
    state_name    text        NOT NULL,
    grain_type    text        NOT NULL,
    grain_key     text        NOT NULL,
    version       integer     NOT NULL,
    state_version bigint,
    payload       bytea       NOT NULL,
    modified_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, state_name, grain_type, grain_key)
);
