-- Vacancies in: sources an administrator registered, what each run did, and
-- which vacancy each imported item became.

CREATE TABLE import_sources (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    name          TEXT    NOT NULL,
    url           TEXT    NOT NULL,
    format        TEXT    NOT NULL,
    -- The company the items are posted as; NULL: the employer each item names.
    company_id    INTEGER REFERENCES companies (id),
    every_minutes INTEGER NOT NULL,
    -- For conditional requests, and (another Jobunivers) where its feed was left.
    etag          TEXT,
    last_modified TEXT,
    cursor        TEXT,
    next_run_at   TEXT    NOT NULL,
    -- One node imports a source at a time.
    lease_holder  TEXT,
    lease_until   TEXT,
    created_at    TEXT    NOT NULL
);

CREATE TABLE import_runs (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    source_id   INTEGER NOT NULL REFERENCES import_sources (id) ON DELETE CASCADE,
    started_at  TEXT    NOT NULL,
    finished_at TEXT,
    -- 'running', 'complete', 'not_modified', 'partial' (cut or failed: nothing closed), 'failed'.
    outcome     TEXT    NOT NULL DEFAULT 'running',
    added       INTEGER NOT NULL DEFAULT 0,
    updated     INTEGER NOT NULL DEFAULT 0,
    unchanged   INTEGER NOT NULL DEFAULT 0,
    closed      INTEGER NOT NULL DEFAULT 0,
    skipped     INTEGER NOT NULL DEFAULT 0,
    error       TEXT
);
CREATE INDEX import_runs_source ON import_runs (source_id, id);

CREATE TABLE import_skips (
    run_id INTEGER NOT NULL REFERENCES import_runs (id) ON DELETE CASCADE,
    item   TEXT    NOT NULL,
    reason TEXT    NOT NULL
);
CREATE INDEX import_skips_run ON import_skips (run_id);

CREATE TABLE import_items (
    source_id   INTEGER NOT NULL REFERENCES import_sources (id) ON DELETE CASCADE,
    identifier  TEXT    NOT NULL,
    vacancy_id  INTEGER NOT NULL REFERENCES vacancies (id),
    -- The same job in two sources has one fingerprint: it is shown once.
    fingerprint TEXT    NOT NULL,
    -- A hash of the vacancy as mapped: an unchanged item is not written again.
    content     TEXT    NOT NULL,
    -- The run that saw it last: after a complete run, the others left the source.
    seen_run    INTEGER NOT NULL,
    PRIMARY KEY (source_id, identifier)
);
CREATE INDEX import_items_fingerprint ON import_items (fingerprint);
