-- A silo of a version before 0010 knows no finished_at: while a cluster is upgraded one silo at a time, it
-- writes finished rows without one. The boards count such a row with the unfinished ones, so it is never left
-- out of a count (PostgresEventReadModel.TallyUnfinished); this index finds them. A finished row's columns change
-- no more, so the index costs no step its in-place update.
CREATE INDEX events_finish_unknown ON events (reported_at) WHERE NOT is_open AND finished_at IS NULL;
