package com.b2bflow.approval;

import com.b2bflow.audit.AuditLog;
import com.b2bflow.member.ApprovalGroup;
import com.b2bflow.member.ApprovalGroupRepository;
import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.ApprovalType;
import com.b2bflow.member.Organization;
import com.b2bflow.member.OrganizationRepository;
import com.b2bflow.member.RoleAssignmentRepository;
import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import com.b2bflow.registration.CustomerOrganizations;
import com.b2bflow.shared.InvalidRegistrationException;
import com.b2bflow.shared.Texts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The approvers of an organization's User Registration approval group. A buyer administrator manages the groups
 * of their organization and of the organizations below it, choosing among the active users of their subtree with
 * the Buyer Approver role; seller staff manage any customer organization's group, choosing among the users of the
 * same customer organization tree.
 */
@Service
public class ApprovalGroupAdministration {

    /** Who manages: a signed-in buyer administrator, or a seller staff member. */
    public sealed interface Manager permits BuyerAdministrator, SellerStaff {}

    public record BuyerAdministrator(long userId) implements Manager {}

    public record SellerStaff(String staffId) implements Manager {}

    public record Approver(
            long userId, String logonId, String displayName, long organizationId, String organizationName) {}

    /**
     * @param approvers  the group's approvers (empty when the organization has no group yet)
     * @param candidates the users the manager may add (active, with the Buyer Approver role, not yet approvers)
     */
    public record ApproverGroup(
            long organizationId,
            String organizationName,
            String type,
            List<Approver> approvers,
            List<Approver> candidates) {}

    private record Scope(Organization organization, Set<Long> candidateOrganizationIds, String actor) {}

    private final CustomerOrganizations customerOrganizations;
    private final RegistrationApprovers approvers;
    private final OrganizationRepository organizations;
    private final UserRepository users;
    private final RoleAssignmentRepository roles;
    private final ApprovalGroupRepository approvalGroups;
    private final AuditLog audit;

