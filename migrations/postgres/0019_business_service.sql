-- Virksomhedsservice: an employer asks the jobcentre of a vacancy's municipality
-- for help recruiting. The task lands in that municipality's queue.
CREATE TABLE business_tasks (
    id                BIGSERIAL PRIMARY KEY,
    company_id        BIGINT NOT NULL REFERENCES companies (id),
    vacancy_id        BIGINT NOT NULL REFERENCES vacancies (id),
    -- The vacancy's municipality when asked: whose queue it is in.
    municipality_code INTEGER NOT NULL,
    requested_by      BIGINT NOT NULL REFERENCES users (id),
    need              TEXT    NOT NULL,
    due_on            DATE    NOT NULL,
    -- 'open' (in the queue), 'taken' (a caseworker has it), 'closed'.
    status            TEXT    NOT NULL DEFAULT 'open',
    caseworker_id     BIGINT REFERENCES users (id),
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX business_tasks_queue ON business_tasks (municipality_code, status, due_on);
CREATE INDEX business_tasks_company ON business_tasks (company_id, updated_at);

-- The thread between the company and the jobcentre.
CREATE TABLE business_task_messages (
    id           BIGSERIAL PRIMARY KEY,
    task_id      BIGINT NOT NULL REFERENCES business_tasks (id) ON DELETE CASCADE,
    from_company BOOLEAN NOT NULL,
    author_name  TEXT    NOT NULL,
    body         TEXT    NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    read_at      TIMESTAMPTZ
);
CREATE INDEX business_task_messages_task ON business_task_messages (task_id, id);

-- Candidates a caseworker suggested: each once per task.
CREATE TABLE business_task_candidates (
    task_id      BIGINT NOT NULL REFERENCES business_tasks (id) ON DELETE CASCADE,
    user_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    headline     TEXT    NOT NULL,
    note         TEXT    NOT NULL,
    suggested_by BIGINT NOT NULL REFERENCES users (id),
    created_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (task_id, user_id)
);

-- One request at a time per vacancy: a second while the first is not closed is
-- refused, even when two arrive at once.
CREATE UNIQUE INDEX business_tasks_one_open ON business_tasks (vacancy_id) WHERE status <> 'closed';
