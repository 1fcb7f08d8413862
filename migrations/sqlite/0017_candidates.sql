-- Candidate search: the citizen's say over being found, employers' contact with
-- candidates, and who (which company) opened a CV.

-- The citizen chose not to be found, whatever else holds.
ALTER TABLE jobseekers ADD COLUMN cv_hidden INTEGER NOT NULL DEFAULT 0;

-- Companies a citizen will not be found by.
CREATE TABLE cv_blocks (
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    company_id INTEGER NOT NULL REFERENCES companies (id),
    created_at TEXT    NOT NULL,
    PRIMARY KEY (user_id, company_id)
);

-- A company's contact with a candidate, about a vacancy or not: a thread.
CREATE TABLE candidate_contacts (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    company_id INTEGER NOT NULL REFERENCES companies (id),
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    vacancy_id INTEGER REFERENCES vacancies (id),
    -- 'open', or 'declined' by the citizen (the company can write no more).
    status     TEXT    NOT NULL DEFAULT 'open',
    created_at TEXT    NOT NULL,
    updated_at TEXT    NOT NULL
);
CREATE INDEX candidate_contacts_user ON candidate_contacts (user_id, updated_at);
CREATE INDEX candidate_contacts_company ON candidate_contacts (company_id, updated_at);

CREATE TABLE candidate_messages (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    contact_id   INTEGER NOT NULL REFERENCES candidate_contacts (id) ON DELETE CASCADE,
    from_company INTEGER NOT NULL,
    author_name  TEXT    NOT NULL,
    body         TEXT    NOT NULL,
    created_at   TEXT    NOT NULL,
    read_at      TEXT
);
CREATE INDEX candidate_messages_contact ON candidate_messages (contact_id, id);

-- An employer's opening of a CV is audited like a staff read; the citizen is
-- shown the company's name.
ALTER TABLE audit_log ADD COLUMN actor_company TEXT;
