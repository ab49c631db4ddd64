package com.b2bflow.cloudsuite;

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
import com.b2bflow.registration.ProcessVariables;
import com.b2bflow.registration.Registration;
import com.b2bflow.registration.RegistrationApplicants;
import com.b2bflow.registration.RegistrationFlow;
import com.b2bflow.registration.RegistrationParents;
import com.b2bflow.registration.RegistrationPolicies;
import com.b2bflow.registration.RegistrationPolicy;
import com.b2bflow.registration.RegistrationRepository;
import com.b2bflow.registration.SubmittedRegistration;
import com.b2bflow.shared.ConstraintConflicts;
import com.b2bflow.shared.ControlCharacters;
import com.b2bflow.shared.FieldProblem;
import com.b2bflow.shared.InvalidRegistrationException;
import com.b2bflow.shared.RegistrationConflictException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CloudSuite's external registration: the back office entered the customer in the ERP, and the integration sends
 * customer, address and user. They are created and approved by {@code erpExternalRegistration}, the user without a
 * password. The ERP customer number identifies the customer: sending it twice is a conflict, so a retry is safe.
 */
@Service
public class ErpCustomerService {

    private final Validator validator;
    private final RegistrationPolicies policies;
    private final RegistrationParents parents;
    private final OrganizationRepository organizations;
    private final UserRepository users;
    private final AddressRepository addresses;
    private final RoleAssignmentRepository roles;
    private final RegistrationRepository registrations;
    private final RegistrationApplicants applicants;
    private final RuntimeService runtime;
    private final AuditLog audit;

    public ErpCustomerService(Validator validator, RegistrationPolicies policies, RegistrationParents parents,
                              OrganizationRepository organizations, UserRepository users, AddressRepository addresses,
                              RoleAssignmentRepository roles, RegistrationRepository registrations,
                              RegistrationApplicants applicants, RuntimeService runtime, AuditLog audit) {
        this.validator = validator;
        this.policies = policies;
        this.parents = parents;
        this.organizations = organizations;
        this.users = users;
        this.addresses = addresses;
        this.roles = roles;
        this.registrations = registrations;
        this.applicants = applicants;
        this.runtime = runtime;
        this.audit = audit;
    }

    @Transactional
    public SubmittedRegistration create(ErpCustomerRequest request, String integrationUser) {
        validate(request);
        RegistrationFlow flow = RegistrationFlow.ERP_EXTERNAL;
        RegistrationPolicy policy = policies.forFlow(flow);
        Organization parent = organizations.getReferenceById(parents.parentIdFor(policy.type()));
        ErpCustomerRequest.Organization data = request.organization();
        String number = data.erpCustomerNumber().strip();
        if (organizations.findByErpCustomerNumber(number).isPresent()) {
            throw new ErpCustomerExistsException(number, existingRegistrationId(number));
        }
        applicants.requireLogonIdFree(request.user().logonId(), null);
        if (organizations.findByParentAndNameNormalized(parent, Names.normalize(data.name())).isPresent()) {
            throw RegistrationConflictException.organizationNameTaken();
        }
        try {
            Organization customer = new Organization(data.name(), parent, OrganizationType.O, ApprovalState.PENDING);
            customer.setErpCustomerNumber(number);
            customer.setDescription(CloudSuiteOutcomes.blankToNull(data.description()));
            customer.setBusinessCategory(CloudSuiteOutcomes.blankToNull(data.businessCategory()));
            customer.setTaxId(CloudSuiteOutcomes.blankToNull(data.taxId()));
            customer.setEmailDomain(CloudSuiteOutcomes.blankToNull(data.emailDomain()));
            organizations.saveAndFlush(customer);
            addresses.save(Address.ofOrganization(customer, request.addressOrEmpty()));
            User user = saveUser(request.user(), customer, policy);
            addresses.save(Address.ofUser(user, request.addressOrEmpty()));
            Registration registration = new Registration(flow, applicants.submittedData(request), user.getEmail());
            registration.setOrganization(customer);
            registration.setUser(user);
            registration = registrations.saveAndFlush(registration);
            audit.record(integrationUser, "REGISTRATION_SUBMITTED", "Registration", registration.getId(),
                    "ERP customer " + number + " '" + customer.getName() + "' with user " + user.getLogonId());
            Map<String, Object> variables = CloudSuiteVariables.of(registration, user, customer.getName(),
                    data.description(), data.businessCategory(), data.taxId(), data.emailDomain(),
                    request.addressOrEmpty());
            variables.put(CloudSuiteVariables.ERP_CUSTOMER_NUMBER, number);
            variables.put(CloudSuiteVariables.ACTIVATION_EMAIL, request.activationEmail());
            variables.put(ProcessVariables.DECIDED_BY, integrationUser);
            registration.setProcessInstanceId(runtime.startProcessInstanceByKey(flow.processKey(),
                    registration.getId(), variables).getId());
            return new SubmittedRegistration(registration.getId(), registration.getState());
        } catch (DataIntegrityViolationException e) {
            if (String.valueOf(e.getMostSpecificCause().getMessage()).toLowerCase()
                    .contains("uk_organization_erp_customer_number")) {
                throw new ErpCustomerExistsException(number, null);
            }
            throw ConstraintConflicts.translate(e).orElseThrow(() -> e);
        }
    }

    private User saveUser(ErpCustomerRequest.User data, Organization customer, RegistrationPolicy policy) {
        User user = new User(data.logonId(), customer, policy.profileType());
        user.setEnabled(false);
        user.setFirstName(CloudSuiteOutcomes.blankToNull(data.firstName()));
        user.setMiddleName(CloudSuiteOutcomes.blankToNull(data.middleName()));
        user.setLastName(data.lastName().strip());
        user.setEmail(data.email().strip());
        user.setPhone(CloudSuiteOutcomes.blankToNull(data.phone()));
        user.setPreferredLanguage(CloudSuiteOutcomes.blankToNull(data.preferredLanguage()));
        users.saveAndFlush(user);
        policy.roles().forEach(role -> roles.save(RoleAssignment.ofUser(user, customer, role)));
        return user;
    }

    private void validate(ErpCustomerRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        for (ConstraintViolation<ErpCustomerRequest> violation : validator.validate(request)) {
            problems.add(new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        problems.addAll(ControlCharacters.problems(request));
        if (request.user() != null && request.user().password() != null) {
            problems.add(new FieldProblem("user.password", "The ERP does not send passwords: with "
                    + "sendActivationEmail the user chooses one through a one-time activation link"));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(FieldProblem::field));
            throw new InvalidRegistrationException(problems);
        }
    }

    private String existingRegistrationId(String number) {
        return organizations.findByErpCustomerNumber(number)
                .flatMap(org -> registrations.findFirstByOrganizationIdOrderBySubmittedAtDesc(org.getId()))
                .map(Registration::getId).orElse(null);
    }

    /** The ERP customer number is known already: 409, with the registration that created it when there is one. */
    public static class ErpCustomerExistsException extends RegistrationConflictException {

        private final transient String registrationId;

        ErpCustomerExistsException(String number, String registrationId) {
            super("organization.erpCustomerNumber", "A customer with ERP customer number " + number
                    + " already exists");
            this.registrationId = registrationId;
        }

        public Optional<String> registrationId() {
            return Optional.ofNullable(registrationId);
        }
    }
}
