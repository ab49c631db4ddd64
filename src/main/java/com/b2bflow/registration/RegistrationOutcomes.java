package com.b2bflow.registration;

import com.b2bflow.account.Account;
import com.b2bflow.account.AccountRepository;
import com.b2bflow.account.AccountState;
import com.b2bflow.account.Contracts;
import com.b2bflow.audit.AuditLog;
import com.b2bflow.member.ApprovalGroup;
import com.b2bflow.member.ApprovalGroupRepository;
import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.ApprovalType;
import com.b2bflow.member.Organization;
import com.b2bflow.member.OrganizationRepository;
import com.b2bflow.member.User;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff decisions do to a registration: the account set-up, activation (approval) and rejection. Runs in the
 * engine's transaction, so a decision and the process step that records it commit together.
 */
@Service
public class RegistrationOutcomes {

    /** The approval groups a new organization gets unless a reviewer removes them. */
    static final List<String> DEFAULT_APPROVAL_GROUPS = List.of(ApprovalType.UserRegistration.name());

    private final RegistrationRepository registrations;
    private final OrganizationRepository organizations;
    private final AccountRepository accounts;
    private final GrantableRoles grantableRoles;
    private final ApprovalGroupRepository approvalGroups;
    private final RegistrationPolicies policies;
    private final AuditLog audit;
    private final RegistrationMetrics metrics;
    private final NameReservations reservations;
    private final Contracts contracts;
    private final ReviewBriefing briefing;

    public RegistrationOutcomes(
            RegistrationRepository registrations,
            OrganizationRepository organizations,
            AccountRepository accounts,
            GrantableRoles grantableRoles,
            ApprovalGroupRepository approvalGroups,
            RegistrationPolicies policies,
            AuditLog audit,
            RegistrationMetrics metrics,
            NameReservations reservations,
            Contracts contracts,
            ReviewBriefing briefing) {
        this.registrations = registrations;
        this.organizations = organizations;
        this.accounts = accounts;
        this.grantableRoles = grantableRoles;
        this.approvalGroups = approvalGroups;
        this.policies = policies;
        this.audit = audit;
        this.metrics = metrics;
        this.reservations = reservations;
        this.contracts = contracts;
        this.briefing = briefing;
    }

    /** Roles outside the configured set; empty when all are known. */
    public List<String> unknownRoles(List<String> requested) {
        return requested.stream()
                .filter(role -> !policies.knownRoles().contains(role))
                .toList();
    }

    @Transactional
    public void createAccount(String registrationId, AccountSetup setup, String createdBy) {
        Registration registration = registrations.require(registrationId);
        Account account =
                new Account(registration.getOrganization(), setup.accountName().strip());
        setup.contracts().forEach(account::addContract);
        accounts.save(account);
        audit.record(
                createdBy,
                "ACCOUNT_CREATED",
                "Organization",
                registration.getOrganization().getId(),
                "account '" + setup.accountName() + "' with contracts "
                        + setup.contractsSummary().replace("\n", "; "));
    }

    /**
     * What the review form starts with and shows beside the submitted data: the roles and approval groups of the
     * registration policy ticked (removing the User Registration group is an opt-out the audit log records at
     * activation; no roles in the policy: the seller's default), the likely duplicates, and for a correction the
     * earlier rejection and what changed.
     */
    @Transactional(readOnly = true)
    public ReviewChoices reviewChoices(String registrationId) {
        Registration registration = registrations.require(registrationId);
        RegistrationPolicy policy = policies.forFlow(registration.getFlow());
        Organization organization = registration.getOrganization();
        List<Organization> duplicates = briefing.duplicatesOf(organization);
        return new ReviewChoices(
                ReviewBriefing.duplicatesText(organization, duplicates),
                ReviewBriefing.duplicatesWarning(organization, duplicates),
                policy.approvalGroups(),
                policy.organizationRoles().isEmpty() ? grantableRoles.defaults() : policy.organizationRoles(),
                ReviewBriefing.previousRejection(registration),
                briefing.changes(registration));
    }

    /**
     * The review form's starting values and notes (see {@link #reviewChoices}); the Markdown notes are empty when
     * there is nothing to say.
     */
    public record ReviewChoices(
            String possibleDuplicates,
            String duplicatesWarning,
            List<String> approvalGroups,
            List<String> organizationRoles,
            String previousRejection,
            String changes) {}

