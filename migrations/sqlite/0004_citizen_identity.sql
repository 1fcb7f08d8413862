-- A jobseeker's home postcode, and the CPR number: sealed with the server's key
-- (XChaCha20-Poly1305), so a database dump does not reveal it, and masked
-- (DDMMYY-XXXX) for display.
ALTER TABLE users ADD COLUMN postcode TEXT;
ALTER TABLE users ADD COLUMN cpr_sealed TEXT;
ALTER TABLE users ADD COLUMN cpr_masked TEXT;
