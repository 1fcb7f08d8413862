-- Jobseeker self-service: CV, joblog, availability, the 7-day check, notifications,
-- and escalations for a caseworker (raised here, handled by the caseworker side).
CREATE TABLE jobseekers (
    user_id       BIGINT  PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    registered_on DATE    NOT NULL,
    cv            TEXT    NOT NULL DEFAULT '{}',
    cv_complete   BOOLEAN NOT NULL DEFAULT false,
    cv_searchable BOOLEAN NOT NULL DEFAULT false,
    cv_updated_at TIMESTAMPTZ,
    check_due_on  DATE    NOT NULL,
    last_check_on DATE,
    reminded_for  DATE
);
CREATE INDEX jobseekers_check_due ON jobseekers (check_due_on);
CREATE INDEX jobseekers_searchable ON jobseekers (cv_searchable);

CREATE TABLE joblog_entries (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id          BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind             TEXT    NOT NULL,
    on_date          DATE    NOT NULL,
    employer         TEXT    NOT NULL,
    job_title        TEXT    NOT NULL,
    channel          TEXT,
    status           TEXT    NOT NULL,
    notes            TEXT    NOT NULL,
    application_text TEXT    NOT NULL,
    vacancy_id       BIGINT,
    created_at       TIMESTAMPTZ    NOT NULL,
    updated_at       TIMESTAMPTZ    NOT NULL
);
CREATE INDEX joblog_entries_user ON joblog_entries (user_id, on_date);

CREATE TABLE joblog_attachments (
    entry_id     BIGINT  PRIMARY KEY REFERENCES joblog_entries (id) ON DELETE CASCADE,
    file_name    TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    size         INTEGER NOT NULL,
    content      BYTEA   NOT NULL
);

CREATE TABLE availability_events (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL CHECK (kind IN ('sick', 'well', 'holiday', 'hours')),
    from_on    DATE    NOT NULL,
    to_on      DATE,
    hours      INTEGER,
    created_at TIMESTAMPTZ    NOT NULL
);
CREATE INDEX availability_events_user ON availability_events (user_id, id);

CREATE TABLE check_events (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL CHECK (kind IN ('confirmed', 'missed', 'escalated')),
    on_date    DATE    NOT NULL,
    created_at TIMESTAMPTZ    NOT NULL
);
CREATE INDEX check_events_user ON check_events (user_id, on_date);

CREATE TABLE notifications (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    payload    TEXT    NOT NULL,
    created_at TIMESTAMPTZ    NOT NULL,
    read_at    TIMESTAMPTZ
);
CREATE INDEX notifications_user ON notifications (user_id, id);

CREATE TABLE escalations (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id           BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    municipality_code INTEGER,
    reason            TEXT    NOT NULL,
    detail            TEXT    NOT NULL,
    status            TEXT    NOT NULL DEFAULT 'open',
    created_at        TIMESTAMPTZ    NOT NULL
);
CREATE INDEX escalations_open ON escalations (status, municipality_code);
