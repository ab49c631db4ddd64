package com.b2bflow.console;

import com.b2bflow.account.AccountRepository;
import com.b2bflow.account.Contracts;
import com.b2bflow.approval.ApprovalGroupAdministration;
import com.b2bflow.approval.ApprovalGroupAdministration.ApproverGroup;
import com.b2bflow.approval.ApprovalGroupAdministration.SellerStaff;
import com.b2bflow.audit.AuditEventRepository;
import com.b2bflow.buyeradmin.CustomerServiceEvent;
import com.b2bflow.console.OrganizationPage.AccountRow;
import com.b2bflow.console.OrganizationPage.GroupRow;
import com.b2bflow.console.OrganizationPage.Link;
import com.b2bflow.console.OrganizationPage.Person;
import com.b2bflow.console.OrganizationPage.Summary;
import com.b2bflow.member.ApprovalGroupRepository;
import com.b2bflow.member.ApprovalType;
import com.b2bflow.member.Organization;
import com.b2bflow.member.OrganizationRepository;
import com.b2bflow.member.RoleAssignment;
import com.b2bflow.member.RoleAssignmentRepository;
import com.b2bflow.member.Roles;
import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import com.b2bflow.registration.CustomerOrganizations;
import com.b2bflow.registration.GrantableRoles;
import com.b2bflow.registration.RegistrationOverview;
import com.b2bflow.registration.RegistrationPolicies;
import com.b2bflow.registration.RegistrationSearch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Puts together the staff console's picture of one organization from the services and records that own each part:
 * the tree, the members, accounts and contracts, approval groups and approvers, the roles it may grant, its
 * registrations with their waiting step, the customer-service history and the audit trail. Reads only: the page's
 * actions go to the services behind the staff API.
 */
@Service
class OrganizationOverview {

    private static final int HISTORY_SIZE = 20;

    private final OrganizationRepository organizations;
    private final UserRepository users;
    private final RoleAssignmentRepository roles;
    private final AccountRepository accounts;
    private final Contracts contracts;
    private final ApprovalGroupRepository approvalGroups;
    private final ApprovalGroupAdministration approvers;
    private final GrantableRoles grantableRoles;
    private final RegistrationPolicies policies;
    private final RegistrationOverview registrations;
    private final AuditEventRepository auditEvents;
    private final CustomerOrganizations customerOrganizations;

    OrganizationOverview(
            OrganizationRepository organizations,
            UserRepository users,
            RoleAssignmentRepository roles,
            AccountRepository accounts,
            Contracts contracts,
            ApprovalGroupRepository approvalGroups,
            ApprovalGroupAdministration approvers,
            GrantableRoles grantableRoles,
            RegistrationPolicies policies,
            RegistrationOverview registrations,
            AuditEventRepository auditEvents,
            CustomerOrganizations customerOrganizations) {
        this.organizations = organizations;
        this.users = users;
        this.roles = roles;
        this.accounts = accounts;
        this.contracts = contracts;
        this.approvalGroups = approvalGroups;
        this.approvers = approvers;
        this.grantableRoles = grantableRoles;
        this.policies = policies;
        this.registrations = registrations;
        this.auditEvents = auditEvents;
        this.customerOrganizations = customerOrganizations;
    }

    /** The pages of its lists that the staff member turned to: children, people, registrations, audit trail. */
    record Pages(Pageable children, Pageable people, Pageable registrations, Pageable audit) {

        static Pages first() {
            Pageable first = PageView.request(0, null);
            return new Pages(first, first, first, first);
        }
    }

    @Transactional(readOnly = true)
    OrganizationPage view(long id, String staffId, Pages pages) {
        Organization organization = organizations
                .findById(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No organization with this id"));
        List<Link> path = new ArrayList<>(organizations.findAncestors(id).stream()
                .map(OrganizationOverview::link)
                .toList());
        Collections.reverse(path);
        return new OrganizationPage(
                summary(organization),
                path,
                organizations.findByParentIdOrderByName(id, pages.children()).map(OrganizationOverview::link),
                users.findByOrganizationIdOrderByLogonIdNormalized(id, pages.people())
                        .map(this::person),
                accounts.findByOrganization(organization).stream()
                        .map(a -> new AccountRow(
                                a.getId(), a.getName(), a.getState().name()))
                        .toList(),
                contracts.of(id),
                Arrays.stream(ApprovalType.values())
                        .flatMap(type -> approvalGroups.findByOrganizationAndType(organization, type).stream())
                        .map(group -> new GroupRow(
                                group.getType().name(),
                                group.getApprovers().stream()
                                        .map(User::getLogonId)
                                        .sorted()
                                        .toList()))
                        .toList(),
                approvers(organization, staffId),
                roles(organization),
                registrations.find(RegistrationSearch.ofOrganization(id), pages.registrations()),
                auditEvents
                        .findByReasonIsNotNullAndOrganizationIdInOrderByOccurredAtDescIdDesc(
                                List.of(id), PageRequest.of(0, HISTORY_SIZE))
                        .stream()
                        .map(CustomerServiceEvent::of)
                        .toList(),
                auditEvents.findConcerningOrganization(id, String.valueOf(id), pages.audit()));
    }

    /** The organization above, null for the Root Organization or an unknown id. */
    @Transactional(readOnly = true)
    Long parentOf(long id) {
        return organizations
                .findById(id)
                .map(Organization::getParent)
                .map(Organization::getId)
                .orElse(null);
    }

    /** The registration approvers, for a customer organization only (the seller's own organizations have none). */
    private ApproverGroup approvers(Organization organization, String staffId) {
        return customerOrganizations.isCustomerOrganization(organization)
                ? approvers.view(new SellerStaff(staffId), organization.getId())
                : null;
    }

    private OrganizationPage.Roles roles(Organization organization) {
        GrantableRoles.Resolution resolution = grantableRoles.resolve(organization);
        return new OrganizationPage.Roles(
                resolution.roles(),
                grantableRoles.own(organization),
                resolution.inherited(organization),
                resolution.definedBy().map(Organization::getId).orElse(null),
                policies.knownRoles().stream().sorted().toList());
    }

    private Person person(User user) {
        List<String> names = roles.findByUser(user).stream()
                .map(RoleAssignment::getRole)
                .distinct()
                .sorted()
                .toList();
        return new Person(
                user.getId(),
                user.getLogonId(),
                user.getDisplayName(),
                user.getEmail(),
                names,
                Roles.administers(names),
                user.getRegistrationState() == null
                        ? null
                        : user.getRegistrationState().name(),
                user.isEnabled(),
                user.isLocked(Instant.now()));
    }

    private static Link link(Organization organization) {
        return new Link(
                organization.getId(),
                organization.getName(),
                organization.getState() == null ? null : organization.getState().name());
    }

    private static Summary summary(Organization o) {
        return new Summary(
                o.getId(),
                o.getName(),
                o.getType() == null ? null : o.getType().name(),
                o.getState() == null ? null : o.getState().name(),
                o.getDescription(),
                o.getBusinessCategory(),
                o.getTaxId(),
                o.getEmailDomain(),
                o.getEmail(),
                o.getErpCustomerNumber(),
                o.getCreatedAt());
    }
}
