package com.b2bflow.cloudsuite;

import com.b2bflow.member.User;
import com.b2bflow.registration.FlowSubmitter;
import com.b2bflow.registration.MemberDraft;
import com.b2bflow.registration.PendingPasswordHash;
import com.b2bflow.registration.Registration;
import com.b2bflow.registration.RegistrationApplicants;
import com.b2bflow.registration.RegistrationFlow;
import com.b2bflow.registration.RegistrationParents;
import com.b2bflow.registration.RegistrationPolicies;
import com.b2bflow.registration.RegistrationPolicy;
import com.b2bflow.registration.RegistrationRequest;
import com.b2bflow.registration.RegistrationValidator;
import com.b2bflow.registration.ReservedNames;
import com.b2bflow.registration.StartVariables;
import com.b2bflow.registration.SubmittedRegistration;
import com.b2bflow.shared.InvalidRegistrationException;
import com.b2bflow.shared.Texts;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Submits CloudSuite's storefront registrations: the complete shop registration (customer,
 * address and user created, approved at once by the flow) and the two partial registrations (the user, with a
 * password but unable to sign in, waits in the policy's holding organization; the company information is kept in
 * the registration until the ERP or the back office names the customer). One transaction with the process start,
 * whose first steps create the customer and the user.
 */
@Component
public class CloudSuiteSubmitter extends FlowSubmitter {

    static final Set<RegistrationFlow> FLOWS =
            EnumSet.of(RegistrationFlow.SHOP, RegistrationFlow.ERP_APPROVAL, RegistrationFlow.SHOP_APPROVAL);

    private final RegistrationParents parents;

    public CloudSuiteSubmitter(
            RegistrationValidator validator,
            RegistrationPolicies policies,
            RegistrationParents parents,
            RegistrationApplicants applicants) {
        super(FLOWS, validator, policies, applicants);
        this.parents = parents;
    }

    @Override
    protected void checkNamesFree(RegistrationFlow flow, RegistrationRequest request) {
        // the shop's organization name is checked in the transaction, with the reservations
        applicants.requireLogonIdFree(request.user(), null);
    }

    @Override
    protected ReservedNames reservedNames(RegistrationFlow flow, RegistrationRequest request) {
        return flow == RegistrationFlow.SHOP
                ? ReservedNames.organization(
                        request.user().logonId().strip(),
                        holdingOrParent(policies.forFlow(flow)),
                        request.organization().name().strip())
                : ReservedNames.user(request.user().logonId().strip());
    }

    @Override
    protected SubmittedRegistration submitInTransaction(
            String id, RegistrationFlow flow, RegistrationRequest request, PendingPasswordHash passwordHash) {
        RegistrationPolicy policy = policies.forFlow(flow);
        // shop registrations are never rejected, so they have nothing to correct
        Registration previous = applicants.rejectedRegistrationToCorrect(flow, request.previousRegistrationId());
        long parentId = holdingOrParent(policy);
        User correctedUser = previous == null ? null : previous.getUser();
        applicants.requireLogonIdFree(request.user(), correctedUser, id);
        if (correctedUser != null
                && !correctedUser.getLogonId().equals(request.user().logonId().strip())) {
            throw InvalidRegistrationException.of(
                    "user.logonId", Texts.text("validation.correctionKeepsLogonId", correctedUser.getLogonId()));
        }
        boolean shop = flow == RegistrationFlow.SHOP;
        if (shop) {
            applicants.requireOrganizationNameFree(
                    parentId, request.organization().name(), null, id);
        }
        // the company of a partial registration is only shown until the ERP or the back office names its customer
        MemberDraft.NewOrganization company =
                MemberDraft.organization(parentId, request.organization(), request.addressOrEmpty());
        MemberDraft.NewUser user = MemberDraft.NewUser.of(
                request.user(),
                request.addressOrEmpty(),
                shop ? null : parentId,
                policy,
                shop ? policy.roles() : List.of());
        Registration registration = newRegistration(id, flow, request, user.email(), previous);
        return applicants.start(
                registration,
                new MemberDraft(shop ? company : null, user),
                passwordHash,
                StartVariables.of(registration.getId(), company, user),
                "of '" + company.name() + "'");
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
