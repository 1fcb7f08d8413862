-- Candidate agents: a company's saved CV search, which tells its owner of new
-- matching CVs, in the app and (if they like) by a daily e-mail. A candidate is a
-- match of an agent once (the key); the CVs that matched when it was saved are
-- recorded as already seen, so only later ones are news.
CREATE TABLE candidate_agents (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    company_id     INTEGER NOT NULL REFERENCES companies (id),
    user_id        INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name           TEXT    NOT NULL,
    query          TEXT    NOT NULL,
    email_digest   INTEGER NOT NULL DEFAULT 0,
    created_at     TEXT    NOT NULL,
    digest_sent_on TEXT
);
CREATE INDEX candidate_agents_company ON candidate_agents (company_id);

CREATE TABLE candidate_agent_matches (
    agent_id     INTEGER NOT NULL REFERENCES candidate_agents (id) ON DELETE CASCADE,
    candidate_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    headline     TEXT    NOT NULL,
    found_at     TEXT    NOT NULL,
    -- Shown in the app (or there when the agent was saved).
    seen_at      TEXT,
    emailed_at   TEXT,
    PRIMARY KEY (agent_id, candidate_id)
);
