-- Job agents: a jobseeker's saved searches. New vacancies that match become
-- matches (once each), an in-app notification, and optionally a daily e-mail.
CREATE TABLE job_agents (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id        INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name           TEXT    NOT NULL,
    query          TEXT    NOT NULL,
    email_digest   INTEGER NOT NULL DEFAULT 0,
    last_seen_id   INTEGER NOT NULL,
    created_at     TEXT    NOT NULL,
    digest_sent_on TEXT
);
CREATE INDEX job_agents_user ON job_agents (user_id);

CREATE TABLE job_agent_matches (
    agent_id   INTEGER NOT NULL REFERENCES job_agents (id) ON DELETE CASCADE,
    vacancy_id INTEGER NOT NULL,
    title      TEXT    NOT NULL,
    found_at   TEXT    NOT NULL,
    emailed_at TEXT,
    PRIMARY KEY (agent_id, vacancy_id)
);
