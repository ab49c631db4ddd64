package com.b2bflow.registration;

import static com.b2bflow.shared.Inputs.blankToNull;

import com.b2bflow.shared.ConstraintConflicts;
import com.b2bflow.shared.InvalidRegistrationException;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * Submits registrations that create an organization and its administrator: organization self-registration
 * (BuyerRegistrationAdd) and reseller registration (ResellerRegistrationAdd), which differ only in their policy and
 * process. The registration record (with what the process will create and the password hash) and the process
 * instance are saved in one transaction; the process's creation steps make the organization, its address and the
 * administrator in that same transaction, so if any part fails, nothing is left behind.
 */
@Service
public class RegistrationService implements RegistrationSubmitter {

    /** The field path of HCL's {@code usr_profileType} in a problem. */
    public static final String HCL_PROFILE_TYPE = "hcl.profileType";

    static final Set<RegistrationFlow> ORGANIZATION_FLOWS = EnumSet.of(RegistrationFlow.ORGANIZATION,
            RegistrationFlow.RESELLER);

    private final RegistrationValidator validator;
    private final RegistrationPolicies policies;
    private final RegistrationParents parents;
    private final RegistrationApplicants applicants;

    public RegistrationService(RegistrationValidator validator, RegistrationPolicies policies,
                               RegistrationParents parents, RegistrationApplicants applicants) {
        this.validator = validator;
        this.policies = policies;
        this.parents = parents;
        this.applicants = applicants;
    }

    @Override
    public boolean supports(RegistrationFlow flow) {
        return ORGANIZATION_FLOWS.contains(flow);
    }

    @Override
    public SubmittedRegistration submit(RegistrationFlow flow, RegistrationRequest request) {
        if (!supports(flow)) {
            throw new UnsupportedOperationException("Flow " + flow + " is not submitted here");
        }
        validator.validate(request, true);
        requireProfileTypeOfPolicy(request, policies.forFlow(flow));
        if (request.previousRegistrationId() == null || request.previousRegistrationId().isBlank()) {
            // a taken logon id or name is answered before the password is hashed
            requireUnique(request, parents.parentIdFor(policies.forFlow(flow).type()), null, null);
        }
        ReservedNames names = ReservedNames.organization(request.user().logonId().strip(),
                parents.parentIdFor(policies.forFlow(flow).type()), request.organization().name().strip());
        return applicants.submitInTransaction(request.user(), names,
                (id, passwordHash) -> submit(id, flow, request, passwordHash));
    }

    private SubmittedRegistration submit(String id, RegistrationFlow flow, RegistrationRequest request,
                                         PendingPasswordHash passwordHash) {
        RegistrationPolicy policy = policies.forFlow(flow);
        Registration previous = applicants.rejectedRegistrationToCorrect(flow, request.previousRegistrationId());
        long parentId = parents.parentIdFor(policy.type());
        if (previous != null) {
            // a new registration was checked before the hash; one that lost a race since meets the reservations
            requireUnique(request, parentId, previous, id);
        }
        try {
            MemberDraft.NewOrganization organization = MemberDraft.organization(parentId, request.organization(),
                    request.addressOrEmpty());
            HclProfile hcl = request.hcl();
            MemberDraft.NewUser admin = MemberDraft.NewUser.of(request.user(),
                    hcl != null && hcl.userAddress() != null ? hcl.userAddress() : request.addressOrEmpty(), null,
                    policy, policy.roles());
            Registration registration = new Registration(id, flow, applicants.submittedData(request),
                    blankToNull(admin.email()));
            registration.setPreviousRegistration(previous);
            return applicants.start(registration, new MemberDraft(organization, admin, hcl), passwordHash,
                    StartVariables.of(registration.getId(), organization, admin)
                            .with(ProcessVariables.APPROVAL_REQUIRED, policy.approvalRequired()),
                    "of '" + organization.name() + "'");
        } catch (DataIntegrityViolationException e) {
            throw ConstraintConflicts.translate(e).orElseThrow(() -> e);
        }
    }

    /** HCL's {@code profileType} may be given, but a flow's policy decides it: a different one is refused. */
    private static void requireProfileTypeOfPolicy(RegistrationRequest request, RegistrationPolicy policy) {
        if (request.hcl() != null && request.hcl().profileType() != null
                && request.hcl().profileType() != policy.profileType()) {
            throw InvalidRegistrationException.of(HCL_PROFILE_TYPE, "This registration creates users of profile type "
                    + policy.profileType() + ", not " + request.hcl().profileType());
        }
    }

    private void requireUnique(RegistrationRequest request, long parentId, Registration previous, String own) {
        applicants.requireLogonIdFree(request.user(), previous == null ? null : previous.getUser(), own);
        applicants.requireOrganizationNameFree(parentId, request.organization().name(),
                previous == null ? null : previous.getOrganization(), own);
    }
}
