-- Every organization hangs below this one (the member subsystem's Root Organization, member -2001), so
-- that names are unique under a parent everywhere, top level included.
INSERT INTO organization (id, parent_id, name, name_normalized, org_type, state, created_at, version)
VALUES (-2001, NULL, 'Root Organization', 'root organization', 'O', 'APPROVED', CURRENT_TIMESTAMP, 0);
