-- A second factor for staff (caseworkers and administrators): a TOTP key, sealed
-- with the server's key like CPR numbers, and one-time recovery codes stored only
-- as hashes.

-- The key being set up (until the person confirms it with a code), the key in use,
-- and the last time step accepted, so that a code is accepted once only.
ALTER TABLE users ADD COLUMN totp_pending_sealed TEXT;
ALTER TABLE users ADD COLUMN totp_sealed TEXT;
ALTER TABLE users ADD COLUMN totp_last_step BIGINT;
-- New recovery codes, sealed, shown until the person says they have kept them.
ALTER TABLE users ADD COLUMN recovery_unseen_sealed TEXT;

CREATE TABLE recovery_codes (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id   BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash TEXT        NOT NULL,
    used_at   TIMESTAMPTZ,
    UNIQUE (user_id, code_hash)
);

-- A session whose password was right but whose second factor is still to come:
-- it signs no one in, and only the code page accepts it.
ALTER TABLE sessions ADD COLUMN second_factor_pending BOOLEAN NOT NULL DEFAULT FALSE;
