-- Jobseeker self-service: CV, joblog, availability, the 7-day check, notifications,
-- and escalations for a caseworker (raised here, handled by the caseworker side).
CREATE TABLE jobseekers (
    user_id       INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    registered_on TEXT    NOT NULL,
    cv            TEXT    NOT NULL DEFAULT '{}',
    cv_complete   INTEGER NOT NULL DEFAULT 0,
    cv_searchable INTEGER NOT NULL DEFAULT 0,
    cv_updated_at TEXT,
    check_due_on  TEXT    NOT NULL,
    last_check_on TEXT,
    reminded_for  TEXT
);
CREATE INDEX jobseekers_check_due ON jobseekers (check_due_on);
CREATE INDEX jobseekers_searchable ON jobseekers (cv_searchable);

CREATE TABLE joblog_entries (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id          INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind             TEXT    NOT NULL,
    on_date          TEXT    NOT NULL,
    employer         TEXT    NOT NULL,
    job_title        TEXT    NOT NULL,
    channel          TEXT,
    status           TEXT    NOT NULL,
    notes            TEXT    NOT NULL,
    application_text TEXT    NOT NULL,
    vacancy_id       INTEGER,
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL
);
CREATE INDEX joblog_entries_user ON joblog_entries (user_id, on_date);

CREATE TABLE joblog_attachments (
    entry_id     INTEGER PRIMARY KEY REFERENCES joblog_entries (id) ON DELETE CASCADE,
    file_name    TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    size         INTEGER NOT NULL,
    content      BLOB    NOT NULL
);

CREATE TABLE availability_events (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL CHECK (kind IN ('sick', 'well', 'holiday', 'hours')),
    from_on    TEXT    NOT NULL,
    to_on      TEXT,
    hours      INTEGER,
    created_at TEXT    NOT NULL
);
CREATE INDEX availability_events_user ON availability_events (user_id, id);

CREATE TABLE check_events (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL CHECK (kind IN ('confirmed', 'missed', 'escalated')),
    on_date    TEXT    NOT NULL,
    created_at TEXT    NOT NULL
);
CREATE INDEX check_events_user ON check_events (user_id, on_date);

CREATE TABLE notifications (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    payload    TEXT    NOT NULL,
    created_at TEXT    NOT NULL,
    read_at    TEXT
);
CREATE INDEX notifications_user ON notifications (user_id, id);

CREATE TABLE escalations (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id           INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    municipality_code INTEGER,
    reason            TEXT    NOT NULL,
    detail            TEXT    NOT NULL,
    status            TEXT    NOT NULL DEFAULT 'open',
    created_at        TEXT    NOT NULL
);
CREATE INDEX escalations_open ON escalations (status, municipality_code);
