-- The consent to the terms and the privacy notice given with a registration: which version of the text, and when
-- (ADR 0033). Registrations submitted before have none.
ALTER TABLE registration ADD COLUMN consent_version VARCHAR(32);
ALTER TABLE registration ADD COLUMN consent_at TIMESTAMP WITH TIME ZONE;
