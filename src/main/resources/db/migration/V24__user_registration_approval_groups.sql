-- Organizations approved through orgSelfRegistration or resellerRegistration before every new organization got a
-- User Registration approval group: each gets one (unless it has one with approvers), with its enabled, approved
-- Buyer Administrators as approvers, so that buyers who register into it wait for them (ADR 0021).
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL.

INSERT INTO approval_group (organization_id, group_type, version)
SELECT o.id, 'UserRegistration', 0
FROM organization o
WHERE o.state = 'APPROVED'
  AND EXISTS (SELECT 1 FROM registration r
              WHERE r.organization_id = o.id AND r.flow IN ('ORGANIZATION', 'RESELLER') AND r.state = 'APPROVED')
  AND NOT EXISTS (SELECT 1 FROM approval_group g
                  WHERE g.organization_id = o.id AND g.group_type = 'UserRegistration');

INSERT INTO approval_group_approver (approval_group_id, user_id)
SELECT DISTINCT g.id, u.id
FROM approval_group g
JOIN organization o ON o.id = g.organization_id
JOIN member_user u ON u.organization_id = o.id
JOIN role_assignment ra ON ra.user_id = u.id AND ra.organization_id = o.id AND ra.role_name = 'Buyer Administrator'
WHERE g.group_type = 'UserRegistration'
  AND o.state = 'APPROVED'
  AND u.enabled = TRUE
  AND u.registration_state = 'APPROVED'
  AND EXISTS (SELECT 1 FROM registration r
              WHERE r.organization_id = o.id AND r.flow IN ('ORGANIZATION', 'RESELLER') AND r.state = 'APPROVED')
  AND NOT EXISTS (SELECT 1 FROM approval_group_approver a WHERE a.approval_group_id = g.id);
