-- Every step of a case rewrites its events row and its cases row. PostgreSQL can rewrite a row in place of its
-- page (a HOT update: no new entry in any index) only when no indexed column changed and the page has room.
-- status changes at every step, so indexing it cost every step a new entry in all nine indexes of events
-- (measured: 2.3 ms for a batch of 16 steps, two thirds of the database's time in the whole-loop drill).
-- Open cases are indexed by a column that changes only when a case closes or is cancelled instead (dispatch,
-- grab and close still change indexed columns: the assignee, closed_at), and both tables leave a fifth of each
-- page free for the next version of its rows. The fillfactor comes first, so that the rewrite of events by the
-- new column already leaves that room.
--
-- The column rewrites events and rebuilds its indexes under an exclusive lock: on a large table this takes a
-- while, during which the old version's writes wait; the migrator waits for it without a timeout.
ALTER TABLE events SET (fillfactor = 80);
ALTER TABLE cases SET (fillfactor = 80);
ALTER TABLE events ADD COLUMN is_open boolean GENERATED ALWAYS AS (status NOT IN ('Closed', 'Cancelled')) STORED;
DROP INDEX events_open_by_status;
CREATE INDEX events_open ON events (reported_at DESC) WHERE is_open;

-- The outbox holds only what is not yet delivered, a few rows at a time, and is emptied all day: vacuum it by
-- the thousand dead rows rather than by a fifth of a table whose statistics say it is empty. The sweeper that
-- asks for old outboxes reads it whole, and one index fewer is one write fewer for every step that owes anything.
ALTER TABLE case_outbox SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000,
    autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 1000);
DROP INDEX case_outbox_by_age;
