package com.b2bflow.registration.cloudsuite;

import com.b2bflow.audit.AuditLog;
import com.b2bflow.member.Address;
import com.b2bflow.member.AddressRepository;
import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.Names;
import com.b2bflow.member.Organization;
import com.b2bflow.member.OrganizationRepository;
import com.b2bflow.member.OrganizationType;
import com.b2bflow.member.RoleAssignment;
import com.b2bflow.member.RoleAssignmentRepository;
import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import com.b2bflow.registration.ConstraintConflicts;
import com.b2bflow.registration.InvalidRegistrationException;
import com.b2bflow.registration.OrganizationData;
import com.b2bflow.registration.Registration;
import com.b2bflow.registration.RegistrationConflictException;
import com.b2bflow.registration.RegistrationFlow;
import com.b2bflow.registration.RegistrationParents;
import com.b2bflow.registration.RegistrationPolicies;
import com.b2bflow.registration.RegistrationPolicy;
import com.b2bflow.registration.RegistrationRepository;
import com.b2bflow.registration.RegistrationRequest;
import com.b2bflow.registration.RegistrationSubmitter;
import com.b2bflow.registration.RegistrationValidator;
import com.b2bflow.registration.SubmittedRegistration;
import com.b2bflow.registration.UserData;
import com.b2bflow.staff.StaffDirectory;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Submits the storefront registrations of seed 001 ("CloudSuite"): the complete shop registration (customer,
 * address and user created, approved at once by the flow) and the two partial registrations (the user, with a
 * password but unable to sign in, waits in the policy's holding organization; the company information is kept in
 * the registration until the ERP or the back office names the customer). One transaction with the process start.
 */
@Component
public class CloudSuiteSubmitter implements RegistrationSubmitter {

    static final Set<RegistrationFlow> FLOWS = EnumSet.of(RegistrationFlow.SHOP, RegistrationFlow.ERP_APPROVAL,
            RegistrationFlow.SHOP_APPROVAL);

    private final RegistrationValidator validator;
    private final PasswordEncoder passwordEncoder;
    private final RegistrationPolicies policies;
    private final RegistrationParents parents;
    private final OrganizationRepository organizations;
    private final UserRepository users;
    private final AddressRepository addresses;
    private final RoleAssignmentRepository roles;
    private final RegistrationRepository registrations;
    private final StaffDirectory staff;
    private final RuntimeService runtime;
    private final SubmittedCompany submitted;
    private final AuditLog audit;

    public CloudSuiteSubmitter(RegistrationValidator validator, PasswordEncoder passwordEncoder,
                               RegistrationPolicies policies, RegistrationParents parents,
                               OrganizationRepository organizations, UserRepository users,
                               AddressRepository addresses, RoleAssignmentRepository roles,
                               RegistrationRepository registrations, StaffDirectory staff, RuntimeService runtime,
                               SubmittedCompany submitted, AuditLog audit) {
        this.validator = validator;
        this.passwordEncoder = passwordEncoder;
        this.policies = policies;
        this.parents = parents;
        this.organizations = organizations;
        this.users = users;
        this.addresses = addresses;
        this.roles = roles;
        this.registrations = registrations;
        this.staff = staff;
        this.runtime = runtime;
        this.submitted = submitted;
        this.audit = audit;
    }

    @Override
    public boolean supports(RegistrationFlow flow) {
        return FLOWS.contains(flow);
    }

    @Override
    @Transactional
    public SubmittedRegistration submit(RegistrationFlow flow, RegistrationRequest request) {
        if (!supports(flow)) {
            throw new UnsupportedOperationException("Flow " + flow + " is not submitted here");
        }
        validator.validate(request, true);
        RegistrationPolicy policy = policies.forFlow(flow);
        Registration previous = rejectedRegistrationToCorrect(flow, request.previousRegistrationId());
        Organization parent = organizations.getReferenceById(holdingOrParent(policy));
        requireUniqueLogonId(request.user(), previous);
        OrganizationData company = request.organization();
        try {
            Organization organization;
            if (flow == RegistrationFlow.SHOP) {
                requireUniqueName(parent, company.name());
                organization = saveCustomer(company, parent, request);
            } else {
                organization = parent;
            }
            User user = saveUser(request, organization, policy, flow == RegistrationFlow.SHOP, previous);
            Registration registration = new Registration(flow, submitted.serialize(request), user.getEmail());
            registration.setUser(user);
            registration.setPreviousRegistration(previous);
            if (flow == RegistrationFlow.SHOP) {
                registration.setOrganization(organization);
            }
            registration = registrations.saveAndFlush(registration);
            audit.record(user.getLogonId(), "REGISTRATION_SUBMITTED", "Registration", registration.getId(),
                    flow.pathSegment() + " registration of '" + company.name().strip() + "'"
                            + (previous == null ? "" : ", correcting " + previous.getId()));
            Map<String, Object> variables = CloudSuiteVariables.of(registration, user, company.name().strip(),
                    company.description(), company.businessCategory(), company.taxId(), company.emailDomain(),
                    request.addressOrEmpty());
            registration.setProcessInstanceId(runtime.startProcessInstanceByKey(flow.processKey(),
                    registration.getId(), variables).getId());
            return new SubmittedRegistration(registration.getId(), registration.getState());
        } catch (DataIntegrityViolationException e) {
            throw ConstraintConflicts.translate(e).orElseThrow(() -> e);
        }
    }

