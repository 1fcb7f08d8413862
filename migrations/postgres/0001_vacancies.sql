-- Vacancies posted by employers, and the outbox the indexer tails.
CREATE TABLE vacancies (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title             TEXT             NOT NULL,
    employer_name     TEXT             NOT NULL,
    description       TEXT             NOT NULL,
    postcode          TEXT             NOT NULL,
    city              TEXT             NOT NULL,
    municipality_code INTEGER,
    weekly_hours      DOUBLE PRECISION NOT NULL,
    deadline          DATE             NOT NULL,
    how_to_apply      TEXT             NOT NULL,
    status            TEXT             NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    created_at        TIMESTAMPTZ      NOT NULL,
    updated_at        TIMESTAMPTZ      NOT NULL
);
CREATE INDEX vacancies_status_id ON vacancies (status, id);

-- One row per change to something the search index holds. The indexer applies rows
-- in id order and stores the last applied id in the index itself. Writers take a
-- transaction-level advisory lock before inserting here, so ids become visible in
-- order and the indexer never skips a row committed late.
CREATE TABLE index_outbox (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entity     TEXT        NOT NULL,
    entity_id  BIGINT      NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX index_outbox_created_at ON index_outbox (created_at);
