-- Every step of a case rewrites its events row and its cases row. PostgreSQL can rewrite a row in place of its
-- page (a HOT update: no new entry in any index) only when no indexed column changed and the page has room.
-- status changes at every step, so indexing it cost every step a new entry in all nine indexes of events
-- (measured: 2.3 ms for a batch of 16 steps, two thirds of the database's time in the whole-loop drill).
-- Open cases are indexed by a column that changes only when a case closes or is cancelled instead, and both
-- tables leave a fifth of each page free for the next version of its rows.
ALTER TABLE events ADD COLUMN is_open boolean GENERATED ALWAYS AS (status NOT IN ('Closed', 'Cancelled')) STORED;
DROP INDEX events_open_by_status;
CREATE INDEX events_open ON events (reported_at DESC) WHERE is_open;
ALTER TABLE events SET (fillfactor = 80);
ALTER TABLE cases SET (fillfactor = 80);

-- The outbox holds only what is not yet delivered, a few rows at a time; the sweeper that asks for old ones reads
-- it whole, and one index fewer is one write fewer for every step that owes anything.
DROP INDEX case_outbox_by_age;
