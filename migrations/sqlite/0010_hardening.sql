-- Hardening: events counted for rate limits and quotas, companies with an
-- administrator who approves who may act for them, a security log of refused
-- attempts, and staff accounts that an administrator can deactivate.

-- One row per counted event (a sign-up from an address, a vacancy posted by a
-- company, a message sent by a person). A request adds its row first and then
-- counts, so parallel requests cannot all slip under a limit.
CREATE TABLE rate_events (
    id   INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT    NOT NULL,
    key  TEXT    NOT NULL,
    at   TEXT    NOT NULL
);
CREATE INDEX rate_events_key ON rate_events (kind, key, at);

-- Sign-in failures are now rate events too (per account and address, and per
-- address), counted before the password is checked.
DROP TABLE login_failures;

-- A company's users: its administrator (the first user of the CVR number, or who
-- an administrator of Jobunivers moved it to), members, and those waiting for the
-- company's administrator to approve them.
ALTER TABLE users ADD COLUMN company_role TEXT CHECK (company_role IN ('admin', 'member', 'pending'));
UPDATE users SET company_role = 'member' WHERE company_id IS NOT NULL;
UPDATE users SET company_role = 'admin'
    WHERE id IN (SELECT MIN(id) FROM users WHERE company_id IS NOT NULL GROUP BY company_id);
-- One administrator per company at most.
CREATE UNIQUE INDEX users_company_admin ON users (company_id) WHERE company_role = 'admin';

-- Staff accounts an administrator has switched off; they cannot sign in.
ALTER TABLE users ADD COLUMN deactivated_at TEXT;

-- Security events for administrators: refused attempts (no access, wrong role,
-- cross-site writes, paused sign-ins and sign-ups) and changes of rights (company
-- users approved or removed, a company's administration moved, staff switched off). Append-only like the audit log.
CREATE TABLE security_log (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    at      TEXT    NOT NULL,
    kind    TEXT    NOT NULL,
    user_id INTEGER REFERENCES users (id),
    ip      TEXT    NOT NULL,
    method  TEXT    NOT NULL,
    path    TEXT    NOT NULL,
    detail  TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX security_log_at ON security_log (at);
CREATE TRIGGER security_log_no_update BEFORE UPDATE ON security_log
BEGIN SELECT RAISE(ABORT, 'security_log is append-only'); END;
CREATE TRIGGER security_log_no_delete BEFORE DELETE ON security_log
BEGIN SELECT RAISE(ABORT, 'security_log is append-only'); END;
