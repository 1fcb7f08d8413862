-- Job agents: a jobseeker's saved searches. New vacancies that match become
-- matches (once each), an in-app notification, and optionally a daily e-mail.
CREATE TABLE job_agents (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id        BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name           TEXT        NOT NULL,
    query          TEXT        NOT NULL,
    email_digest   BOOLEAN     NOT NULL DEFAULT false,
    last_seen_id   BIGINT      NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    digest_sent_on DATE
);
CREATE INDEX job_agents_user ON job_agents (user_id);

CREATE TABLE job_agent_matches (
    agent_id   BIGINT      NOT NULL REFERENCES job_agents (id) ON DELETE CASCADE,
    vacancy_id BIGINT      NOT NULL,
    title      TEXT        NOT NULL,
    found_at   TIMESTAMPTZ NOT NULL,
    emailed_at TIMESTAMPTZ,
    PRIMARY KEY (agent_id, vacancy_id)
);
