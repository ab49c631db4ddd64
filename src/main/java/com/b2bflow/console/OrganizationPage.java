package com.b2bflow.console;

import com.b2bflow.account.ContractView;
import com.b2bflow.approval.ApprovalGroupAdministration.ApproverGroup;
import com.b2bflow.audit.AuditEvent;
import com.b2bflow.buyeradmin.CustomerServiceEvent;
import com.b2bflow.registration.RegistrationSummary;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Page;

/** Everything the staff console shows of one organization. */
public record OrganizationPage(
        Summary organization,
        List<Link> path,
        Page<Link> children,
        Page<Person> people,
        List<AccountRow> accounts,
        List<ContractView> contracts,
        List<GroupRow> approvalGroups,
        ApproverGroup approvers,
        Roles roles,
        Page<RegistrationSummary> registrations,
        List<CustomerServiceEvent> customerService,
        Page<AuditEvent> audit) {

    public record Summary(
            long id,
            String name,
            String type,
            String state,
            String description,
            String businessCategory,
            String taxId,
            String emailDomain,
            String email,
            String erpCustomerNumber,
            Instant createdAt) {}

    public record Link(long id, String name, String state) {}

    /** An administrator or buyer of the organization. */
    public record Person(
            long id,
            String logonId,
            String displayName,
            String email,
            List<String> roles,
            boolean administrator,
            String registrationState,
            boolean enabled,
            boolean locked) {}

    public record AccountRow(long id, String name, String state) {}

    public record GroupRow(String type, List<String> approvers) {}

    /**
     * @param grantable what buyer administrators may give now
     * @param own       the organization's own list (empty: it inherits)
     * @param definedBy the organization whose list applies, null for the seller's default
     * @param known     every configured role, for the form
     */
    public record Roles(
            List<String> grantable, List<String> own, boolean inherited, Long definedBy, List<String> known) {}
}
