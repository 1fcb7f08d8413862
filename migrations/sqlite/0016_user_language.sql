-- The language a person reads in, so what we send them (e-mail) is in it too:
-- set at sign-up from the page's language and by the language switch.
ALTER TABLE users ADD COLUMN lang TEXT NOT NULL DEFAULT 'da';
