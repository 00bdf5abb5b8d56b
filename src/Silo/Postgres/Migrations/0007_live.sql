-- What a live dashboard starts from: open cases (events_open_by_status), and those reported
-- (events_newest) or closed since the county's midnight — the last needs its own index.
CREATE INDEX events_closed_at ON events (closed_at) WHERE closed_at IS NOT NULL;
