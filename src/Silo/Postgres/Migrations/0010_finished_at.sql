-- The boards rank a period's cases by township and village. A closed or cancelled case never changes again, so
-- the Api keeps the counts of cases finished a while ago and reads only those finished since (PeriodTallies):
-- recounting a month at a drill's rate grouped half a million rows every ten seconds. That needs to know when
-- each case finished, which closed_at does not say of a cancelled one.
--
-- The column changes once, when a case finishes, like is_open: indexing it keeps every other step an in-place
-- update (0009). A finished row from before this migration takes its closure, or else its report: a time that
-- has passed, so the first count the Api keeps already holds it.
ALTER TABLE events ADD COLUMN finished_at timestamptz;
UPDATE events SET finished_at = coalesce(closed_at, reported_at) WHERE NOT is_open;
CREATE INDEX events_finished ON events (finished_at) WHERE finished_at IS NOT NULL;
