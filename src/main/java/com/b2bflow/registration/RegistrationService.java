package com.b2bflow.registration;

import com.b2bflow.member.Address;
import com.b2bflow.member.AddressRepository;
import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.Names;
import com.b2bflow.member.Organization;
import com.b2bflow.member.OrganizationRepository;
import com.b2bflow.member.OrganizationType;
import com.b2bflow.member.User;
import com.b2bflow.shared.ConstraintConflicts;
import com.b2bflow.shared.RegistrationConflictException;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * Submits registrations that create an organization and its administrator: organization self-registration
 * (BuyerRegistrationAdd) and reseller registration (ResellerRegistrationAdd), which differ only in their policy and
 * process. The organization, the user, their addresses and roles, the registration record and the process instance
 * are created in one transaction: if any part fails, nothing is left behind.
 */
@Service
public class RegistrationService implements RegistrationSubmitter {

    static final Set<RegistrationFlow> ORGANIZATION_FLOWS = EnumSet.of(RegistrationFlow.ORGANIZATION,
            RegistrationFlow.RESELLER);

    private final RegistrationValidator validator;
    private final RegistrationPolicies policies;
    private final RegistrationParents parents;
    private final OrganizationRepository organizations;
    private final AddressRepository addresses;
    private final RegistrationApplicants applicants;

    public RegistrationService(RegistrationValidator validator, RegistrationPolicies policies,
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
        return ORGANIZATION_FLOWS.contains(flow);
    }

    @Override
    public SubmittedRegistration submit(RegistrationFlow flow, RegistrationRequest request) {
        if (!supports(flow)) {
            throw new UnsupportedOperationException("Flow " + flow + " is not submitted here");
        }
        validator.validate(request, true);
        if (request.previousRegistrationId() == null || request.previousRegistrationId().isBlank()) {
            // a taken logon id or name is answered before the password is hashed
            requireUnique(request, organizations.getReferenceById(parents.parentIdFor(policies.forFlow(flow).type())),
                    null);
        }
        return applicants.submitInTransaction(request.user(), passwordHash -> submit(flow, request, passwordHash));
    }

    private SubmittedRegistration submit(RegistrationFlow flow, RegistrationRequest request,
                                         PendingPasswordHash passwordHash) {
        RegistrationPolicy policy = policies.forFlow(flow);
        Registration previous = applicants.rejectedRegistrationToCorrect(flow, request.previousRegistrationId());
        Organization parent = organizations.getReferenceById(parents.parentIdFor(policy.type()));
        if (previous != null) {
            // a new registration was checked before the hash; one that lost a race since meets the unique constraints
            requireUnique(request, parent, previous);
        }
        try {
            Organization organization = saveOrganization(request, parent, previous);
            User admin = applicants.savePendingUser(request.user(), passwordHash, request.addressOrEmpty(),
                    organization, policy, previous == null ? null : previous.getUser());
            Registration registration = new Registration(flow, applicants.submittedData(request), admin.getEmail());
            registration.setOrganization(organization);
            registration.setUser(admin);
            registration.setPreviousRegistration(previous);
            return applicants.start(registration, SubmissionVariables.of(registration, organization, admin,
                            request.addressOrEmpty(), policy.approvalRequired()),
                    "of '" + organization.getName() + "'");
        } catch (DataIntegrityViolationException e) {
            throw ConstraintConflicts.translate(e).orElseThrow(() -> e);
        }
    }

    private void requireUnique(RegistrationRequest request, Organization parent, Registration previous) {
        applicants.requireLogonIdFree(request.user(), previous == null ? null : previous.getUser());
        boolean nameTaken = organizations.findByParentAndNameNormalized(parent,
                        Names.normalize(request.organization().name()))
                .filter(org -> previous == null || !org.getId().equals(previous.getOrganization().getId())).isPresent();
        if (nameTaken) {
            throw RegistrationConflictException.organizationNameTaken();
        }
    }

    private Organization saveOrganization(RegistrationRequest request, Organization parent, Registration previous) {
        OrganizationData data = request.organization();
        Organization organization = previous == null
                ? new Organization(data.name(), parent, OrganizationType.O, ApprovalState.PENDING)
                : previous.getOrganization();
        organization.rename(data.name());
        organization.setState(ApprovalState.PENDING);
        organization.setDescription(blankToNull(data.description()));
        organization.setBusinessCategory(blankToNull(data.businessCategory()));
        organization.setTaxId(blankToNull(data.taxId()));
        organization.setEmailDomain(blankToNull(data.emailDomain()));
        organizations.saveAndFlush(organization);
        if (previous != null) {
            // a corrected registration replaces its address; a new organization has none (no query for it)
            addresses.findFirstByOrganization(organization).ifPresent(addresses::delete);
        }
        addresses.save(Address.ofOrganization(organization, request.addressOrEmpty()));
        return organization;
    }

    static String blankToNull(String value) {
        return RegistrationApplicants.blankToNull(value);
    }
}
