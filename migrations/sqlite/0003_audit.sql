-- Every staff read, search, change, export or delete of a citizen's data: who,
-- when, what, which citizen and why. Append-only: the triggers refuse changes.
CREATE TABLE audit_log (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    at                 TEXT    NOT NULL,
    actor_user_id      INTEGER NOT NULL REFERENCES users (id),
    actor_role         TEXT    NOT NULL,
    actor_municipality INTEGER,
    action             TEXT    NOT NULL CHECK (action IN ('read', 'search', 'change', 'export', 'delete')),
    citizen_user_id    INTEGER NOT NULL REFERENCES users (id),
    what               TEXT    NOT NULL,
    purpose            TEXT    NOT NULL
);
CREATE INDEX audit_log_citizen ON audit_log (citizen_user_id, at);
CREATE INDEX audit_log_actor ON audit_log (actor_user_id, at);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