    /**
     * Approves the registration: the user APPROVED and enabled. When the flow created the organization, also the
     * organization APPROVED, its accounts active, and the review's choices applied: the roles the organization may
     * grant (none given: it inherits, see {@link GrantableRoles}) and its approval groups with the registered
     * administrator as approver. Without a review (approval off) the organization gets the User Registration group,
     * so no buyer joins it unapproved; a review that removed it is recorded in the audit log. A flow that joins an
     * existing organization (buyer self-registration) leaves the organization as it is.
     *
     * @param organizationRoles  null when nobody chose (no review)
     * @param approvalGroupTypes null when nobody chose (no review): the User Registration group
     */
    @Transactional
    public void activate(
            String registrationId, String decidedBy, List<String> organizationRoles, List<String> approvalGroupTypes) {
        Registration registration = registrations.require(registrationId);
        registration.approve(decidedBy);
        metrics.decided(registration);
        Organization organization = registration.getOrganization();
        User admin = registration.getUser();
        admin.approve();
        if (!createsOrganization(registration)) {
            audit.record(
                    decidedBy,
                    "REGISTRATION_APPROVED",
                    "Registration",
                    registrationId,
                    "user " + admin.getLogonId() + " approved in organization " + organization.getId());
            return;
        }
        organization.setState(ApprovalState.APPROVED);
        accounts.findByOrganization(organization).stream()
                .filter(account -> account.getState() == AccountState.PENDING)
                .forEach(Account::activate);
        if (registration.getFlow() == RegistrationFlow.ORGANIZATION && contracts.ensureDefaultAccount(organization)) {
            // no account set-up ran (the policy needs no approval): its buyers order under the default contract
            audit.record(decidedBy, "ACCOUNT_CREATED", "Organization", organization.getId(), "default account");
        }
        List<String> roles = organizationRoles == null ? List.of() : organizationRoles;
        if (!roles.isEmpty()) {
            grantableRoles.replace(organization, roles);
        }
        List<String> groupTypes = approvalGroupTypes == null ? DEFAULT_APPROVAL_GROUPS : approvalGroupTypes;
        for (String type : groupTypes.stream().distinct().toList()) {
            ApprovalType approvalType = ApprovalType.valueOf(type);
            ApprovalGroup group = approvalGroups
                    .findByOrganizationAndType(organization, approvalType)
                    .orElseGet(() -> approvalGroups.save(new ApprovalGroup(organization, approvalType)));
            group.getApprovers().add(admin);
        }
        audit.record(
                decidedBy,
                "REGISTRATION_APPROVED",
                "Registration",
                registrationId,
                "organization " + organization.getId() + " and administrator " + admin.getLogonId() + " approved"
                        + (roles.isEmpty() ? "" : "; roles " + roles)
                        + (groupTypes.isEmpty() ? "" : "; approval groups " + groupTypes));
        if (!groupTypes.contains(ApprovalType.UserRegistration.name())) {
            audit.recordInOrganization(
                    decidedBy,
                    null,
                    null,
                    organization.getId(),
                    "USER_REGISTRATION_APPROVAL_REMOVED",
                    "Organization",
                    organization.getId(),
                    "the review removed the User Registration approval group: buyers who register into "
                            + "this organization wait for the seller administrators");
        }
    }

    @Transactional
    public void reject(String registrationId, String decidedBy, String reason) {
        Registration registration = registrations.require(registrationId);
        registration.reject(decidedBy, reason);
        metrics.decided(registration);
        if (registration.getUser() != null) {
            registration.getUser().reject();
        }
        // rejected before its creation steps ran (a designer's screening step): its names are free again
        reservations.release(registrationId);
        if (createsOrganization(registration) && registration.getOrganization() != null) {
            registration.getOrganization().setState(ApprovalState.REJECTED);
            registration.getOrganization().releaseName();
            accounts.findByOrganization(registration.getOrganization()).forEach(Account::close);
        }
        audit.record(decidedBy, "REGISTRATION_REJECTED", "Registration", registrationId, "reason: " + reason);
    }

    private static boolean createsOrganization(Registration registration) {
        return registration.getFlow().policyType().createsOrganization();
    }
}
