-- Accounts, sessions and failed sign-ins. Passwords are argon2id hashes; sessions
-- are stored as SHA-256 hashes of their tokens, so a database dump signs no one in.
CREATE TABLE companies (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    cvr        TEXT        NOT NULL UNIQUE,
    name       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE users (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    role              TEXT        NOT NULL CHECK (role IN ('jobseeker', 'employer', 'caseworker', 'admin')),
    email             TEXT        NOT NULL UNIQUE,
    name              TEXT        NOT NULL,
    phone             TEXT,
    password_hash     TEXT        NOT NULL,
    municipality_code INTEGER,
    company_id        BIGINT REFERENCES companies (id),
    created_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX users_municipality ON users (role, municipality_code);
CREATE INDEX users_company ON users (company_id);

CREATE TABLE sessions (
    token_hash   TEXT        PRIMARY KEY,
    user_id      BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   TIMESTAMPTZ NOT NULL,
    last_seen_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE login_failures (
    id    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email TEXT        NOT NULL,
    ip    TEXT        NOT NULL,
    at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX login_failures_email ON login_failures (email, at);
CREATE INDEX login_failures_ip ON login_failures (ip, at);
