-- Vacancies posted by employers, and the outbox the indexer tails.
CREATE TABLE vacancies (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    title             TEXT    NOT NULL,
    employer_name     TEXT    NOT NULL,
    description       TEXT    NOT NULL,
    postcode          TEXT    NOT NULL,
    city              TEXT    NOT NULL,
    municipality_code INTEGER,
    weekly_hours      REAL    NOT NULL,
    deadline          TEXT    NOT NULL,
    how_to_apply      TEXT    NOT NULL,
    status            TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL
);
CREATE INDEX vacancies_status_id ON vacancies (status, id);

-- One row per change to something the search index holds. The indexer applies rows
-- in id order and stores the last applied id in the index itself.
CREATE TABLE index_outbox (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    entity     TEXT    NOT NULL,
    entity_id  INTEGER NOT NULL,
    created_at TEXT    NOT NULL
);
CREATE INDEX index_outbox_created_at ON index_outbox (created_at);
