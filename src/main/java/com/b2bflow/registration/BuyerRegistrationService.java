package com.b2bflow.registration;

import static com.b2bflow.shared.Inputs.blankToNull;

import com.b2bflow.member.Organization;
import com.b2bflow.shared.FieldProblem;
import com.b2bflow.shared.InvalidRegistrationException;
import com.b2bflow.shared.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Submits buyer self-registrations (HCL Commerce's buyer self-registration workflow): a buyer joins an existing
 * approved organization, named by {@code organization.name}, with the UserRegistration policy's roles. No organization
 * is created. The registration record and the process instance are saved in one transaction, in which the process's
 * first step creates the user.
 */
@Service
public class BuyerRegistrationService extends FlowSubmitter {

    private final CustomerOrganizations customerOrganizations;

    public BuyerRegistrationService(
            RegistrationValidator validator,
            RegistrationPolicies policies,
            CustomerOrganizations customerOrganizations,
            RegistrationApplicants applicants) {
        super(Set.of(RegistrationFlow.BUYER), validator, policies, applicants);
        this.customerOrganizations = customerOrganizations;
    }

    @Override
    protected void checkRequest(RegistrationFlow flow, RegistrationRequest request) {
        requireOnlyTheOrganizationsName(request.organization());
    }

    @Override
    protected void checkNamesFree(RegistrationFlow flow, RegistrationRequest request) {
        applicants.requireLogonIdFree(request.user(), null);
    }

    @Override
    protected ReservedNames reservedNames(RegistrationFlow flow, RegistrationRequest request) {
        return ReservedNames.user(request.user().logonId().strip());
    }

    @Override
    protected SubmittedRegistration submitInTransaction(
            String id, RegistrationFlow flow, RegistrationRequest request, PendingPasswordHash passwordHash) {
        RegistrationPolicy policy = policies.forFlow(flow);
        Registration previous = applicants.rejectedRegistrationToCorrect(flow, request.previousRegistrationId());
        Organization organization =
                customerOrganizations.joinable(request.organization().name());
        applicants.requireLogonIdFree(request.user(), previous == null ? null : previous.getUser(), id);
        MemberDraft.NewUser buyer = MemberDraft.NewUser.of(
                request.user(), request.addressOrEmpty(), organization.getId(), policy, policy.roles());
        Registration registration = newRegistration(id, flow, request, buyer.email(), previous);
        registration.setOrganization(organization);
        MemberDraft.NewOrganization joined = MemberDraft.NewOrganization.joined(organization, request.addressOrEmpty());
        return applicants.start(
                registration,
                new MemberDraft(null, buyer),
                passwordHash,
                StartVariables.of(registration.getId(), joined, buyer)
                        .with(ProcessVariables.APPROVAL_REQUIRED, policy.approvalRequired()),
                "of buyer " + buyer.logonId() + " in organization " + organization.getId());
    }

    /** The organization exists already: its details are not the applicant's to give. */
    private static void requireOnlyTheOrganizationsName(OrganizationData organization) {
        List<FieldProblem> problems = new ArrayList<>();
        String message = Texts.text("validation.joiningGivesOnlyTheName");
        if (blankToNull(organization.description()) != null) {
            problems.add(new FieldProblem("organization.description", message));
        }
        if (blankToNull(organization.businessCategory()) != null) {
            problems.add(new FieldProblem("organization.businessCategory", message));
        }
        if (blankToNull(organization.taxId()) != null) {
            problems.add(new FieldProblem("organization.taxId", message));
        }
        if (blankToNull(organization.emailDomain()) != null) {
            problems.add(new FieldProblem("organization.emailDomain", message));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRegistrationException(problems);
        }
    }
}
