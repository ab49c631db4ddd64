package com.b2bflow.cloudsuite;

import com.b2bflow.member.Address;
import com.b2bflow.member.AddressRepository;
import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.Names;
import com.b2bflow.member.Organization;
import com.b2bflow.member.OrganizationRepository;
import com.b2bflow.member.OrganizationType;
import com.b2bflow.member.User;
import com.b2bflow.registration.OrganizationData;
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
import com.b2bflow.registration.SubmittedRegistration;
import com.b2bflow.shared.ConstraintConflicts;
import com.b2bflow.shared.InvalidRegistrationException;
import com.b2bflow.shared.RegistrationConflictException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Submits CloudSuite's storefront registrations: the complete shop registration (customer,
 * address and user created, approved at once by the flow) and the two partial registrations (the user, with a
 * password but unable to sign in, waits in the policy's holding organization; the company information is kept in
 * the registration until the ERP or the back office names the customer). One transaction with the process start.
 */
@Component
public class CloudSuiteSubmitter implements RegistrationSubmitter {

    static final Set<RegistrationFlow> FLOWS = EnumSet.of(RegistrationFlow.SHOP, RegistrationFlow.ERP_APPROVAL,
            RegistrationFlow.SHOP_APPROVAL);

    private final RegistrationValidator validator;
    private final RegistrationPolicies policies;
    private final RegistrationParents parents;
    private final OrganizationRepository organizations;
    private final AddressRepository addresses;
    private final RegistrationApplicants applicants;

    public CloudSuiteSubmitter(RegistrationValidator validator, RegistrationPolicies policies,
                               RegistrationParents parents, OrganizationRepository organizations,
                               AddressRepository addresses, RegistrationApplicants applicants) {
        this.validator = validator;
        this.policies = policies;
        this.parents = parents;
        this.organizations = organizations;
        this.addresses = addresses;
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
        return applicants.submitInTransaction(request.user(), passwordHash -> submit(flow, request, passwordHash));
    }

    private SubmittedRegistration submit(RegistrationFlow flow, RegistrationRequest request,
                                         PendingPasswordHash passwordHash) {
        RegistrationPolicy policy = policies.forFlow(flow);
        // shop registrations are never rejected, so they have nothing to correct
        Registration previous = applicants.rejectedRegistrationToCorrect(flow, request.previousRegistrationId());
        Organization parent = organizations.getReferenceById(holdingOrParent(policy));
        User correctedUser = previous == null ? null : previous.getUser();
        applicants.requireLogonIdFree(request.user(), correctedUser);
        if (correctedUser != null && !correctedUser.getLogonId().equals(request.user().logonId().strip())) {
            throw InvalidRegistrationException.of("user.logonId",
                    "A correction keeps the logon ID " + correctedUser.getLogonId());
        }
        OrganizationData company = request.organization();
        try {
            boolean shop = flow == RegistrationFlow.SHOP;
            Organization organization = shop ? saveCustomer(company, parent, request) : parent;
            User user = applicants.savePendingUser(request.user(), passwordHash, request.addressOrEmpty(),
                    organization, policy, correctedUser, shop);
            Registration registration = new Registration(flow, applicants.submittedData(request), user.getEmail());
            registration.setUser(user);
            registration.setPreviousRegistration(previous);
            if (shop) {
                registration.setOrganization(organization);
            }
            Map<String, Object> variables = CloudSuiteVariables.of(registration, user, company.name().strip(),
                    company.description(), company.businessCategory(), company.taxId(), company.emailDomain(),
                    request.addressOrEmpty());
            return applicants.start(registration, variables, "of '" + company.name().strip() + "'");
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

    private void requireUniqueName(Organization parent, String name) {
        if (organizations.findByParentAndNameNormalized(parent, Names.normalize(name)).isPresent()) {
            throw RegistrationConflictException.organizationNameTaken();
        }
    }

    private Organization saveCustomer(OrganizationData data, Organization parent, RegistrationRequest request) {
        requireUniqueName(parent, data.name());
        Organization customer = new Organization(data.name(), parent, OrganizationType.O, ApprovalState.PENDING);
        customer.setDescription(CloudSuiteOutcomes.blankToNull(data.description()));
        customer.setBusinessCategory(CloudSuiteOutcomes.blankToNull(data.businessCategory()));
        customer.setTaxId(CloudSuiteOutcomes.blankToNull(data.taxId()));
        customer.setEmailDomain(CloudSuiteOutcomes.blankToNull(data.emailDomain()));
        organizations.saveAndFlush(customer);
        addresses.save(Address.ofOrganization(customer, request.addressOrEmpty()));
        return customer;
    }
}
