-- A load-test drill's cases carry the drill's id for life; the county's own cases have none. Every question of the
-- county asks for drill IS NULL, a drill view for one drill's id, and a drill's cleanup finds its cases by it.
--
-- A nullable column without a default is added without rewriting the table. The index is partial: the county's
-- cases are not in it, so they pay nothing for it, and a drill id never changes, so a drill case's steps still
-- update in place (0009).
ALTER TABLE events ADD COLUMN drill text;
CREATE INDEX events_by_drill ON events (drill, reported_at DESC, id) WHERE drill IS NOT NULL;
