package com.b2bflow.privacy;

import com.b2bflow.audit.AuditLog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything the application keeps about one storefront user, for a data-subject access request (GDPR art. 15):
 * profile, addresses, organization and roles, approval groups, registrations (what was submitted, state, decision
 * and reason), approvals they made, invitations sent to them or by them, audit entries about them or by them, and
 * the mails sent to them (template, subject, date). Never the password hash, activation tokens or other secrets. Staff exports are audited.
 */
@Service
public class PersonalDataExport {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final AuditLog audit;

    public PersonalDataExport(JdbcTemplate jdbc, ObjectMapper json, AuditLog audit) {
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
    }

    /** The signed-in user's own data. */
    @Transactional(readOnly = true)
    public Optional<Map<String, Object>> own(long userId) {
        return export(userId);
    }

    /** A registrant's data, exported by staff for a data-subject request (audited). */
    @Transactional
    public Optional<Map<String, Object>> forStaff(long userId, String staffId) {
        Optional<Map<String, Object>> data = export(userId);
        data.ifPresent(d -> audit.recordInOrganization(
                staffId,
                null,
                null,
                (Long) d.get("organizationId"),
                "PERSONAL_DATA_EXPORTED",
                "User",
                userId,
                "personal data exported for a data-subject request"));
        return data;
    }

    private Optional<Map<String, Object>> export(long userId) {
        List<Map<String, Object>> profiles = rows("""
                select u.id, u.logon_id, u.email, u.first_name, u.middle_name, u.last_name, u.phone,
                       u.preferred_language, u.preferred_currency, u.receive_email, u.profile_type, u.registration_state, u.enabled, u.created_at,
                       u.last_login_at, u.locked_until, u.erased_at, u.organization_id
                from member_user u where u.id = ?""", userId);
        if (profiles.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> profile = profiles.get(0);
        Long organizationId = ((Number) profile.remove("organizationId")).longValue();
        String logonId = (String) profile.get("logonId");
        String email = (String) profile.get("email");

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("exportedAt", Instant.now().toString());
        data.put("profile", profile);
        data.put("organizationId", organizationId);
        data.put("addresses", rows("""
                select a.address1, a.address2, a.city, a.state_province, a.postal_code, a.country, a.phone
                from address a where a.user_id = ? order by a.id""", userId));
        data.put("attributes", rows("""
                select a.hcl_table, a.name, a.attribute_value as attribute_value
                from member_attribute a where a.user_id = ? order by a.hcl_table, a.name""", userId));
        data.put("organization", rows("""
                select o.id, o.name, o.state, o.description, o.business_category, o.tax_id, o.email_domain,
                       o.email, o.tax_payer_id, o.erp_customer_number, p.name as parent_name
                from organization o left join organization p on p.id = o.parent_id where o.id = ?""", organizationId).stream().findFirst().orElse(null));
        data.put("roles", rows("""
                select r.role_name as role, r.organization_id, o.name as organization_name
                from role_assignment r join organization o on o.id = r.organization_id
                where r.user_id = ? order by r.organization_id, r.role_name""", userId));
        data.put("approvalGroups", rows("""
                select g.group_type as type, g.organization_id, o.name as organization_name
                from approval_group_approver a join approval_group g on g.id = a.approval_group_id
                join organization o on o.id = g.organization_id where a.user_id = ? order by g.id""", userId));
        List<Map<String, Object>> registrations = rows("""
                select r.id, r.flow, r.state, r.step, r.submitted_at, r.decided_at, r.decided_by,
                       r.decision_reason as reason, r.previous_registration_id, r.organization_id, r.erased_at,
                       r.submitted_data
                from registration r where r.user_id = ? order by r.submitted_at""", userId);
        List<String> registrationIds = new ArrayList<>();
        for (Map<String, Object> registration : registrations) {
            registrationIds.add((String) registration.get("id"));
            registration.put("submittedData", parse((String) registration.get("submittedData")));
        }
        data.put("registrations", registrations);
        data.put("approvalsMade", logonId == null ? List.of() : rows("""
                select r.id as registration_id, r.flow, r.state, r.decided_at
                from registration r where r.decided_by = ? and (r.user_id is null or r.user_id <> ?)
                order by r.decided_at""", logonId, userId));
        data.put("invitations", rows("""
                select i.id, i.organization_id, o.name as organization_name, i.email, i.invited_by, i.on_behalf_of,
                       i.created_at, i.expires_at, i.accepted_at, i.revoked_at, i.revoked_by
                from invitation i join organization o on o.id = i.organization_id
                where lower(i.email) = lower(?) or i.accepted_user_id = ? or i.invited_by = ? or i.on_behalf_of = ?
                   or i.revoked_by = ?
                order by i.created_at, i.id""", email, userId, logonId, logonId, logonId));
        data.put("auditEntries", auditEntries(userId, logonId, registrationIds));
        data.put("notifications", email == null ? List.of() : rows("""
                select n.template, n.subject, n.sent_at from sent_notification n
                where lower(n.recipient) = lower(?) or n.notification_key like ? order by n.sent_at""", email, "%:" + email));
        return Optional.of(data);
    }

    private List<Map<String, Object>> auditEntries(long userId, String logonId, List<String> registrationIds) {
        StringBuilder sql = new StringBuilder("""
                select e.occurred_at, e.actor, e.on_behalf_of, e.action, e.target_type, e.target_id, e.details,
                       e.reason, e.organization_id
                from audit_event e where (e.target_type = 'User' and e.target_id = ?)
                   or e.actor = ? or e.on_behalf_of = ?""");
        List<Object> args = new ArrayList<>(List.of(String.valueOf(userId), logonId, logonId));
        if (!registrationIds.isEmpty()) {
            sql.append(" or (e.target_type = 'Registration' and e.target_id in (")
                    .append(String.join(
                            ",", registrationIds.stream().map(id -> "?").toList()))
                    .append("))");
            args.addAll(registrationIds);
        }
        sql.append(" order by e.occurred_at, e.id");
        return rows(sql.toString(), args.toArray());
    }

    private Object parse(String submitted) {
        if (submitted == null) {
            return null;
        }
        try {
            JsonNode node = json.readTree(submitted);
            if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
                object.findParents("password")
                        .forEach(p -> ((com.fasterxml.jackson.databind.node.ObjectNode) p)
                                .remove(List.of("password", "passwordVerify")));
            }
            return node;
        } catch (Exception notJson) {
            return submitted;
        }
    }

    private List<Map<String, Object>> rows(String sql, Object... args) {
        return jdbc.query(sql, (rs, i) -> row(rs), args);
    }

    private static Map<String, Object> row(ResultSet rs) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        int columns = rs.getMetaData().getColumnCount();
        for (int c = 1; c <= columns; c++) {
            row.put(camel(rs.getMetaData().getColumnLabel(c)), value(rs.getObject(c)));
        }
        return row;
    }

    private static Object value(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().toString();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant().toString();
        }
        if (value instanceof java.time.temporal.TemporalAccessor || value instanceof java.util.Date) {
            return value.toString();
        }
        return value;
    }

    private static String camel(String column) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char ch : column.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if (ch == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return name.toString();
    }
}
