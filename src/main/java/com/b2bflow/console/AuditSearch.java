package com.b2bflow.console;

import static com.b2bflow.access.AccountAction.VIEW_AUDIT_LOG;

import com.b2bflow.access.AccountAuthorization;
import com.b2bflow.access.Actor;
import com.b2bflow.access.Target;
import com.b2bflow.audit.AuditEvent;
import com.b2bflow.buyeradmin.MemberSearch;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The audit log for the console's Audit page: newest first, narrowed by an {@link AuditFilter}. */
@Service
class AuditSearch {

    /** At most this many organizations and users stand for a customer text: enough for a person to read through. */
    static final int MAX_CUSTOMERS = 500;

    private final AccountAuthorization authorization;
    private final EntityManager entityManager;

    AuditSearch(AccountAuthorization authorization, EntityManager entityManager) {
        this.authorization = authorization;
        this.entityManager = entityManager;
    }

    @Transactional(readOnly = true)
    public Page<AuditEvent> events(Actor actor, AuditFilter filter, Pageable page) {
        authorization.require(actor, VIEW_AUDIT_LOG, Target.none());
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (filter.actor() != null) {
            conditions.add("lower(e.actor) like :actor escape '\\'");
            parameters.put("actor", MemberSearch.pattern(filter.actor()));
        }
        if (filter.action() != null) {
            conditions.add("e.action = :action");
            parameters.put("action", filter.action());
        }
        if (filter.userId() != null) {
            conditions.add("(e.targetType = 'User' and e.targetId = :userId)");
            parameters.put("userId", String.valueOf(filter.userId()));
        }
        if (filter.organizationId() != null) {
            conditions.add("(e.organizationId = :organizationId"
                    + " or (e.targetType = 'Organization' and e.targetId = :organizationTarget))");
            parameters.put("organizationId", filter.organizationId());
            parameters.put("organizationTarget", String.valueOf(filter.organizationId()));
        }
        if (filter.customer() != null) {
            String pattern = MemberSearch.pattern(filter.customer());
            List<Long> organizations = ids(
                    "select o.id from Organization o where o.nameNormalized like :p escape '\\' order by o.id",
                    pattern);
            List<Long> users = ids(
                    "select u.id from User u where u.logonIdNormalized like :p escape '\\'"
                            + " or lower(u.email) like :p escape '\\' order by u.id",
                    pattern);
            conditions.add("(e.organizationId in :customerOrganizations"
                    + " or (e.targetType = 'Organization' and e.targetId in :customerOrganizationTargets)"
                    + " or (e.targetType = 'User' and e.targetId in :customerUsers)"
                    + " or lower(e.onBehalfOf) like :customer escape '\\')");
            parameters.put("customerOrganizations", organizations);
            parameters.put("customerOrganizationTargets", asText(organizations));
            parameters.put("customerUsers", asText(users));
            parameters.put("customer", pattern);
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        TypedQuery<AuditEvent> select = entityManager.createQuery(
                "select e from AuditEvent e" + where + " order by e.occurredAt desc, e.id desc", AuditEvent.class);
        TypedQuery<Long> count = entityManager.createQuery("select count(e) from AuditEvent e" + where, Long.class);
        parameters.forEach((name, value) -> {
            select.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<AuditEvent> events = select.setFirstResult((int) page.getOffset())
                .setMaxResults(page.getPageSize())
                .getResultList();
        return new PageImpl<>(events, page, count.getSingleResult());
    }

    /**
     * The users and organizations the events name that still exist, as {@code User:12} and {@code Organization:3}: the
     * page links only these (a deleted user's page is a 404).
     */
    @Transactional(readOnly = true)
    public Set<String> existing(List<AuditEvent> events) {
        Set<Long> userIds = new HashSet<>();
        Set<Long> organizationIds = new HashSet<>();
        for (AuditEvent event : events) {
            Long target = number(event.getTargetId());
            if ("User".equals(event.getTargetType()) && target != null) {
                userIds.add(target);
            }
            if ("Organization".equals(event.getTargetType()) && target != null) {
                organizationIds.add(target);
            }
            if (event.getOrganizationId() != null) {
                organizationIds.add(event.getOrganizationId());
            }
        }
        Set<String> existing = new HashSet<>();
        existing("User", "select u.id from User u where u.id in :ids", userIds, existing);
        existing("Organization", "select o.id from Organization o where o.id in :ids", organizationIds, existing);
        return existing;
    }

    private void existing(String type, String jpql, Set<Long> ids, Set<String> into) {
        if (!ids.isEmpty()) {
            entityManager.createQuery(jpql, Long.class).setParameter("ids", ids).getResultList().stream()
                    .map(id -> type + ":" + id)
                    .forEach(into::add);
        }
    }

    private static Long number(String id) {
        try {
            return id == null ? null : Long.valueOf(id);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The actions the log holds, for the filter's choice. */
    @Transactional(readOnly = true)
    public List<String> actions(Actor actor) {
        authorization.require(actor, VIEW_AUDIT_LOG, Target.none());
        return entityManager
                .createQuery("select distinct e.action from AuditEvent e order by e.action", String.class)
                .getResultList();
    }

    /** The ids the query finds; never empty (an id no row has), so that {@code in} has something to compare. */
    private List<Long> ids(String jpql, String pattern) {
        List<Long> ids = new ArrayList<>(entityManager
                .createQuery(jpql, Long.class)
                .setParameter("p", pattern)
                .setMaxResults(MAX_CUSTOMERS)
                .getResultList());
        if (ids.isEmpty()) {
            ids.add(-1L);
        }
        return ids;
    }

    private static List<String> asText(List<Long> ids) {
        return ids.stream().map(String::valueOf).toList();
    }
}
