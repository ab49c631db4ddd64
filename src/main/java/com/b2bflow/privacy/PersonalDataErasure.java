package com.b2bflow.privacy;

import com.b2bflow.audit.AuditLog;
import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.Roles;
import com.b2bflow.registration.RegistrationFlow;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a registrant's personal data (GDPR art. 17) everywhere the application keeps it, in one transaction:
 * <ul>
 * <li>the user row stays (foreign keys hold) with its personal fields replaced by a placeholder
 * ({@code erased-<id>}, {@code erased-<id>@erased.invalid}, last name {@code Erased}), no password, disabled;
 * addresses, activation tokens, role assignments and approval-group memberships deleted;</li>
 * <li>each of the user's registrations: submission, applicant email and reason erased (flow, state and dates stay
 * for the statistics); a still pending one is withdrawn first; its process instances (running and historic:
 * variables, tasks, comments, logs) deleted, as are the customer-service notification instances about the user;</li>
 * <li>an organization the registration created and that was never approved: name, tax id, email domain etc.
 * replaced, its addresses deleted;</li>
 * <li>sent-notification records: the recipient and subject erased, the key (which holds the address) replaced by
 * its hash;</li>
 * <li>invitations: the address of those sent to the user, and the user's logon id as sender, reviser or the one
 * a CSR acted for, replaced by the placeholder;</li>
 * <li>audit: events about the user or their registrations keep who/what/when but lose their details; the user's
 * logon id, email and name are replaced in other events' actor, details and reason; and one
 * {@code PERSONAL_DATA_ERASED} event records the erasure itself.</li>
 * </ul>
 * The user's stored sessions (cluster profile) are deleted, so an erased user is signed out everywhere.
 * Idempotent and safe on several nodes: the user row is locked ({@code select ... for update}) and an already
 * erased user is skipped.
 */
@Service
public class PersonalDataErasure {

    public static final String ERASED = "[personal data erased]";
    private static final Logger log = LoggerFactory.getLogger(PersonalDataErasure.class);

    private final JdbcTemplate jdbc;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final AuditLog audit;
    private Clock clock = Clock.systemUTC();

