-- The audit trail: who read whose personal data and who changed what. A case's step writes its line in the same
-- statement as the step (PostgresCaseStore), so a step is never stored without it nor it without the step.
--
-- Append-only: the triggers refuse every UPDATE, DELETE and TRUNCATE, so that not even the service's own
-- connections can rewrite what happened. Personal data is never in it (an entry says that a phone number was
-- read, not the number). Lists read it newest first, by time or by subject; a township's filter rides on the time
-- index, as its share of the trail is large.
CREATE TABLE audit_log (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at timestamptz NOT NULL,
    actor_role text NOT NULL,
    actor_scope text NOT NULL,
    actor_subject text,
    action text NOT NULL,
    subject_kind text NOT NULL,
    subject_id text NOT NULL,
    outcome text NOT NULL,
    detail text,
    township_id text
);
CREATE INDEX audit_log_by_time ON audit_log (at DESC);
CREATE INDEX audit_log_by_subject ON audit_log (subject_id, at DESC);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
END;
$$;
CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
