-- GDPR (issue 9): what was mailed to whom (for the data export; the recipient is erased with the person), and when
-- a registration or a user was erased (the scheduled erasure and staff erasure skip what is already erased, so two
-- nodes running the job at once do the work once).
ALTER TABLE sent_notification ADD COLUMN recipient VARCHAR(254);
ALTER TABLE sent_notification ADD COLUMN template VARCHAR(64);
ALTER TABLE sent_notification ADD COLUMN subject VARCHAR(255);
CREATE INDEX ix_sent_notification_recipient ON sent_notification (recipient);
ALTER TABLE registration ADD COLUMN erased_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE member_user ADD COLUMN erased_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_registration_decided ON registration (state, decided_at);
CREATE INDEX ix_registration_decided_by ON registration (decided_by);
