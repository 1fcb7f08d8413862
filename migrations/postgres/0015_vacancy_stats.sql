-- How a vacancy does, counted per day without storing who: views of its page,
-- saves to a joblog, and "I have applied" entries made from it.
CREATE TABLE vacancy_daily (
    vacancy_id BIGINT NOT NULL REFERENCES vacancies (id),
    day        DATE    NOT NULL,
    views      INTEGER NOT NULL DEFAULT 0,
    saves      INTEGER NOT NULL DEFAULT 0,
    applied    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (vacancy_id, day)
);
