-- Reports of bad vacancies: a jobseeker says why (scam, discrimination, not a real
-- job, wrong information); an administrator hides the vacancy (it leaves search,
-- and the employer is told why) or dismisses the report.
CREATE TABLE vacancy_reports (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    vacancy_id  INTEGER NOT NULL REFERENCES vacancies (id),
    reporter_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    reason      TEXT NOT NULL,
    details     TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    -- 'open', 'hidden' (the vacancy was hidden) or 'dismissed'.
    status      TEXT NOT NULL DEFAULT 'open',
    handled_by  INTEGER REFERENCES users (id) ON DELETE SET NULL,
    handled_at  TEXT
);
-- A person reports a vacancy once.
CREATE UNIQUE INDEX vacancy_reports_once ON vacancy_reports (vacancy_id, reporter_id);
CREATE INDEX vacancy_reports_open ON vacancy_reports (status, vacancy_id);
