-- Vacancies over their life: why a closed vacancy closed, which vacancy a new one
-- was posted again from, and the history of every change with who made it.

-- 'besat' (filled) or 'trukket' (withdrawn) by the employer, 'skjult' (hidden)
-- by an administrator; empty while open and for vacancies closed before this.
ALTER TABLE vacancies ADD COLUMN close_reason TEXT;
ALTER TABLE vacancies ADD COLUMN reposted_from INTEGER REFERENCES vacancies (id);

CREATE TABLE vacancy_history (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    vacancy_id INTEGER     NOT NULL REFERENCES vacancies (id),
    at         TEXT        NOT NULL,
    -- Who did it: a user of the company, or an administrator; none for the system.
    -- The name is kept as it was, so the history still reads after a user leaves.
    actor_id   INTEGER     REFERENCES users (id) ON DELETE SET NULL,
    actor_name TEXT        NOT NULL DEFAULT '',
    kind       TEXT        NOT NULL,
    detail     TEXT        NOT NULL DEFAULT ''
);
CREATE INDEX vacancy_history_vacancy ON vacancy_history (vacancy_id, id);
