-- Login lockout (issue 9): after too many failed sign-ins a storefront account is locked until this time
-- (unlocked by time, or by staff through POST /api/staff/users/{id}/unlock). Kept in the database so that every
-- node of a cluster sees it.
ALTER TABLE member_user ADD COLUMN locked_until TIMESTAMP WITH TIME ZONE;
