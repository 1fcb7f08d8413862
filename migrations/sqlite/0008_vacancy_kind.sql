-- The kind of employment and, optionally, the occupation of a vacancy (search filters).
ALTER TABLE vacancies ADD COLUMN employment_type TEXT NOT NULL DEFAULT 'fast';
ALTER TABLE vacancies ADD COLUMN occupation_code TEXT;
