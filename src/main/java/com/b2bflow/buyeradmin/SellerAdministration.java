package com.b2bflow.buyeradmin;

import static com.b2bflow.access.AccountAction.DELETE_BUYER;
import static com.b2bflow.access.AccountAction.DELETE_ORGANIZATION;
import static com.b2bflow.access.AccountAction.EDIT_ROLES;
import static com.b2bflow.access.AccountAction.VIEW_ALL_ON_BEHALF_HISTORY;

import com.b2bflow.access.AccountAuthorization;
import com.b2bflow.access.Actor;
import com.b2bflow.access.Target;
import com.b2bflow.audit.AuditEventRepository;
import com.b2bflow.audit.AuditLog;
import com.b2bflow.audit.Changes;
import com.b2bflow.member.Organization;
import com.b2bflow.member.OrganizationRepository;
import com.b2bflow.member.RoleAssignment;
import com.b2bflow.member.RoleAssignmentRepository;
import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import com.b2bflow.registration.GrantableRoles;
import com.b2bflow.registration.RegistrationParents;
import com.b2bflow.registration.RegistrationPolicies;
import com.b2bflow.registration.RegistrationPolicy;
import com.b2bflow.shared.FieldProblem;
import com.b2bflow.shared.InvalidRegistrationException;
import com.b2bflow.shared.RegistrationConflictException;
import com.b2bflow.shared.Texts;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the act-on-behalf rules reserve to seller and site administrators: changing a buyer's roles, deleting buyers and
 * deleting organizations ({@code /api/staff/**}). The storefront asks the same methods with the storefront actor, which
 * {@link AccountAuthorization} always refuses.
 */
@Service
public class SellerAdministration {

    private final AccountAuthorization authorization;
    private final BuyerAdministration buyers;
    private final OrganizationRepository organizations;
    private final UserRepository users;
    private final RoleAssignmentRepository roles;
    private final RegistrationPolicies policies;
    private final RegistrationParents parents;
    private final GrantableRoles grantableRoles;
    private final AuditLog audit;
    private final AuditEventRepository auditEvents;
    private final EntityManager entityManager;
    private final ObjectMapper json;

    public SellerAdministration(
            AccountAuthorization authorization,
            BuyerAdministration buyers,
            OrganizationRepository organizations,
            UserRepository users,
            RoleAssignmentRepository roles,
            RegistrationPolicies policies,
            RegistrationParents parents,
            GrantableRoles grantableRoles,
            AuditLog audit,
            AuditEventRepository auditEvents,
            EntityManager entityManager,
            ObjectMapper json) {
        this.authorization = authorization;
        this.buyers = buyers;
        this.organizations = organizations;
        this.users = users;
        this.roles = roles;
        this.policies = policies;
        this.parents = parents;
        this.grantableRoles = grantableRoles;
        this.audit = audit;
        this.auditEvents = auditEvents;
        this.entityManager = entityManager;
        this.json = json;
    }

    /** The roles the organization's buyer administrators may give, its own or inherited ({@link GrantableRoles}). */
    @Transactional(readOnly = true)
    public OrganizationRoles organizationRoles(Actor actor, long organizationId) {
        authorization.require(actor, EDIT_ROLES, buyers.organizationTarget(organizationId));
        return organizationRoles(organizations.findById(organizationId).orElseThrow());
    }

    /**
     * Replaces the roles the organization's buyer administrators may give to buyers in it and below it; an empty list
     * makes it inherit again. Roles buyers already have stay: this decides what may be given from now on.
     */
    @Transactional
    public OrganizationRoles setOrganizationRoles(Actor actor, long organizationId, List<String> requested) {
        authorization.require(actor, EDIT_ROLES, buyers.organizationTarget(organizationId));
        if (requested == null) {
            throw InvalidRegistrationException.of("roles", Texts.text("validation.grantableRolesMissing"));
        }
        List<String> wanted = knownRoles(requested);
        Organization organization = organizations.findById(organizationId).orElseThrow();
        List<String> before = grantableRoles.own(organization);
        List<String> after = wanted.stream().sorted().toList();
        if (!after.equals(before)) {
            grantableRoles.replace(organization, wanted);
            audit.recordInOrganization(
                    actor.id(),
                    null,
                    null,
                    organizationId,
                    "ORGANIZATION_ROLES_CHANGED",
                    "Organization",
                    organizationId,
                    Changes.json(json, before, after));
        }
        return organizationRoles(organization);
    }

    private OrganizationRoles organizationRoles(Organization organization) {
        GrantableRoles.Resolution resolution = grantableRoles.resolve(organization);
        return new OrganizationRoles(
                organization.getId(),
                organization.getName(),
                resolution.roles(),
                grantableRoles.own(organization),
                resolution.inherited(organization),
                resolution.definedBy().map(Organization::getId).orElse(null));
    }

    /** The requested roles, stripped and without repeats; a 400 naming every role that is not configured. */
    private List<String> knownRoles(List<String> requested) {
        List<String> wanted = requested.stream()
                .filter(r -> r != null && !r.isBlank())
                .map(String::strip)
                .distinct()
                .toList();
        List<FieldProblem> problems = new ArrayList<>();
        wanted.stream()
                .filter(role -> !policies.knownRoles().contains(role))
                .forEach(role -> problems.add(new FieldProblem("roles", Texts.text("validation.unknownRole", role))));
        if (!problems.isEmpty()) {
            throw new InvalidRegistrationException(problems);
        }
        return wanted;
    }

    /** Replaces the user's roles in their organization with known roles. */
    @Transactional
    public BuyerView setRoles(Actor actor, long userId, List<String> requested) {
        authorization.require(actor, EDIT_ROLES, buyers.userTarget(userId));
        List<String> wanted = requested == null ? List.of() : knownRoles(requested);
        User user = users.findById(userId).orElseThrow();
        List<String> before = roles.findByUser(user).stream()
                .map(RoleAssignment::getRole)
                .distinct()
                .sorted()
                .toList();
        Set<String> after = new LinkedHashSet<>(wanted);
        if (!after.equals(new LinkedHashSet<>(before))) {
            roles.deleteByUser(user);
            roles.flush();
            after.forEach(role -> roles.save(RoleAssignment.ofUser(user, user.getOrganization(), role)));
            roles.flush();
            audit.recordInOrganization(
                    actor.id(),
                    null,
                    null,
                    user.getOrganization().getId(),
                    "ROLES_CHANGED",
                    "User",
                    userId,
                    Changes.json(json, before, after.stream().sorted().toList()));
        }
        return buyers.view(user);
    }

    /**
     * Deletes a storefront user and what only they own (roles, addresses, activation tokens, approver
     * memberships); their registrations stay, without the user. Refused (409) while a registration of theirs waits.
     */
    @Transactional
    public void deleteBuyer(Actor actor, long userId) {
        authorization.require(actor, DELETE_BUYER, buyers.userTarget(userId));
        User user = users.findById(userId).orElseThrow();
        long pending = entityManager
                .createQuery("""
                        select count(r) from Registration r
                        where r.user = :user and r.state = com.b2bflow.member.ApprovalState.PENDING""", Long.class)
                .setParameter("user", user)
                .getSingleResult();
        if (pending > 0) {
            throw new RegistrationConflictException("id", Texts.text("conflict.userRegistrationPending"));
        }
        BuyerView before = buyers.view(user);
        Long organizationId = user.getOrganization().getId();
        try {
            entityManager
                    .createQuery(
                            "select g from ApprovalGroup g join g.approvers a where a = :user",
                            com.b2bflow.member.ApprovalGroup.class)
                    .setParameter("user", user)
                    .getResultList()
                    .forEach(group -> group.getApprovers().remove(user));
            entityManager.flush();
            entityManager
                    .createQuery("delete from ActivationToken t where t.user = :user")
                    .setParameter("user", user)
                    .executeUpdate();
            entityManager
                    .createQuery("delete from Address a where a.user = :user")
                    .setParameter("user", user)
                    .executeUpdate();
            entityManager
                    .createQuery("update Registration r set r.user = null where r.user = :user")
                    .setParameter("user", user)
                    .executeUpdate();
            roles.deleteByUser(user);
            roles.flush();
            users.delete(user);
            users.flush();
        } catch (DataIntegrityViolationException | jakarta.persistence.PersistenceException e) {
            throw new RegistrationConflictException("id", Texts.text("conflict.userReferenced"));
        }
        audit.recordInOrganization(
                actor.id(),
                null,
                null,
                organizationId,
                "BUYER_DELETED",
                "User",
                userId,
                Changes.json(json, before, null));
    }

    /**
     * Deletes an empty organization (no buyers, no sub-organizations) with its addresses, roles it may grant,
     * approval groups and accounts. The Root Organization and the registration parents cannot be deleted.
     */
    /**
     * Whether the organization can be deleted now: it holds no registered organizations, sub-organizations or buyers.
     * The staff console offers the deletion only then.
     */
    @Transactional(readOnly = true)
    public boolean deletable(long organizationId) {
        return organizations
                .findById(organizationId)
                .map(organization -> whyNotDeletable(organization) == null)
                .orElse(false);
    }

    /** The 409's message when the organization is in use, else null. */
    private String whyNotDeletable(Organization organization) {
        if (organization.getParent() == null || isRegistrationParent(organization.getId())) {
            return Texts.text("conflict.organizationHoldsRegistrations");
        }
        if (organizations.findSubtree(organization.getId()).size() > 1) {
            return Texts.text("conflict.organizationHasChildren");
        }
        if (!users.findByOrganization(organization).isEmpty()) {
            return Texts.text("conflict.organizationHasBuyers");
        }
        return null;
    }

    @Transactional
    public void deleteOrganization(Actor actor, long organizationId) {
        authorization.require(actor, DELETE_ORGANIZATION, buyers.organizationTarget(organizationId));
        Organization organization = organizations.findById(organizationId).orElseThrow();
        String inUse = whyNotDeletable(organization);
        if (inUse != null) {
            throw new RegistrationConflictException("id", inUse);
        }
        String before = organization.getName();
        Long parentId = organization.getParent().getId();
        entityManager
                .createQuery("delete from Address a where a.organization = :o")
                .setParameter("o", organization)
                .executeUpdate();
        entityManager
                .createQuery("delete from RoleAssignment r where r.organization = :o")
                .setParameter("o", organization)
                .executeUpdate();
        entityManager
                .createQuery(
                        "select g from ApprovalGroup g where g.organization = :o",
                        com.b2bflow.member.ApprovalGroup.class)
                .setParameter("o", organization)
                .getResultList()
                .forEach(entityManager::remove);
        entityManager
                .createQuery("select a from Account a where a.organization = :o", com.b2bflow.account.Account.class)
                .setParameter("o", organization)
                .getResultList()
                .forEach(entityManager::remove);
        entityManager
                .createQuery("update Registration r set r.organization = null where r.organization = :o")
                .setParameter("o", organization)
                .executeUpdate();
        entityManager.flush();
        organizations.delete(organization);
        try {
            organizations.flush();
        } catch (DataIntegrityViolationException | jakarta.persistence.PersistenceException e) {
            throw new RegistrationConflictException("id", Texts.text("conflict.organizationReferenced"));
        }
        audit.recordInOrganization(
                actor.id(),
                null,
                null,
                parentId,
                "ORGANIZATION_DELETED",
                "Organization",
                organizationId,
                Changes.json(json, java.util.Map.of("name", before), null));
    }

    /** Everything customer service did, newest first (staff only). */
    @Transactional(readOnly = true)
    public List<CustomerServiceEvent> customerServiceHistory(Actor actor) {
        authorization.require(actor, VIEW_ALL_ON_BEHALF_HISTORY, Target.none());
        return auditEvents.findByReasonIsNotNullOrderByOccurredAtDescIdDesc(PageRequest.of(0, 500)).stream()
                .map(CustomerServiceEvent::of)
                .toList();
    }

    private boolean isRegistrationParent(long organizationId) {
        for (RegistrationPolicy policy : policies.all()) {
            if (!policy.parentPath().isEmpty() && parents.parentIdFor(policy.type()) == organizationId) {
                return true;
            }
        }
        return false;
    }
}
