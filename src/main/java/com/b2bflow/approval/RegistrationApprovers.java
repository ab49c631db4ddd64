package com.b2bflow.approval;

import com.b2bflow.member.ApprovalGroup;
import com.b2bflow.member.ApprovalGroupRepository;
import com.b2bflow.member.ApprovalType;
import com.b2bflow.member.Organization;
import com.b2bflow.member.RoleAssignment;
import com.b2bflow.member.RoleAssignmentRepository;
import com.b2bflow.member.User;
import com.b2bflow.registration.CustomerOrganizations;
import com.b2bflow.registration.Registration;
import com.b2bflow.registration.RegistrationFlow;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who decides a buyer registration, as HCL resolves it: walk up from the buyer's organization to the nearest
 * organization whose User Registration approval group has approvers; those approvers decide, and so does any
 * Buyer Administrator of that organization or of one above it. Resolved from the current groups each time, so
 * approvers added or removed later take over pending requests.
 */
@Service
public class RegistrationApprovers {

    private final CustomerOrganizations customerOrganizations;
    private final ApprovalGroupRepository approvalGroups;
    private final RoleAssignmentRepository roles;

    public RegistrationApprovers(
            CustomerOrganizations customerOrganizations,
            ApprovalGroupRepository approvalGroups,
            RoleAssignmentRepository roles) {
        this.customerOrganizations = customerOrganizations;
        this.approvalGroups = approvalGroups;
        this.roles = roles;
    }

    /**
     * @param lineage the buyer's organization and its ancestors, nearest first
     * @param level   index in {@code lineage} of the organization whose approvers decide (0 when none has any)
     * @param group   that organization's approval group, empty when no organization has approvers
     */
    public record Resolution(List<Organization> lineage, int level, Optional<ApprovalGroup> group) {

        public Organization approvingOrganization() {
            return lineage.get(level);
        }

        public List<User> approvers() {
            return group.map(g -> List.copyOf(g.getApprovers())).orElse(List.of());
        }
    }

    @Transactional(readOnly = true)
    public Resolution resolve(Organization organization) {
        List<Organization> lineage = customerOrganizations.lineage(organization);
        Map<Long, ApprovalGroup> groups = approvalGroups
                .findByTypeAndOrganizationIdIn(
                        ApprovalType.UserRegistration,
                        lineage.stream().map(Organization::getId).toList())
                .stream()
                .collect(Collectors.toMap(g -> g.getOrganization().getId(), Function.identity()));
        for (int level = 0; level < lineage.size(); level++) {
            ApprovalGroup group = groups.get(lineage.get(level).getId());
            if (group != null && !group.getApprovers().isEmpty()) {
                return new Resolution(lineage, level, Optional.of(group));
            }
        }
        return new Resolution(lineage, 0, Optional.empty());
    }

    /** Whether anyone must approve: an organization at or above the buyer's has registration approvers. */
    @Transactional(readOnly = true)
    public boolean approversFound(Organization organization) {
        return resolve(organization).group().isPresent();
    }

    /**
     * Who to tell about a pending registration: the resolved approvers, or when the group lost its last approver
     * meanwhile, the nearest buyer administrators at or above the buyer's organization.
     */
    @Transactional(readOnly = true)
    public List<User> deciders(Registration registration) {
        Resolution resolution = resolve(registration.getOrganization());
        if (!resolution.approvers().isEmpty()) {
            return resolution.approvers().stream().filter(User::isEnabled).toList();
        }
        for (Organization organization : resolution.lineage()) {
            List<User> admins =
                    roles.findUsersWithRole(ApprovalRoles.BUYER_ADMINISTRATOR, Set.of(organization.getId())).stream()
                            .filter(User::isEnabled)
                            .toList();
            if (!admins.isEmpty()) {
                return admins;
            }
        }
        return List.of();
    }

    /**
     * Whether the user may decide the buyer registration: one of its resolved approvers, or a Buyer Administrator
     * of the approving organization or of one above it; never the registering buyer, never a disabled user.
     */
    @Transactional(readOnly = true)
    public boolean mayDecide(User user, Registration registration) {
        if (registration.getFlow() != RegistrationFlow.BUYER
                || !user.isEnabled()
                || user.getId().equals(registration.getUser().getId())) {
            return false;
        }
        Resolution resolution = resolve(registration.getOrganization());
        if (resolution.approvers().stream()
                .anyMatch(approver -> approver.getId().equals(user.getId()))) {
            return true;
        }
        Set<Long> adminOf = administeredOrganizationIds(user);
        return resolution
                .lineage()
                .subList(resolution.level(), resolution.lineage().size())
                .stream()
                .anyMatch(organization -> adminOf.contains(organization.getId()));
    }

    /** The organizations in which the user is a Buyer Administrator. */
    @Transactional(readOnly = true)
    public Set<Long> administeredOrganizationIds(User user) {
        return roles.findByUser(user).stream()
                .filter(role -> ApprovalRoles.BUYER_ADMINISTRATOR.equals(role.getRole()))
                .map(RoleAssignment::getOrganization)
                .map(Organization::getId)
                .collect(Collectors.toSet());
    }

    /** The organizations whose User Registration approval group has the user as approver. */
    @Transactional(readOnly = true)
    public Set<Long> approverOfOrganizationIds(User user) {
        return approvalGroups.findByTypeAndApprover(ApprovalType.UserRegistration, user.getId()).stream()
                .map(group -> group.getOrganization().getId())
                .collect(Collectors.toSet());
    }
}