    public ApprovalGroupAdministration(
            CustomerOrganizations customerOrganizations,
            RegistrationApprovers approvers,
            OrganizationRepository organizations,
            UserRepository users,
            RoleAssignmentRepository roles,
            ApprovalGroupRepository approvalGroups,
            AuditLog audit) {
        this.customerOrganizations = customerOrganizations;
        this.approvers = approvers;
        this.organizations = organizations;
        this.users = users;
        this.roles = roles;
        this.approvalGroups = approvalGroups;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public ApproverGroup view(Manager manager, long organizationId) {
        return view(scope(manager, organizationId));
    }

    /** Adds an approver (idempotent), creating the group when the organization has none. */
    @Transactional
    public ApproverGroup add(Manager manager, long organizationId, long userId) {
        Scope scope = scope(manager, organizationId);
        User approver = candidates(scope).stream()
                .filter(user -> user.getId() == userId)
                .findFirst()
                .or(() -> group(scope)
                        .flatMap(group -> group.getApprovers().stream()
                                .filter(user -> user.getId() == userId)
                                .findFirst()))
                .orElseThrow(() -> InvalidRegistrationException.of(
                        "userId",
                        Texts.text("validation.noSuchApprover", Texts.text("role." + ApprovalRoles.BUYER_APPROVER))));
        ApprovalGroup group = group(scope)
                .orElseGet(() ->
                        approvalGroups.save(new ApprovalGroup(scope.organization(), ApprovalType.UserRegistration)));
        if (group.getApprovers().add(approver)) {
            approvalGroups.saveAndFlush(group);
            audit.record(
                    scope.actor(),
                    "APPROVER_ADDED",
                    "Organization",
                    organizationId,
                    approver.getLogonId() + " approves buyer registrations");
        }
        return view(scope);
    }

    /** Removes an approver (idempotent). */
    @Transactional
    public ApproverGroup remove(Manager manager, long organizationId, long userId) {
        Scope scope = scope(manager, organizationId);
        group(scope)
                .ifPresent(group -> group.getApprovers().stream()
                        .filter(user -> user.getId() == userId)
                        .findFirst()
                        .ifPresent(approver -> {
                            group.getApprovers().remove(approver);
                            approvalGroups.saveAndFlush(group);
                            audit.record(
                                    scope.actor(),
                                    "APPROVER_REMOVED",
                                    "Organization",
                                    organizationId,
                                    approver.getLogonId() + " no longer approves buyer registrations");
                        }));
        return view(scope);
    }

    /**
     * Gives a customer organization a group of each of the given approval types and removes its others, approvers
     * and all; seller staff only (the review chose the first set). Without a User Registration group the
     * organization's self-registering buyers wait for a seller administrator's review again.
     */
    @Transactional
    public List<ApprovalType> setGroupTypes(SellerStaff manager, long organizationId, Set<ApprovalType> types) {
        Scope scope = scope(manager, organizationId);
        List<ApprovalType> before = new ArrayList<>();
        for (ApprovalType type : ApprovalType.values()) {
            Optional<ApprovalGroup> group = approvalGroups.findByOrganizationAndType(scope.organization(), type);
            group.ifPresent(existing -> before.add(type));
            if (types.contains(type) && group.isEmpty()) {
                approvalGroups.save(new ApprovalGroup(scope.organization(), type));
            } else if (!types.contains(type)) {
                group.ifPresent(approvalGroups::delete);
            }
        }
        approvalGroups.flush();
        List<ApprovalType> after =
                Arrays.stream(ApprovalType.values()).filter(types::contains).toList();
        if (!after.equals(before)) {
            audit.record(
                    scope.actor(),
                    "APPROVAL_GROUPS_CHANGED",
                    "Organization",
                    organizationId,
                    "approval groups: " + names(before) + " -> " + names(after));
        }
        return after;
    }

    private static String names(List<ApprovalType> types) {
        return types.isEmpty() ? "none" : types.stream().map(Enum::name).collect(Collectors.joining(", "));
    }

    private Scope scope(Manager manager, long organizationId) {
        Organization organization = organizations
                .findById(organizationId)
                .orElseThrow(() -> new ApprovalNotFoundException("No customer organization with this id"));
        Organization top = customerOrganizations
                .top(organization)
                .orElseThrow(() -> new ApprovalNotFoundException("No customer organization with this id"));
        Set<Long> tree = subtree(top.getId());
        if (manager instanceof SellerStaff staff) {
            return new Scope(organization, tree, staff.staffId());
        }
        User user = users.findById(((BuyerAdministrator) manager).userId())
                .filter(User::isEnabled)
                .orElseThrow(() -> new ApprovalForbiddenException("Only buyer administrators manage approvers"));
        Set<Long> administered = approvers.administeredOrganizationIds(user);
        if (administered.stream().noneMatch(root -> organizations.isWithinSubtree(root, organizationId))) {
            throw new ApprovalForbiddenException(
                    "You are not a buyer administrator of this organization " + "or of one above it");
        }
        Set<Long> own = administered.stream()
                .flatMap(root -> subtree(root).stream())
                .filter(tree::contains)
                .collect(Collectors.toSet());
        return new Scope(organization, own, user.getLogonId());
    }

    private ApproverGroup view(Scope scope) {
        List<User> current =
                group(scope).map(group -> List.copyOf(group.getApprovers())).orElse(List.of());
        return new ApproverGroup(
                scope.organization().getId(),
                scope.organization().getName(),
                ApprovalType.UserRegistration.name(),
                sorted(current),
                sorted(candidates(scope).stream()
                        .filter(user -> !current.contains(user))
                        .toList()));
    }

    private List<User> candidates(Scope scope) {
        if (scope.candidateOrganizationIds().isEmpty()) {
            return List.of();
        }
        return roles.findUsersWithRole(ApprovalRoles.BUYER_APPROVER, scope.candidateOrganizationIds()).stream()
                .filter(user -> user.isEnabled() && user.getRegistrationState() == ApprovalState.APPROVED)
                .toList();
    }

    private Optional<ApprovalGroup> group(Scope scope) {
        return approvalGroups.findByOrganizationAndType(scope.organization(), ApprovalType.UserRegistration);
    }

    private Set<Long> subtree(long rootId) {
        return organizations.findSubtree(rootId).stream()
                .map(Organization::getId)
                .collect(Collectors.toSet());
    }

    private static List<Approver> sorted(List<User> users) {
        return users.stream()
                .sorted(Comparator.comparing(User::getLogonId))
                .map(user -> new Approver(
                        user.getId(),
                        user.getLogonId(),
                        user.getDisplayName(),
                        user.getOrganization().getId(),
                        user.getOrganization().getName()))
                .toList();
    }
}
