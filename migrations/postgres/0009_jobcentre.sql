-- When self-service stalls: escalations handled by caseworkers, the citizen's track,
-- messages, meetings, journal notes, and leases for cluster-wide jobs.
ALTER TABLE escalations ADD COLUMN due_on DATE;
ALTER TABLE escalations ADD COLUMN assigned_to BIGINT REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE escalations ADD COLUMN closed_at TIMESTAMPTZ;
ALTER TABLE escalations ADD COLUMN closed_by BIGINT REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE escalations ADD COLUMN resolution TEXT NOT NULL DEFAULT '';
-- At most one open escalation per citizen and reason: raising is idempotent.
CREATE UNIQUE INDEX escalations_one_open ON escalations (user_id, reason) WHERE status = 'open';
CREATE INDEX escalations_user ON escalations (user_id, id);

ALTER TABLE jobseekers ADD COLUMN track TEXT NOT NULL DEFAULT 'self';

CREATE TABLE messages (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    citizen_id   BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    author_id    BIGINT REFERENCES users (id) ON DELETE SET NULL,
    from_citizen BOOLEAN NOT NULL,
    body         TEXT    NOT NULL,
    created_at   TIMESTAMPTZ    NOT NULL,
    read_at      TIMESTAMPTZ
);
CREATE INDEX messages_citizen ON messages (citizen_id, id);

CREATE TABLE meetings (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    citizen_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    caseworker_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    kind          TEXT    NOT NULL,
    starts_at     TIMESTAMP    NOT NULL,
    place         TEXT    NOT NULL,
    status        TEXT    NOT NULL DEFAULT 'booket',
    created_at    TIMESTAMPTZ    NOT NULL,
    confirmed_at  TIMESTAMPTZ
);
CREATE INDEX meetings_citizen ON meetings (citizen_id, starts_at);

CREATE TABLE journal_notes (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    citizen_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    author_id  BIGINT REFERENCES users (id) ON DELETE SET NULL,
    body       TEXT    NOT NULL,
    created_at TIMESTAMPTZ    NOT NULL
);
CREATE INDEX journal_notes_citizen ON journal_notes (citizen_id, id);

-- A cluster-wide job runs on the node holding its lease until it expires.
CREATE TABLE leases (
    name       TEXT    PRIMARY KEY,
    holder     TEXT    NOT NULL,
    expires_at BIGINT NOT NULL
);

-- The self-assessment at registration: answers and what they point to, once.
CREATE TABLE screenings (
    user_id    BIGINT  PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    answers    TEXT    NOT NULL,
    flags      TEXT    NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

-- A municipality's own escalation rules: every change a new version, never edited.
CREATE TABLE escalation_rules (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    municipality_code INTEGER NOT NULL,
    version           BIGINT  NOT NULL,
    rules             TEXT    NOT NULL,
    note              TEXT    NOT NULL,
    changed_by        BIGINT REFERENCES users (id) ON DELETE SET NULL,
    changed_at        TIMESTAMPTZ NOT NULL,
    UNIQUE (municipality_code, version)
);
