package com.b2bflow.registration;

import com.b2bflow.shared.InvalidRegistrationException;
import com.b2bflow.shared.Texts;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Submits registrations that create an organization and its administrator: organization self-registration
 * (BuyerRegistrationAdd) and reseller registration (ResellerRegistrationAdd), which differ only in their policy and
 * process. The registration record (with what the process will create and the password hash) and the process
 * instance are saved in one transaction; the process's creation steps make the organization, its address and the
 * administrator in that same transaction, so if any part fails, nothing is left behind.
 */
@Service
public class RegistrationService extends FlowSubmitter {

    /** The field path of HCL's {@code usr_profileType} in a problem. */
    public static final String HCL_PROFILE_TYPE = "hcl.profileType";

    static final Set<RegistrationFlow> ORGANIZATION_FLOWS =
            EnumSet.of(RegistrationFlow.ORGANIZATION, RegistrationFlow.RESELLER);

    private final RegistrationParents parents;

    public RegistrationService(
            RegistrationValidator validator,
            RegistrationPolicies policies,
            RegistrationParents parents,
            RegistrationApplicants applicants) {
        super(ORGANIZATION_FLOWS, validator, policies, applicants);
        this.parents = parents;
    }

    /** HCL's {@code profileType} may be given, but a flow's policy decides it: a different one is refused. */
    @Override
    protected void checkRequest(RegistrationFlow flow, RegistrationRequest request) {
        RegistrationPolicy policy = policies.forFlow(flow);
        if (request.hcl() != null
                && request.hcl().profileType() != null
                && request.hcl().profileType() != policy.profileType()) {
            throw InvalidRegistrationException.of(
                    HCL_PROFILE_TYPE,
                    Texts.text(
                            "hcl.problem.otherProfileType",
                            policy.profileType().name(),
                            request.hcl().profileType().name()));
        }
    }

    @Override
    protected void checkNamesFree(RegistrationFlow flow, RegistrationRequest request) {
        requireUnique(request, parents.parentIdFor(policies.forFlow(flow).type()), null, null);
    }

    @Override
    protected ReservedNames reservedNames(RegistrationFlow flow, RegistrationRequest request) {
        return ReservedNames.organization(
                request.user().logonId().strip(),
                parents.parentIdFor(policies.forFlow(flow).type()),
                request.organization().name().strip());
    }

    @Override
    protected SubmittedRegistration submitInTransaction(
            String id, RegistrationFlow flow, RegistrationRequest request, PendingPasswordHash passwordHash) {
        RegistrationPolicy policy = policies.forFlow(flow);
        Registration previous = applicants.rejectedRegistrationToCorrect(flow, request.previousRegistrationId());
        long parentId = parents.parentIdFor(policy.type());
        if (previous != null) {
            // a new registration was checked before the hash; one that lost a race since meets the reservations
            requireUnique(request, parentId, previous, id);
        }
        MemberDraft.NewOrganization organization =
                MemberDraft.organization(parentId, request.organization(), request.addressOrEmpty());
        HclProfile hcl = request.hcl();
        MemberDraft.NewUser admin = MemberDraft.NewUser.of(
                request.user(),
                hcl != null && hcl.userAddress() != null ? hcl.userAddress() : request.addressOrEmpty(),
                null,
                policy,
                policy.roles());
        Registration registration = newRegistration(id, flow, request, admin.email(), previous);
        return applicants.start(
                registration,
                new MemberDraft(organization, admin, hcl),
                passwordHash,
                StartVariables.of(registration.getId(), organization, admin)
                        .with(ProcessVariables.APPROVAL_REQUIRED, policy.approvalRequired()),
                "of '" + organization.name() + "'");
    }

    private void requireUnique(RegistrationRequest request, long parentId, Registration previous, String own) {
        applicants.requireLogonIdFree(request.user(), previous == null ? null : previous.getUser(), own);
        applicants.requireOrganizationNameFree(
                parentId, request.organization().name(), previous == null ? null : previous.getOrganization(), own);
    }
}