    /**
     * A rejected partial registration may be corrected once: its user (and logon id) is reused. Shop registrations
     * are never rejected, so they have nothing to correct.
     */
    private Registration rejectedRegistrationToCorrect(RegistrationFlow flow, String previousId) {
        if (previousId == null || previousId.isBlank()) {
            return null;
        }
        Registration previous = registrations.findById(previousId)
                .filter(r -> r.getFlow() == flow && r.getState() == ApprovalState.REJECTED)
                .orElseThrow(() -> InvalidRegistrationException.of("previousRegistrationId",
                        "There is no rejected " + flow.pathSegment() + " registration with this id to correct"));
        if (registrations.existsByPreviousRegistration(previous)) {
            throw new RegistrationConflictException("previousRegistrationId",
                    "This registration was already corrected and submitted again");
        }
        return previous;
    }

    /** The shop customer's parent, or the holding organization partial registrations wait in. */
    private long holdingOrParent(RegistrationPolicy policy) {
        if (policy.parentPath().isEmpty()) {
            throw new IllegalStateException("app.registration.policies." + policy.type() + ".parent is missing: "
                    + "partially registered users wait in that organization until they are linked to a customer");
        }
        return parents.parentIdFor(policy.type());
    }

    private void requireUniqueLogonId(UserData user, Registration previous) {
        boolean taken = users.findByLogonId(user.logonId())
                .filter(existing -> previous == null || !existing.getId().equals(previous.getUser().getId()))
                .isPresent();
        if (taken || staff.exists(user.logonId().strip())) {
            throw RegistrationConflictException.logonIdTaken();
        }
    }

    private void requireUniqueName(Organization parent, String name) {
        if (organizations.findByParentAndNameNormalized(parent, Names.normalize(name)).isPresent()) {
            throw RegistrationConflictException.organizationNameTaken();
        }
    }

    private Organization saveCustomer(OrganizationData data, Organization parent, RegistrationRequest request) {
        Organization customer = new Organization(data.name(), parent, OrganizationType.O, ApprovalState.PENDING);
        customer.setDescription(CloudSuiteOutcomes.blankToNull(data.description()));
        customer.setBusinessCategory(CloudSuiteOutcomes.blankToNull(data.businessCategory()));
        customer.setTaxId(CloudSuiteOutcomes.blankToNull(data.taxId()));
        customer.setEmailDomain(CloudSuiteOutcomes.blankToNull(data.emailDomain()));
        organizations.saveAndFlush(customer);
        addresses.save(Address.ofOrganization(customer, request.addressOrEmpty()));
        return customer;
    }

    private User saveUser(RegistrationRequest request, Organization organization, RegistrationPolicy policy,
                          boolean withRoles, Registration previous) {
        UserData data = request.user();
        User user = previous == null ? new User(data.logonId(), organization, policy.profileType())
                : previous.getUser();
        if (previous != null && !user.getLogonId().equals(data.logonId().strip())) {
            throw InvalidRegistrationException.of("user.logonId",
                    "A correction keeps the logon ID " + user.getLogonId());
        }
        user.setOrganization(organization);
        user.setRegistrationState(ApprovalState.PENDING);
        user.setEnabled(false);
        user.setFirstName(CloudSuiteOutcomes.blankToNull(data.firstName()));
        user.setMiddleName(CloudSuiteOutcomes.blankToNull(data.middleName()));
        user.setLastName(data.lastName().strip());
        user.setEmail(data.email().strip());
        user.setPhone(CloudSuiteOutcomes.blankToNull(data.phone()));
        user.setPreferredLanguage(CloudSuiteOutcomes.blankToNull(data.preferredLanguage()));
        user.setPasswordHash(passwordEncoder.encode(data.password()));
        users.saveAndFlush(user);
        addresses.findFirstByUser(user).ifPresent(addresses::delete);
        addresses.save(Address.ofUser(user, request.addressOrEmpty()));
        if (withRoles) {
            // the role template: partial registrations get their roles in the customer they are linked to
            policy.roles().forEach(role -> roles.save(RoleAssignment.ofUser(user, organization, role)));
        }
        return user;
    }
}
