package com.b2bflow.cloudsuite;

import com.b2bflow.member.User;
import com.b2bflow.registration.MemberDraft;
import com.b2bflow.registration.Registration;
import com.b2bflow.registration.PendingPasswordHash;
import com.b2bflow.registration.Registration;
import com.b2bflow.registration.RegistrationApplicants;
import com.b2bflow.registration.RegistrationFlow;
import com.b2bflow.registration.RegistrationParents;
import com.b2bflow.registration.RegistrationPolicies;
import com.b2bflow.registration.RegistrationPolicy;
import com.b2bflow.registration.RegistrationRequest;
import com.b2bflow.registration.RegistrationSubmitter;
import com.b2bflow.registration.RegistrationValidator;
import com.b2bflow.registration.ReservedNames;
import com.b2bflow.registration.StartVariables;
import com.b2bflow.registration.SubmittedRegistration;
import com.b2bflow.shared.ConstraintConflicts;
import com.b2bflow.shared.InvalidRegistrationException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Submits CloudSuite's storefront registrations: the complete shop registration (customer,
 * address and user created, approved at once by the flow) and the two partial registrations (the user, with a
 * password but unable to sign in, waits in the policy's holding organization; the company information is kept in
 * the registration until the ERP or the back office names the customer). One transaction with the process start,
 * whose first steps create the customer and the user.
 */
@Component
public class CloudSuiteSubmitter implements RegistrationSubmitter {

    static final Set<RegistrationFlow> FLOWS = EnumSet.of(RegistrationFlow.SHOP, RegistrationFlow.ERP_APPROVAL,
            RegistrationFlow.SHOP_APPROVAL);

    private final RegistrationValidator validator;
    private final RegistrationPolicies policies;
    private final RegistrationParents parents;
    private final RegistrationApplicants applicants;

    public CloudSuiteSubmitter(RegistrationValidator validator, RegistrationPolicies policies,
                               RegistrationParents parents, RegistrationApplicants applicants) {
        this.validator = validator;
        this.policies = policies;
        this.parents = parents;
        this.applicants = applicants;
    }

    @Override
    public boolean supports(RegistrationFlow flow) {
        return FLOWS.contains(flow);
    }

    @Override
    public SubmittedRegistration submit(RegistrationFlow flow, RegistrationRequest request) {
        if (!supports(flow)) {
            throw new UnsupportedOperationException("Flow " + flow + " is not submitted here");
        }
        validator.validate(request, true);
        if (request.previousRegistrationId() == null || request.previousRegistrationId().isBlank()) {
            // a taken logon id is answered before the password is hashed (checked again in the transaction)
            applicants.requireLogonIdFree(request.user(), null);
        }
        ReservedNames names = flow == RegistrationFlow.SHOP
                ? ReservedNames.organization(request.user().logonId().strip(),
                holdingOrParent(policies.forFlow(flow)), request.organization().name().strip())
                : ReservedNames.user(request.user().logonId().strip());
        return applicants.submitInTransaction(request.user(), names,
                (id, passwordHash) -> submit(id, flow, request, passwordHash));
    }

    private SubmittedRegistration submit(String id, RegistrationFlow flow, RegistrationRequest request,
                                         PendingPasswordHash passwordHash) {
        RegistrationPolicy policy = policies.forFlow(flow);
        // shop registrations are never rejected, so they have nothing to correct
        Registration previous = applicants.rejectedRegistrationToCorrect(flow, request.previousRegistrationId());
        long parentId = holdingOrParent(policy);
        User correctedUser = previous == null ? null : previous.getUser();
        applicants.requireLogonIdFree(request.user(), correctedUser, id);
        if (correctedUser != null && !correctedUser.getLogonId().equals(request.user().logonId().strip())) {
            throw InvalidRegistrationException.of("user.logonId",
                    "A correction keeps the logon ID " + correctedUser.getLogonId());
        }
        boolean shop = flow == RegistrationFlow.SHOP;
        if (shop) {
            applicants.requireOrganizationNameFree(parentId, request.organization().name(), null, id);
        }
        try {
            // the company of a partial registration is only shown until the ERP or the back office names its customer
            MemberDraft.NewOrganization company = MemberDraft.organization(parentId, request.organization(),
                    request.addressOrEmpty());
            MemberDraft.NewUser user = MemberDraft.NewUser.of(request.user(), request.addressOrEmpty(),
                    shop ? null : parentId, policy, shop ? policy.roles() : List.of());
            Registration registration = new Registration(id, flow, applicants.submittedData(request),
                    user.email().strip());
            registration.setPreviousRegistration(previous);
            return applicants.start(registration, new MemberDraft(shop ? company : null, user), passwordHash,
                    StartVariables.of(registration.getId(), company, user), "of '" + company.name() + "'");
        } catch (DataIntegrityViolationException e) {
            throw ConstraintConflicts.translate(e).orElseThrow(() -> e);
        }
    }

    /** The shop customer's parent, or the holding organization partial registrations wait in. */
    private long holdingOrParent(RegistrationPolicy policy) {
        if (policy.parentPath().isEmpty()) {
            throw new IllegalStateException("app.registration.policies." + policy.type() + ".parent is missing: "
                    + "partially registered users wait in that organization until they are linked to a customer");
        }
        return parents.parentIdFor(policy.type());
    }
}
