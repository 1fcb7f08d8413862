-- Each item a background job could not handle (a person's agents, a feed, an
-- e-mail given up): the job goes on with the next item and the operator finds
-- here which failed and why, whichever node ran it. Kept 30 days.
CREATE TABLE job_failures (
    id    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job   TEXT        NOT NULL,
    item  TEXT        NOT NULL,
    error TEXT        NOT NULL,
    node  TEXT        NOT NULL,
    at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX job_failures_at ON job_failures (at);
