-- E-mail that goes out once: a message to send is a row, made in the same
-- transaction as what it reports (a job agent's matches are marked as mailed when
-- their digest is queued, so a match that arrives meanwhile waits for the next).
-- Any node may send, but a row is sent by the node that claimed it, once; a
-- failed attempt is tried again later, with a growing pause.
CREATE TABLE mail_outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    -- What the message is, e.g. "agent-digest:42:2027-01-04": the same message
    -- is never queued twice, and the SMTP Message-ID is made from it.
    idempotency_key TEXT    NOT NULL UNIQUE,
    recipient       TEXT    NOT NULL,
    subject         TEXT    NOT NULL,
    body            TEXT    NOT NULL,
    created_at      TEXT NOT NULL,
    next_attempt_at TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    claimed_by      TEXT,
    claimed_until   TEXT,
    sent_at         TEXT,
    last_error      TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL;
