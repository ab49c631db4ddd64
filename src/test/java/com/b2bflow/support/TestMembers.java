package com.b2bflow.support;

import com.b2bflow.member.ApprovalGroup;
import com.b2bflow.member.ApprovalGroupRepository;
import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.ApprovalType;
import com.b2bflow.member.Organization;
import com.b2bflow.member.OrganizationRepository;
import com.b2bflow.member.OrganizationType;
import com.b2bflow.member.ProfileType;
import com.b2bflow.member.RoleAssignment;
import com.b2bflow.member.RoleAssignmentRepository;
import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import com.b2bflow.registration.RegistrationParents;
import com.b2bflow.registration.RegistrationType;
import com.b2bflow.security.BuyerPrincipal;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Customer organizations, their users and approval groups, written straight to the member tables: fixtures for
 * tests that must not run other flows (a process test's coverage counts every process it starts).
 */
@Component
public class TestMembers {

    private final OrganizationRepository organizations;
    private final UserRepository users;
    private final RoleAssignmentRepository roles;
    private final ApprovalGroupRepository approvalGroups;
    private final RegistrationParents parents;
    private final TransactionTemplate transactions;

    public TestMembers(
            OrganizationRepository organizations,
            UserRepository users,
            RoleAssignmentRepository roles,
            ApprovalGroupRepository approvalGroups,
            RegistrationParents parents,
            TransactionTemplate transactions) {
        this.organizations = organizations;
        this.users = users;
        this.roles = roles;
        this.approvalGroups = approvalGroups;
        this.parents = parents;
        this.transactions = transactions;
    }

    /** An approved buyer organization, as organization self-registration leaves it, with a unique name. */
    public Organization buyerOrganization() {
        return organization(
                TestRegistrations.unique("org") + " Corp",
                parents.parentIdFor(RegistrationType.BuyerRegistration),
                OrganizationType.O,
                ApprovalState.APPROVED);
    }

    public Organization subOrganization(Organization parent, String name) {
        return organization(name, parent.getId(), OrganizationType.OU, ApprovalState.APPROVED);
    }

    public Organization organization(String name, long parentId, OrganizationType type, ApprovalState state) {
        return transactions.execute(status -> organizations.saveAndFlush(
                new Organization(name, organizations.getReferenceById(parentId), type, state)));
    }

    /** An approved, enabled user with password {@link TestRegistrations#PASSWORD} and these roles. */
    public User user(Organization organization, String... roleNames) {
        return transactions.execute(status -> {
            String logonId = TestRegistrations.unique("user");
            User user = new User(logonId, organizations.getReferenceById(organization.getId()), ProfileType.B);
            user.setFirstName("Test");
            user.setLastName(logonId);
            user.setEmail(logonId + "@buyers.example.com");
            user.setPasswordHash(TestPasswords.hash());
            user.approve();
            users.saveAndFlush(user);
            for (String role : roleNames) {
                roles.save(RoleAssignment.ofUser(user, user.getOrganization(), role));
            }
            return user;
        });
    }

    /** Makes the users the approvers of the organization's User Registration approval group (creating it). */
    public void approvers(Organization organization, User... approvers) {
        transactions.executeWithoutResult(status -> {
            Organization org = organizations.getReferenceById(organization.getId());
            ApprovalGroup group = approvalGroups
                    .findByOrganizationAndType(org, ApprovalType.UserRegistration)
                    .orElseGet(() -> approvalGroups.save(new ApprovalGroup(org, ApprovalType.UserRegistration)));
            for (User approver : approvers) {
                group.getApprovers().add(users.getReferenceById(approver.getId()));
            }
        });
    }

    public static BuyerPrincipal principal(User user) {
        return new BuyerPrincipal(
                user.getId(),
                user.getLogonId(),
                user.getDisplayName(),
                user.getPasswordHash(),
                user.getRegistrationState(),
                user.isEnabled());
    }
}
