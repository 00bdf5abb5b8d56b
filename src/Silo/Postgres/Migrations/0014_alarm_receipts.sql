-- What each device alarm did: the case it opened or folded into. A case step writes the receipts of the alarms it
-- counted in the same statement as the step (PostgresCaseStore), so an alarm is counted exactly when its receipt
-- exists, and a retried alarm id is answered from it.
--
-- The device reads its newest receipts when it wakes (by device and time) and looks up an old alarm id by the
-- primary key. Drill receipts are indexed by case apart, so that a drill's cleanup finds them and the county's
-- alarms pay nothing for that index.
CREATE TABLE alarm_receipts (
    device_id text NOT NULL,
    alarm_id text NOT NULL,
    at timestamptz NOT NULL,
    event_id text NOT NULL,
    opened boolean NOT NULL,
    fingerprint bigint NOT NULL,
    drill boolean NOT NULL,
    PRIMARY KEY (device_id, alarm_id)
);
CREATE INDEX alarm_receipts_newest ON alarm_receipts (device_id, at DESC);
CREATE INDEX alarm_receipts_of_drill_cases ON alarm_receipts (event_id) WHERE drill;
