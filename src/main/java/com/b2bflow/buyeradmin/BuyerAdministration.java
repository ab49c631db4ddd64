package com.b2bflow.buyeradmin;

import static com.b2bflow.access.AccountAction.CREATE_BUYER;
import static com.b2bflow.access.AccountAction.CREATE_ORGANIZATION;
import static com.b2bflow.access.AccountAction.EDIT_BUYER;
import static com.b2bflow.access.AccountAction.EDIT_ORGANIZATION;
import static com.b2bflow.access.AccountAction.EDIT_ROLES;
import static com.b2bflow.access.AccountAction.ENABLE_DISABLE_BUYER;
import static com.b2bflow.access.AccountAction.LIST_BUYERS;
import static com.b2bflow.access.AccountAction.VIEW_BUYER;
import static com.b2bflow.access.AccountAction.VIEW_ON_BEHALF_HISTORY;
import static com.b2bflow.access.AccountAction.VIEW_ORGANIZATION;
import static com.b2bflow.access.AccountAction.VIEW_ORGANIZATIONS;
import static com.b2bflow.shared.Inputs.blankToNull;

import com.b2bflow.access.AccountAuthorization;
import com.b2bflow.access.Actor;
import com.b2bflow.access.Target;
import com.b2bflow.audit.AuditEventRepository;
import com.b2bflow.audit.AuditLog;
import com.b2bflow.audit.Changes;
import com.b2bflow.member.Address;
import com.b2bflow.member.AddressData;
import com.b2bflow.member.AddressRepository;
import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.Names;
import com.b2bflow.member.Organization;
import com.b2bflow.member.OrganizationRepository;
import com.b2bflow.member.OrganizationType;
import com.b2bflow.member.RoleAssignment;
import com.b2bflow.member.RoleAssignmentRepository;
import com.b2bflow.member.Roles;
import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import com.b2bflow.shared.ConstraintProblems;
import com.b2bflow.shared.FieldProblem;
import com.b2bflow.shared.InvalidRegistrationException;
import com.b2bflow.shared.RegistrationConflictException;
import com.b2bflow.shared.Texts;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organizations and Buyers (My Account): what a Buyer Administrator does to their organization's subtree and its
 * buyers, and what a CSR does on their behalf. The storefront pages and {@code /api/me/**} both call this; every
 * method asks {@link AccountAuthorization} first and audits what it changed, with both identities and the CSR's
 * reason when on behalf.
 */
@Service
public class BuyerAdministration {

    private final AccountAuthorization authorization;
    private final OrganizationRepository organizations;
    private final UserRepository users;
    private final RoleAssignmentRepository roles;
    private final AddressRepository addresses;
    private final MemberSearch search;
    private final SuperuserUserCreation creation;
    private final AuditLog audit;
    private final AuditEventRepository auditEvents;
    private final Validator validator;
    private final ObjectMapper json;

    public BuyerAdministration(
            AccountAuthorization authorization,
            OrganizationRepository organizations,
            UserRepository users,
            RoleAssignmentRepository roles,
            AddressRepository addresses,
            MemberSearch search,
            SuperuserUserCreation creation,
            AuditLog audit,
            AuditEventRepository auditEvents,
            Validator validator,
            ObjectMapper json) {
        this.authorization = authorization;
        this.organizations = organizations;
        this.users = users;
        this.roles = roles;
        this.addresses = addresses;
        this.search = search;
        this.creation = creation;
        this.audit = audit;
        this.auditEvents = auditEvents;
        this.validator = validator;
        this.json = json;
    }

    /**
     * The administered hierarchy, parents before children: the whole subtree when {@code parentId} is null, else the
     * children of that organization.
     */
    @Transactional(readOnly = true)
    public List<OrganizationView> organizations(Actor caller, Long parentId) {
        Actor actor = caller.inStorefront();
        authorization.require(
                actor, VIEW_ORGANIZATIONS, parentId == null ? Target.none() : organizationTarget(parentId));
        long rootId = parentId == null ? actor.organizationId() : parentId;
        List<Organization> subtree = organizations.findSubtree(rootId);
        Map<Long, Integer> depth = new HashMap<>();
        List<OrganizationView> views = new ArrayList<>();
        for (Organization organization : subtree) {
            int d = organization.getId() == rootId
                    ? 0
                    : depth.getOrDefault(organization.getParent().getId(), 0) + 1;
            depth.put(organization.getId(), d);
            if (parentId == null || d == 1) {
                views.add(view(organization, d, null));
            }
        }
        return treeOrder(views);
    }

    @Transactional(readOnly = true)
    public OrganizationView organization(Actor caller, long organizationId) {
        authorization.require(caller.inStorefront(), VIEW_ORGANIZATION, organizationTarget(organizationId));
        Organization organization = organizations.findById(organizationId).orElseThrow();
        return view(organization, 0, address(organization));
    }

    /** The organization's ancestors up to the top of the administered subtree, top first (for breadcrumbs). */
    @Transactional(readOnly = true)
    public List<OrganizationView> path(Actor caller, long organizationId) {
        Actor actor = caller.inStorefront();
        authorization.require(actor, VIEW_ORGANIZATION, organizationTarget(organizationId));
        List<OrganizationView> path = new ArrayList<>();
        Organization organization = organizations.findById(organizationId).orElseThrow();
        path.add(view(organization, 0, null));
        if (organization.getId().equals(actor.organizationId())) {
            return path;
        }
        for (Organization ancestor : organizations.findAncestors(organizationId)) {
            path.add(0, view(ancestor, 0, null));
            if (ancestor.getId().equals(actor.organizationId())) {
                break;
            }
        }
        return path;
    }

    @Transactional
    public OrganizationView createOrganization(Actor caller, OrganizationChanges changes) {
        Actor actor = caller.inStorefront();
        Long parentId = changes.parentId() != null ? changes.parentId() : actor.organizationId();
        authorization.require(
                actor, CREATE_ORGANIZATION, parentId == null ? Target.missing() : organizationTarget(parentId));
        List<FieldProblem> problems = validate(changes);
        if (changes.name() == null || changes.name().isBlank()) {
            problems.add(new FieldProblem("name", Texts.text("validation.enterTheOrganizationSName")));
        }
        throwIfAny(problems);
        Organization parent = organizations.findById(parentId).orElseThrow();
        requireUniqueName(parent, changes.name(), null);
        Organization organization =
                new Organization(changes.name(), parent, OrganizationType.OU, ApprovalState.APPROVED);
        applyDetails(organization, changes, new Changes());
        organizations.saveAndFlush(organization);
        if (changes.address() != null && !changes.address().isEmpty()) {
            addresses.save(Address.ofOrganization(organization, changes.address()));
        }
        OrganizationView created = view(organization, 0, changes.address());
        record(
                actor,
                organization.getId(),
                "ORGANIZATION_CREATED",
                "Organization",
                organization.getId(),
                Changes.json(json, null, created));
        return created;
    }

    @Transactional
    public OrganizationView updateOrganization(Actor caller, long organizationId, OrganizationChanges changes) {
        Actor actor = caller.inStorefront();
        authorization.require(actor, EDIT_ORGANIZATION, organizationTarget(organizationId));
        Organization organization = organizations.findById(organizationId).orElseThrow();
        List<FieldProblem> problems = validate(changes);
        if (changes.name() != null && changes.name().isBlank()) {
            problems.add(new FieldProblem("name", Texts.text("validation.enterTheOrganizationSName")));
        }
        Long currentParent = organization.getParent() == null
                ? null
                : organization.getParent().getId();
        if (changes.parentId() != null && !changes.parentId().equals(currentParent)) {
            problems.add(new FieldProblem("parentId", Texts.text("validation.organizationNotMovable")));
        }
        throwIfAny(problems);
        Changes changed = new Changes();
        if (changes.name() != null
                && changed.record("name", organization.getName(), changes.name().strip())) {
            requireUniqueName(organization.getParent(), changes.name(), organization.getId());
            organization.rename(changes.name());
        }
        applyDetails(organization, changes, changed);
        AddressData address = address(organization);
        if (changes.address() != null && changed.record("address", summary(address), summary(changes.address()))) {
            addresses.findFirstByOrganization(organization).ifPresent(addresses::delete);
            addresses.flush();
            if (!changes.address().isEmpty()) {
                addresses.save(Address.ofOrganization(organization, changes.address()));
            }
            address = changes.address();
        }
        organizations.saveAndFlush(organization);
        if (!changed.isEmpty()) {
            record(
                    actor,
                    organization.getId(),
                    "ORGANIZATION_UPDATED",
                    "Organization",
                    organization.getId(),
                    changed.json(json));
        }
        return view(organization, 0, address);
    }

    @Transactional(readOnly = true)
    public List<BuyerView> buyers(Actor caller, long organizationId, String query) {
        authorization.require(caller.inStorefront(), LIST_BUYERS, organizationTarget(organizationId));
        List<User> found = query == null || query.isBlank()
                ? search.buyersOf(organizationId)
                : search.buyersOf(organizationId, MemberSearch.pattern(query));
        return found.stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public BuyerView buyer(Actor caller, long userId) {
        authorization.require(caller.inStorefront(), VIEW_BUYER, userTarget(userId));
        return view(users.findById(userId).orElseThrow());
    }

    /**
     * The roles a buyer of the organization can be given at creation: the roles the organization may grant (a seller
     * administrator assigns them; an organization without its own takes those of the nearest one above it).
     */
    @Transactional(readOnly = true)
    public List<String> selectableRoles(Actor caller, Long organizationId) {
        authorization.require(
                caller.inStorefront(),
                VIEW_ORGANIZATION,
                organizationId == null ? Target.missing() : organizationTarget(organizationId));
        return creation.selectableRoles(organizations.findById(organizationId).orElseThrow());
    }

    /** Creates a buyer in the organization: the {@code superuserUserCreation} flow. */
    @Transactional
    public CreatedBuyer createBuyer(Actor caller, long organizationId, NewBuyer data) {
        Actor actor = caller.inStorefront();
        authorization.require(actor, CREATE_BUYER, organizationTarget(organizationId));
        List<FieldProblem> problems = new ArrayList<>();
        problems.addAll(ConstraintProblems.of(validator.validate(data)));
        throwIfAny(problems);
        Organization organization = organizations.findById(organizationId).orElseThrow();
        SuperuserUserCreation.Created created = creation.create(actor, organization, data);
        BuyerView view = view(created.buyer());
        record(actor, organizationId, "BUYER_CREATED", "User", view.id(), Changes.json(json, null, view));
        return new CreatedBuyer(view, created.registrationId());
    }

    /**
     * Changes a buyer's details ({@link com.b2bflow.access.AccountAction#EDIT_BUYER}) and enables or disables them
     * ({@link com.b2bflow.access.AccountAction#ENABLE_DISABLE_BUYER}). Roles cannot change here: a buyer administrator
     * (or a CSR on their behalf) is refused with 403.
     */
    @Transactional
    public BuyerView updateBuyer(Actor caller, long userId, BuyerChanges changes) {
        Actor actor = caller.inStorefront();
        Target target = userTarget(userId);
        boolean details = changes.firstName() != null
                || changes.middleName() != null
                || changes.lastName() != null
                || changes.email() != null
                || changes.phone() != null
                || changes.preferredLanguage() != null;
        if (changes.roles() != null) {
            authorization.require(actor, EDIT_ROLES, target);
        }
        if (details) {
            authorization.require(actor, EDIT_BUYER, target);
        }
        if (changes.enabled() != null) {
            authorization.require(actor, ENABLE_DISABLE_BUYER, target);
        }
        if (!details && changes.enabled() == null) {
            authorization.require(actor, VIEW_BUYER, target);
        }
        List<FieldProblem> problems = new ArrayList<>();
        problems.addAll(ConstraintProblems.of(validator.validate(changes)));
        throwIfAny(problems);
        User buyer = users.findById(userId).orElseThrow();
        if (Boolean.FALSE.equals(changes.enabled()) && buyer.getId().equals(actor.userId())) {
            throw new RegistrationConflictException(
                    "enabled", Texts.text(actor.isOnBehalf() ? "conflict.disableOwnOnBehalf" : "conflict.disableOwn"));
        }
        Changes changed = new Changes();
        if (changes.firstName() != null
                && changed.record("firstName", buyer.getFirstName(), blankToNull(changes.firstName()))) {
            buyer.setFirstName(blankToNull(changes.firstName()));
        }
        if (changes.middleName() != null
                && changed.record("middleName", buyer.getMiddleName(), blankToNull(changes.middleName()))) {
            buyer.setMiddleName(blankToNull(changes.middleName()));
        }
        if (changes.lastName() != null
                && changed.record(
                        "lastName", buyer.getLastName(), changes.lastName().strip())) {
            buyer.setLastName(changes.lastName().strip());
        }
        if (changes.email() != null
                && changed.record("email", buyer.getEmail(), changes.email().strip())) {
            buyer.setEmail(changes.email().strip());
        }
        if (changes.phone() != null && changed.record("phone", buyer.getPhone(), blankToNull(changes.phone()))) {
            buyer.setPhone(blankToNull(changes.phone()));
        }
        if (changes.preferredLanguage() != null
                && changed.record(
                        "preferredLanguage", buyer.getPreferredLanguage(), blankToNull(changes.preferredLanguage()))) {
            buyer.setPreferredLanguage(blankToNull(changes.preferredLanguage()));
        }
        boolean enabling = changes.enabled() != null && changed.record("enabled", buyer.isEnabled(), changes.enabled());
        if (enabling) {
            buyer.setEnabled(changes.enabled());
        }
        users.saveAndFlush(buyer);
        if (!changed.isEmpty()) {
            String action = enabling && changed.size() == 1
                    ? (changes.enabled() ? "BUYER_ENABLED" : "BUYER_DISABLED")
                    : "BUYER_UPDATED";
            record(actor, buyer.getOrganization().getId(), action, "User", buyer.getId(), changed.json(json));
        }
        return view(buyer);
    }

    /** What customer service did in the organization and below it, newest first. */
    @Transactional(readOnly = true)
    public List<CustomerServiceEvent> customerServiceHistory(Actor caller, long organizationId) {
        authorization.require(caller.inStorefront(), VIEW_ON_BEHALF_HISTORY, organizationTarget(organizationId));
        List<Long> ids = organizations.findSubtree(organizationId).stream()
                .map(Organization::getId)
                .toList();
        return auditEvents
                .findByReasonIsNotNullAndOrganizationIdInOrderByOccurredAtDescIdDesc(ids, PageRequest.of(0, 200))
                .stream()
                .map(CustomerServiceEvent::of)
                .toList();
    }

    /** Refuses unless the actor may take the action in the organization (for pages that show a form first). */
    @Transactional(readOnly = true)
    public void check(Actor caller, com.b2bflow.access.AccountAction action, long organizationId) {
        authorization.require(caller.inStorefront(), action, organizationTarget(organizationId));
    }

    /** The target of an action on an organization, for {@link AccountAuthorization}. */
    Target organizationTarget(long organizationId) {
        return organizations.existsById(organizationId) ? Target.organization(organizationId) : Target.missing();
    }

    /** The target of an action on a user, for {@link AccountAuthorization}. */
    public Target userTarget(long userId) {
        Optional<User> user = users.findById(userId);
        return user.map(u -> Target.user(u.getOrganization().getId(), Roles.administers(roleNames(u))))
                .orElse(Target.missing());
    }

    private void record(
            Actor actor, Long organizationId, String action, String targetType, Object targetId, String details) {
        audit.recordInOrganization(
                actor.id(), actor.onBehalfOf(), actor.reason(), organizationId, action, targetType, targetId, details);
    }

    private List<FieldProblem> validate(OrganizationChanges changes) {
        List<FieldProblem> problems = new ArrayList<>();
        problems.addAll(ConstraintProblems.of(validator.validate(changes)));
        return problems;
    }

    private static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(FieldProblem::field));
            throw new InvalidRegistrationException(problems);
        }
    }

    private void requireUniqueName(Organization parent, String name, Long exceptId) {
        organizations
                .findByParentAndNameNormalized(parent, Names.normalize(name))
                .filter(existing -> !existing.getId().equals(exceptId))
                .ifPresent(existing -> {
                    throw new RegistrationConflictException("name", Texts.text("conflict.organizationNameTakenHere"));
                });
    }

    private static void applyDetails(Organization organization, OrganizationChanges changes, Changes changed) {
        if (changes.description() != null
                && changed.record("description", organization.getDescription(), blankToNull(changes.description()))) {
            organization.setDescription(blankToNull(changes.description()));
        }
        if (changes.businessCategory() != null
                && changed.record(
                        "businessCategory",
                        organization.getBusinessCategory(),
                        blankToNull(changes.businessCategory()))) {
            organization.setBusinessCategory(blankToNull(changes.businessCategory()));
        }
        if (changes.taxId() != null && changed.record("taxId", organization.getTaxId(), blankToNull(changes.taxId()))) {
            organization.setTaxId(blankToNull(changes.taxId()));
        }
        String domain = changes.emailDomain() == null ? null : Names.normalize(blankToNull(changes.emailDomain()));
        if (changes.emailDomain() != null && changed.record("emailDomain", organization.getEmailDomain(), domain)) {
            organization.setEmailDomain(domain);
        }
    }

    private AddressData address(Organization organization) {
        return addresses
                .findFirstByOrganization(organization)
                .map(Address::toData)
                .orElse(null);
    }

    private static String summary(AddressData address) {
        return address == null
                ? null
                : blankToNull(new Address(address).summary()
                        + (address.phone() == null || address.phone().isBlank() ? "" : ", " + address.phone()));
    }

    private OrganizationView view(Organization organization, int depth, AddressData address) {
        return new OrganizationView(
                organization.getId(),
                organization.getParent() == null
                        ? null
                        : organization.getParent().getId(),
                organization.getName(),
                organization.getType().name(),
                organization.getState().name(),
                organization.getDescription(),
                organization.getBusinessCategory(),
                organization.getTaxId(),
                organization.getEmailDomain(),
                address,
                depth);
    }

    BuyerView view(User user) {
        return new BuyerView(
                user.getId(),
                user.getLogonId(),
                user.getFirstName(),
                user.getMiddleName(),
                user.getLastName(),
                user.getEmail(),
                user.getPhone(),
                user.getPreferredLanguage(),
                user.isEnabled(),
                user.getRegistrationState().name(),
                roleNames(user),
                user.getOrganization().getId(),
                user.getOrganization().getName(),
                user.getPasswordHash() != null,
                user.getLastLoginAt(),
                user.getCreatedAt());
    }

    private List<String> roleNames(User user) {
        return roles.findByUser(user).stream()
                .map(RoleAssignment::getRole)
                .distinct()
                .sorted()
                .toList();
    }

    /** Depth-first order (each organization followed by its descendants), siblings by name. */
    private static List<OrganizationView> treeOrder(List<OrganizationView> views) {
        Map<Long, List<OrganizationView>> children = new HashMap<>();
        java.util.Set<Long> ids = new java.util.HashSet<>();
        views.forEach(v -> ids.add(v.id()));
        List<OrganizationView> roots = new ArrayList<>();
        for (OrganizationView view : views) {
            if (view.parentId() != null && ids.contains(view.parentId())) {
                children.computeIfAbsent(view.parentId(), k -> new ArrayList<>())
                        .add(view);
            } else {
                roots.add(view);
            }
        }
        List<OrganizationView> ordered = new ArrayList<>();
        roots.sort(Comparator.comparing(v -> v.name().toLowerCase(java.util.Locale.ROOT)));
        roots.forEach(root -> visit(root, children, ordered));
        return ordered;
    }

    private static void visit(
            OrganizationView view, Map<Long, List<OrganizationView>> children, List<OrganizationView> ordered) {
        ordered.add(view);
        List<OrganizationView> kids = new ArrayList<>(children.getOrDefault(view.id(), List.of()));
        kids.sort(Comparator.comparing(v -> v.name().toLowerCase(java.util.Locale.ROOT)));
        kids.forEach(kid -> visit(kid, children, ordered));
    }

    public record CreatedBuyer(BuyerView buyer, String registrationId) {}
}
