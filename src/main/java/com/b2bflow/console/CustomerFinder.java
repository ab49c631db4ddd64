package com.b2bflow.console;

import static com.b2bflow.access.AccountAction.FIND_CUSTOMERS;

import com.b2bflow.access.AccountAuthorization;
import com.b2bflow.access.Actor;
import com.b2bflow.access.Target;
import com.b2bflow.buyeradmin.MemberSearch;
import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.Organization;
import com.b2bflow.member.User;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Find: one query text over users (name, logon id, email, their organization's name or tax id) and organizations
 * (name, tax id, email, email domain), optionally narrowed to one registration state. A blank text finds everything
 * in that state, so "every pending organization" is a search too.
 */
@Service
class CustomerFinder {

    private static final String USER_TEXT = """
            (u.logonIdNormalized like :pattern escape '\\' or lower(u.email) like :pattern escape '\\'
             or lower(u.firstName) like :pattern escape '\\' or lower(u.lastName) like :pattern escape '\\'
             or lower(concat(coalesce(u.firstName, ''), ' ', u.lastName)) like :pattern escape '\\'
             or o.nameNormalized like :pattern escape '\\' or lower(o.taxId) like :pattern escape '\\')""";

    private static final String ORGANIZATION_TEXT = """
            (o.nameNormalized like :pattern escape '\\' or lower(o.taxId) like :pattern escape '\\'
             or lower(o.email) like :pattern escape '\\' or lower(o.emailDomain) like :pattern escape '\\')""";

    private final AccountAuthorization authorization;
    private final EntityManager entityManager;
    private final OrganizationPaths paths;
    private final OpenRegistrations registrations;

    CustomerFinder(
            AccountAuthorization authorization,
            EntityManager entityManager,
            OrganizationPaths paths,
            OpenRegistrations registrations) {
        this.authorization = authorization;
        this.entityManager = entityManager;
        this.paths = paths;
        this.registrations = registrations;
    }

    @Transactional(readOnly = true)
    public Page<FoundUser> users(Actor actor, String query, ApprovalState state, Pageable page) {
        authorization.require(actor, FIND_CUSTOMERS, Target.none());
        String where = " from User u join u.organization o where " + USER_TEXT
                + (state == null ? "" : " and u.registrationState = :state");
        List<User> users = page(
                        entityManager.createQuery(
                                "select u" + where + " order by lower(u.lastName), lower(u.firstName), u.id",
                                User.class),
                        query,
                        state,
                        page)
                .getResultList();
        long total = count("select count(u)" + where, query, state);
        Map<Long, List<OpenRegistration>> open =
                registrations.ofUsers(users.stream().map(User::getId).toList());
        Instant now = Instant.now();
        return new PageImpl<>(
                users.stream()
                        .map(u -> new FoundUser(
                                u.getId(),
                                u.getDisplayName(),
                                u.getLogonId(),
                                u.getEmail(),
                                u.getOrganization().getId(),
                                paths.pathOf(u.getOrganization()),
                                u.getRegistrationState(),
                                u.isEnabled(),
                                u.isLocked(now),
                                open.getOrDefault(u.getId(), List.of())))
                        .toList(),
                page,
                total);
    }

    @Transactional(readOnly = true)
    public Page<FoundOrganization> organizations(Actor actor, String query, ApprovalState state, Pageable page) {
        authorization.require(actor, FIND_CUSTOMERS, Target.none());
        String where =
                " from Organization o where " + ORGANIZATION_TEXT + (state == null ? "" : " and o.state = :state");
        List<Organization> organizations = page(
                        entityManager.createQuery(
                                "select o" + where + " order by o.nameNormalized, o.id", Organization.class),
                        query,
                        state,
                        page)
                .getResultList();
        long total = count("select count(o)" + where, query, state);
        Map<Long, List<OpenRegistration>> open = registrations.ofOrganizations(
                organizations.stream().map(Organization::getId).toList());
        return new PageImpl<>(
                organizations.stream()
                        .map(o -> new FoundOrganization(
                                o.getId(),
                                o.getName(),
                                o.getTaxId(),
                                paths.pathAbove(o),
                                o.getState(),
                                open.getOrDefault(o.getId(), List.of())))
                        .toList(),
                page,
                total);
    }

    private <T> TypedQuery<T> page(TypedQuery<T> select, String query, ApprovalState state, Pageable page) {
        return bind(select, query, state).setFirstResult((int) page.getOffset()).setMaxResults(page.getPageSize());
    }

    private long count(String jpql, String query, ApprovalState state) {
        return bind(entityManager.createQuery(jpql, Long.class), query, state).getSingleResult();
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> typed, String query, ApprovalState state) {
        typed.setParameter("pattern", query == null || query.isBlank() ? "%" : MemberSearch.pattern(query));
        if (state != null) {
            typed.setParameter("state", state);
        }
        return typed;
    }
}
