-- Reports of bad vacancies: a jobseeker says why (scam, discrimination, not a real
-- job, wrong information); an administrator hides the vacancy (it leaves search,
-- and the employer is told why) or dismisses the report.
CREATE TABLE vacancy_reports (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    vacancy_id  BIGINT NOT NULL REFERENCES vacancies (id),
    reporter_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    reason      TEXT NOT NULL,
    details     TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMPTZ NOT NULL,
    -- 'open', 'hidden' (the vacancy was hidden) or 'dismissed'.
    status      TEXT NOT NULL DEFAULT 'open',
    handled_by  BIGINT REFERENCES users (id) ON DELETE SET NULL,
    handled_at  TIMESTAMPTZ
);
-- A person reports a vacancy once.
CREATE UNIQUE INDEX vacancy_reports_once ON vacancy_reports (vacancy_id, reporter_id);
CREATE INDEX vacancy_reports_open ON vacancy_reports (status, vacancy_id);