    public PersonalDataErasure(JdbcTemplate jdbc, RuntimeService runtime, HistoryService history, AuditLog audit) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.history = history;
        this.audit = audit;
    }

    /** For tests: the clock that dates erasures. */
    void setClock(Clock clock) {
        this.clock = clock;
    }

    /** What an erasure did. */
    public record Erasure(
            long userId,
            List<String> registrationIds,
            List<Long> organizationIds,
            int processInstances,
            boolean alreadyErased) {}

    /**
     * Staff erase a user on request. Refused ({@link LastAdministratorException}) when the user is the last enabled
     * administrator (Buyer Administrator or Customer Superuser) of an approved organization that has other enabled
     * members.
     *
     * @return empty when there is no such user
     */
    @Transactional
    public Optional<Erasure> eraseOnRequest(long userId, String staffId) {
        if (!lock(userId)) {
            return Optional.empty();
        }
        refuseLastAdministrator(userId);
        return Optional.of(erase(userId, staffId, "erased on request by staff"));
    }

    /**
     * Erases a rejected or withdrawn registration (with its predecessors) and, when its user was never approved,
     * the user's personal data; false when already erased or not (or no longer) eligible.
     */
    @Transactional
    public boolean eraseExpiredRegistration(String registrationId, Instant decidedBefore, String period) {
        // lock order as in eraseOnRequest: the user row first, then the registration row
        Number userId =
                jdbc.queryForList("select user_id from registration where id = ?", Long.class, registrationId).stream()
                        .filter(java.util.Objects::nonNull)
                        .findFirst()
                        .orElse(null);
        boolean userExists = userId != null && lock(userId.longValue());
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select state, decided_at, erased_at " + "from registration where id = ? for update", registrationId);
        if (rows.isEmpty() || rows.get(0).get("erased_at") != null) {
            return false;
        }
        Map<String, Object> row = rows.get(0);
        String state = (String) row.get("state");
        Object decidedAt = row.get("decided_at");
        if (!ApprovalState.REJECTED.name().equals(state)
                        && !ApprovalState.WITHDRAWN.name().equals(state)
                || decidedAt == null
                || !instant(decidedAt).isBefore(decidedBefore)) {
            return false;
        }
        String why = "registration " + state.toLowerCase(java.util.Locale.ROOT) + " more than " + period
                + " ago (retention period)";
        if (userExists) {
            String userState = jdbc.queryForObject(
                    "select registration_state from member_user where id = ?", String.class, userId.longValue());
            if (!ApprovalState.APPROVED.name().equals(userState)
                    && !ApprovalState.PENDING.name().equals(userState)) {
                erase(userId.longValue(), AuditLog.SYSTEM, why);
                return true;
            }
        }
        // the user was approved since (through another registration): only this registration's data goes
        Set<String> chain = chain(registrationId);
        int instances = eraseProcesses(chain, List.of());
        chain.forEach(this::eraseRegistrationRow);
        audit.record(
                AuditLog.SYSTEM,
                "PERSONAL_DATA_ERASED",
                "Registration",
                registrationId,
                "registration data and " + instances + " process instance(s) erased: " + why);
        return true;
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }

    private Erasure erase(long userId, String actor, String why) {
        Instant now = clock.instant();
        Map<String, Object> user = jdbc.queryForMap(
                "select logon_id, email, first_name, last_name, phone, "
                        + "organization_id, erased_at from member_user where id = ?",
                userId);
        if (user.get("erased_at") != null) {
            return new Erasure(userId, List.of(), List.of(), 0, true);
        }
        String logonId = (String) user.get("logon_id");
        String email = (String) user.get("email");
        Long organizationId = ((Number) user.get("organization_id")).longValue();
        List<String> personal = personalStrings(user);

        Set<String> registrationIds = new LinkedHashSet<>(jdbc.queryForList(
                "select id from registration where user_id = ? order by submitted_at", String.class, userId));
        new ArrayList<>(registrationIds).forEach(id -> registrationIds.addAll(chain(id)));
        for (String id : registrationIds) {
            jdbc.update(
                    "update registration set state = ?, decided_by = ?, decided_at = ?, step = ?, "
                            + "version = version + 1 where id = ? and state = ?",
                    ApprovalState.WITHDRAWN.name(),
                    actor,
                    Timestamp.from(now),
                    ApprovalState.WITHDRAWN.name(),
                    id,
                    ApprovalState.PENDING.name());
        }
        List<String> auditProcessKeys = jdbc.queryForList(
                "select 'audit-' || id from audit_event " + "where target_type = 'User' and target_id = ?",
                String.class,
                String.valueOf(userId));
        int instances = eraseProcesses(registrationIds, auditProcessKeys);

        List<Long> organizations = new ArrayList<>();
        for (String id : registrationIds) {
            Map<String, Object> registration =
                    jdbc.queryForMap("select flow, organization_id from registration where id = ?", id);
            Number orgId = (Number) registration.get("organization_id");
            if (orgId != null
                    && RegistrationFlow.valueOf((String) registration.get("flow"))
                            .policyType()
                            .createsOrganization()) {
                eraseUnapprovedOrganization(orgId.longValue(), userId).ifPresent(name -> {
                    organizations.add(orgId.longValue());
                    if (name.strip().length() >= 3) {
                        personal.add(name.strip());
                    }
                });
            }
            eraseRegistrationRow(id);
        }

        String placeholder = "erased-" + userId;
        jdbc.update("delete from address where user_id = ?", userId);
        jdbc.update("delete from activation_token where user_id = ?", userId);
        jdbc.update("delete from password_reset_token where user_id = ?", userId);
        jdbc.update("delete from role_assignment where user_id = ?", userId);
        jdbc.update("delete from approval_group_approver where user_id = ?", userId);
        jdbc.update("delete from member_attribute where user_id = ?", userId);
        jdbc.update("""
                update member_user set logon_id = ?, logon_id_normalized = ?, email = ?, first_name = null,
                       middle_name = null, last_name = 'Erased', phone = null, preferred_language = null,
                       preferred_currency = null, receive_email = null,
                       password_hash = null, enabled = ?, failed_login_count = 0, locked_until = null,
                       last_login_at = null, registration_state = case when registration_state = 'PENDING'
                       then 'WITHDRAWN' else registration_state end, erased_at = ?, version = version + 1
                where id = ?""", placeholder, placeholder, placeholder + "@erased.invalid", false, Timestamp.from(now), userId);
        jdbc.update(
                "update invitation set email = ? where lower(email) = lower(?) or accepted_user_id = ?",
                placeholder + "@erased.invalid",
                email,
                userId);
        if (logonId != null) {
            jdbc.update("update registration set decided_by = ? where decided_by = ?", placeholder, logonId);
            for (String column : List.of("invited_by", "on_behalf_of", "revoked_by")) {
                jdbc.update("update invitation set " + column + " = ? where " + column + " = ?", placeholder, logonId);
            }
            // signed out everywhere (sessions are in the database in a cluster)
            jdbc.update("delete from spring_session where principal_name = ?", logonId);
        }
        eraseNotifications(email, personal);
        eraseAudit(userId, registrationIds, logonId, placeholder, personal);
        audit.recordInOrganization(
                actor,
                null,
                null,
                organizationId,
                "PERSONAL_DATA_ERASED",
                "User",
                userId,
                "personal data erased (" + why + "): " + registrationIds.size() + " registration(s) "
                        + registrationIds + ", " + instances + " process instance(s)"
                        + (organizations.isEmpty() ? "" : ", unapproved organization(s) " + organizations));
        log.info(
                "Personal data of user {} erased ({}): {} registration(s), {} process instance(s)",
                userId,
                why,
                registrationIds.size(),
                instances);
        return new Erasure(userId, List.copyOf(registrationIds), organizations, instances, false);
    }

    /** Locks the user row for the transaction; false when there is no such user. */
    private boolean lock(long userId) {
        return !jdbc.queryForList("select id from member_user where id = ? for update", userId)
                .isEmpty();
    }

    /**
     * Whether erasing the user now would be refused because they are the last enabled administrator of an
     * organization that still has other enabled members (the staff console offers the erasure only otherwise).
     */
    @Transactional(readOnly = true)
    public boolean lastAdministrator(long userId) {
        return soleAdministratorOf(userId).isPresent();
    }

    private void refuseLastAdministrator(long userId) {
        soleAdministratorOf(userId).ifPresent(organizationId -> {
            throw new LastAdministratorException(organizationId);
        });
    }

    /** An approved organization whose only enabled administrator the user is while it has other enabled members. */
    private Optional<Long> soleAdministratorOf(long userId) {
        String placeholders =
                String.join(",", Roles.ADMINISTRATORS.stream().map(r -> "?").toList());
        List<Object> args = new ArrayList<>();
        args.add(userId);
        args.addAll(Roles.ADMINISTRATORS);
        List<Long> administered = jdbc.queryForList("""
                select distinct r.organization_id from role_assignment r
                join member_user u on u.id = r.user_id join organization o on o.id = r.organization_id
                where r.user_id = ? and u.enabled = true and u.erased_at is null and o.state = 'APPROVED'
                  and r.role_name in (""" + placeholders + ")", Long.class, args.toArray());
        for (Long organizationId : administered) {
            List<Object> otherArgs = new ArrayList<>();
            otherArgs.add(organizationId);
            otherArgs.add(userId);
            otherArgs.addAll(Roles.ADMINISTRATORS);
            Integer otherAdmins = jdbc.queryForObject("""
                    select count(*) from role_assignment r join member_user u on u.id = r.user_id
                    where r.organization_id = ? and r.user_id <> ? and u.enabled = true and u.erased_at is null
                      and r.role_name in (""" + placeholders + ")", Integer.class, otherArgs.toArray());
            Integer otherMembers = jdbc.queryForObject(
                    "select count(*) from member_user where organization_id = ? "
                            + "and id <> ? and enabled = true and erased_at is null",
                    Integer.class,
                    organizationId,
                    userId);
            if (otherAdmins == 0 && otherMembers > 0) {
                return Optional.of(organizationId);
            }
        }
        return Optional.empty();
    }

    /** The registration and the ones it corrected, back to the first. */
    private Set<String> chain(String registrationId) {
        Set<String> chain = new LinkedHashSet<>();
        String id = registrationId;
        while (id != null && chain.add(id)) {
            id =
                    jdbc
                            .queryForList(
                                    "select previous_registration_id from registration where id = ?", String.class, id)
                            .stream()
                            .filter(java.util.Objects::nonNull)
                            .findFirst()
                            .orElse(null);
        }
        return chain;
    }

    /** Running and historic process instances of these registrations (business key) and audit notifications. */
    private int eraseProcesses(Set<String> registrationIds, List<String> otherBusinessKeys) {
        Set<String> businessKeys = new LinkedHashSet<>(registrationIds);
        businessKeys.addAll(otherBusinessKeys);
        Set<String> instanceIds = new LinkedHashSet<>();
        for (String id : registrationIds) {
            jdbc.queryForList(
                            "select process_instance_id from registration where id = ? "
                                    + "and process_instance_id is not null",
                            String.class,
                            id)
                    .forEach(instanceIds::add);
        }
        for (String key : businessKeys) {
            for (ProcessInstance instance : runtime.createProcessInstanceQuery()
                    .processInstanceBusinessKey(key)
                    .list()) {
                instanceIds.add(instance.getId());
            }
            for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKey(key)
                    .list()) {
                instanceIds.add(instance.getId());
            }
        }
        for (String instanceId : instanceIds) {
            if (runtime.createProcessInstanceQuery()
                            .processInstanceId(instanceId)
                            .count()
                    > 0) {
                runtime.deleteProcessInstance(instanceId, "erased", true, true, true);
            }
        }
        if (!instanceIds.isEmpty()) {
            history.deleteHistoricProcessInstancesIfExists(new ArrayList<>(instanceIds));
        }
        return instanceIds.size();
    }

    private void eraseRegistrationRow(String registrationId) {
        jdbc.update(
                "update registration set submitted_data = '{}', applicant_email = null, decision_reason = null, "
                        + "erased_at = ?, version = version + 1 where id = ? and erased_at is null",
                Timestamp.from(clock.instant()),
                registrationId);
    }

    /** An organization the registration created: anonymized unless it was approved or has other members. */
    private Optional<String> eraseUnapprovedOrganization(long organizationId, long userId) {
        List<Map<String, Object>> rows =
                jdbc.queryForList("select state, name from organization where id = ?", organizationId);
        Integer others = jdbc.queryForObject(
                "select count(*) from member_user where organization_id = ? and id <> ?",
                Integer.class,
                organizationId,
                userId);
        if (rows.isEmpty() || ApprovalState.APPROVED.name().equals(rows.get(0).get("state")) || others > 0) {
            return Optional.empty();
        }
        String formerName = (String) rows.get(0).get("name");
        String name = "Erased organization " + organizationId;
        jdbc.update("""
                update organization set name = ?, name_normalized = ?, description = null, business_category = null,
                       tax_id = null, email_domain = null, erp_customer_number = null, email = null,
                       tax_payer_id = null,
                       state = case when state = 'PENDING' then 'WITHDRAWN' else state end, version = version + 1
                where id = ?""", name, name.toLowerCase(java.util.Locale.ROOT), organizationId);
        jdbc.update("delete from address where organization_id = ?", organizationId);
        jdbc.update("delete from member_attribute where organization_id = ?", organizationId);
        return Optional.ofNullable(formerName);
    }

    private void eraseNotifications(String email, List<String> personal) {
        // staff were told too ("New registration: <organization>"): subjects naming the registrant go
        for (String text : personal) {
            jdbc.update(
                    "update sent_notification set subject = null where lower(subject) like ? escape '\\'",
                    likePattern(text));
        }
        if (email == null || email.isBlank()) {
            return;
        }
        List<String> keys = jdbc.queryForList(
                "select notification_key from sent_notification "
                        + "where lower(recipient) = lower(?) or notification_key like ?",
                String.class,
                email,
                "%:" + email);
        for (String key : keys) {
            jdbc.update(
                    "update sent_notification set notification_key = ?, recipient = null, subject = null "
                            + "where notification_key = ?",
                    "erased:" + sha256(key),
                    key);
        }
    }

    private void eraseAudit(
            long userId, Set<String> registrationIds, String logonId, String placeholder, List<String> personal) {
        List<Object> args = new ArrayList<>(List.of(String.valueOf(userId)));
        String inRegistrations = "";
        if (!registrationIds.isEmpty()) {
            inRegistrations = " or (target_type = 'Registration' and target_id in ("
                    + String.join(",", registrationIds.stream().map(id -> "?").toList()) + "))";
            args.addAll(registrationIds);
        }
        jdbc.update(
                "update audit_event set details = ? where (target_type = 'User' and target_id = ?)" + inRegistrations,
                prepend(ERASED, args).toArray());
        if (logonId != null) {
            jdbc.update("update audit_event set actor = ? where actor = ?", placeholder, logonId);
            jdbc.update("update audit_event set on_behalf_of = ? where on_behalf_of = ?", placeholder, logonId);
        }
        for (String text : personal) {
            String pattern = likePattern(text);
            for (Map<String, Object> event : jdbc.queryForList(
                    "select id, details, reason from audit_event "
                            + "where lower(details) like ? escape '\\' or lower(reason) like ? escape '\\'",
                    pattern,
                    pattern)) {
                jdbc.update(
                        "update audit_event set details = ?, reason = ? where id = ?",
                        replace((String) event.get("details"), text, placeholder),
                        replace((String) event.get("reason"), text, placeholder),
                        event.get("id"));
            }
        }
    }

    private static String likePattern(String text) {
        return "%"
                + text.toLowerCase(java.util.Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_") + "%";
    }

    private static List<Object> prepend(Object first, List<Object> rest) {
        List<Object> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static String replace(String text, String personal, String placeholder) {
        return text == null
                ? null
                : text.replaceAll(
                        "(?i)" + java.util.regex.Pattern.quote(personal),
                        java.util.regex.Matcher.quoteReplacement(placeholder));
    }

    /** Logon id, email, full name and phone: replaced wherever other records mention them (at least 3 chars). */
    private static List<String> personalStrings(Map<String, Object> user) {
        List<String> strings = new ArrayList<>();
        String first = (String) user.get("first_name");
        String last = (String) user.get("last_name");
        for (Object value : new Object[] {
            user.get("email"), user.get("logon_id"), first == null ? null : first + " " + last, user.get("phone")
        }) {
            if (value instanceof String text && text.strip().length() >= 3) {
                strings.add(text.strip());
            }
        }
        return strings;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
