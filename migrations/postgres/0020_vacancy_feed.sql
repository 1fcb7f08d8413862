-- The open vacancy feed's change log: one row per vacancy, holding the position
-- (`seq`) of its latest change. A consumer that reads rows after its cursor, in
-- order, sees every vacancy once with its current state, and again after each
-- change. It is kept whole (the index outbox is pruned; this is not).

CREATE TABLE vacancy_feed (
    vacancy_id BIGINT PRIMARY KEY,
    -- The index outbox id of the latest change: outbox ids are given out in
    -- commit order (see `outbox::order_lock_sql`), so a reader never skips one.
    seq        BIGINT NOT NULL,
    -- The day the feed told that the deadline had passed, since the last change.
    expired_on DATE
);
CREATE UNIQUE INDEX vacancy_feed_seq ON vacancy_feed (seq);

-- Every change to a vacancy already notes it in the outbox, in its transaction:
-- the feed follows from there, in the same transaction.
CREATE FUNCTION vacancy_feed_note() RETURNS trigger AS $$
BEGIN
    INSERT INTO vacancy_feed (vacancy_id, seq, expired_on) VALUES (NEW.entity_id, NEW.id, NULL)
        ON CONFLICT (vacancy_id) DO UPDATE SET seq = EXCLUDED.seq, expired_on = NULL;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER vacancy_feed_note AFTER INSERT ON index_outbox
    FOR EACH ROW WHEN (NEW.entity = 'vacancy') EXECUTE FUNCTION vacancy_feed_note();

-- Vacancies from before the feed, at positions below every outbox id.
INSERT INTO vacancy_feed (vacancy_id, seq)
    SELECT id, id - (SELECT COALESCE(MAX(id), 0) FROM vacancies) - 1 FROM vacancies;
