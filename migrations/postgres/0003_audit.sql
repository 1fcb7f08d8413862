-- Every staff read, search, change, export or delete of a citizen's data: who,
-- when, what, which citizen and why. Append-only: the trigger refuses changes.
CREATE TABLE audit_log (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at                 TIMESTAMPTZ NOT NULL,
    actor_user_id      BIGINT      NOT NULL REFERENCES users (id),
    actor_role         TEXT        NOT NULL,
    actor_municipality INTEGER,
    action             TEXT        NOT NULL CHECK (action IN ('read', 'search', 'change', 'export', 'delete')),
    citizen_user_id    BIGINT      NOT NULL REFERENCES users (id),
    what               TEXT        NOT NULL,
    purpose            TEXT        NOT NULL
);
CREATE INDEX audit_log_citizen ON audit_log (citizen_user_id, at);
CREATE INDEX audit_log_actor ON audit_log (actor_user_id, at);
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
