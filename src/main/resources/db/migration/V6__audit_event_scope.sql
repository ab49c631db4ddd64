-- Storefront account administration (issue 6): every audit event of an organization's members names the
-- organization it happened in (no foreign key: the history outlives a deleted organization), and actions a CSR
-- takes on behalf of a customer carry the CSR's stated reason.
ALTER TABLE audit_event ADD COLUMN organization_id BIGINT;
ALTER TABLE audit_event ADD COLUMN reason VARCHAR(1000);
CREATE INDEX ix_audit_event_organization ON audit_event (organization_id);
CREATE INDEX ix_audit_event_on_behalf_of ON audit_event (on_behalf_of);
