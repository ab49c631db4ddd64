package com.b2bflow.cloudsuite;

import com.b2bflow.audit.AuditLog;
import com.b2bflow.member.OrganizationRepository;
import com.b2bflow.registration.MemberDraft;
import com.b2bflow.registration.ProcessVariables;
import com.b2bflow.registration.Registration;
import com.b2bflow.registration.RegistrationApplicants;
import com.b2bflow.registration.RegistrationFlow;
import com.b2bflow.registration.RegistrationParents;
import com.b2bflow.registration.RegistrationPolicies;
import com.b2bflow.registration.RegistrationPolicy;
import com.b2bflow.registration.RegistrationRepository;
import com.b2bflow.registration.StartVariables;
import com.b2bflow.registration.SubmittedRegistration;
import com.b2bflow.shared.ConstraintConflicts;
import com.b2bflow.shared.ConstraintProblems;
import com.b2bflow.shared.FieldProblem;
import com.b2bflow.shared.InvalidRegistrationException;
import com.b2bflow.shared.RegistrationConflictException;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CloudSuite's external registration: the back office entered the customer in the ERP, and the integration sends
 * customer, address and user. They are created (the flow's first steps, in this transaction) and approved by
 * {@code erpExternalRegistration}, the user without a password. The ERP customer number identifies the customer:
 * sending it twice is a conflict, so a retry is safe.
 */
@Service
public class ErpCustomerService {

    private final Validator validator;
    private final RegistrationPolicies policies;
    private final RegistrationParents parents;
    private final OrganizationRepository organizations;
    private final RegistrationRepository registrations;
    private final RegistrationApplicants applicants;
    private final AuditLog audit;

    public ErpCustomerService(
            Validator validator,
            RegistrationPolicies policies,
            RegistrationParents parents,
            OrganizationRepository organizations,
            RegistrationRepository registrations,
            RegistrationApplicants applicants,
            AuditLog audit) {
        this.validator = validator;
        this.policies = policies;
        this.parents = parents;
        this.organizations = organizations;
        this.registrations = registrations;
        this.applicants = applicants;
        this.audit = audit;
    }

    @Transactional
    public SubmittedRegistration create(ErpCustomerRequest request, String integrationUser) {
        validate(request);
        RegistrationFlow flow = RegistrationFlow.ERP_EXTERNAL;
        RegistrationPolicy policy = policies.forFlow(flow);
        long parentId = parents.parentIdFor(policy.type());
        ErpCustomerRequest.Organization data = request.organization();
        String number = data.erpCustomerNumber().strip();
        if (organizations.findByErpCustomerNumber(number).isPresent()) {
            throw new ErpCustomerExistsException(number, existingRegistrationId(number));
        }
        applicants.requireLogonIdFree(request.user().logonId(), null);
        applicants.requireOrganizationNameFree(parentId, data.name(), null);
        try {
            MemberDraft.NewOrganization customer = new MemberDraft.NewOrganization(
                    parentId,
                    data.name().strip(),
                    data.description(),
                    data.businessCategory(),
                    data.taxId(),
                    data.emailDomain(),
                    number,
                    request.addressOrEmpty());
            ErpCustomerRequest.User u = request.user();
            MemberDraft.NewUser user = new MemberDraft.NewUser(
                    u.logonId().strip(),
                    u.firstName(),
                    u.middleName(),
                    u.lastName(),
                    u.email(),
                    u.phone(),
                    u.preferredLanguage(),
                    request.addressOrEmpty(),
                    null,
                    policy.profileType(),
                    policy.roles(),
                    false);
            Registration submitted = new Registration(
                    flow, applicants.submittedData(request), user.email().strip());
            Registration registration = applicants.start(
                    submitted,
                    new MemberDraft(customer, user),
                    null,
                    StartVariables.of(submitted.getId(), customer, user)
                            .with(ProcessVariables.ERP_CUSTOMER_NUMBER, number)
                            .with(ProcessVariables.ACTIVATION_EMAIL, request.activationEmail())
                            .with(ProcessVariables.DECIDED_BY, integrationUser));
            audit.record(
                    integrationUser,
                    "REGISTRATION_SUBMITTED",
                    "Registration",
                    registration.getId(),
                    "ERP customer " + number + " '" + customer.name() + "' with user " + user.logonId());
            return new SubmittedRegistration(registration.getId(), registration.getState());
        } catch (DataIntegrityViolationException e) {
            if (String.valueOf(e.getMostSpecificCause().getMessage())
                    .toLowerCase()
                    .contains("uk_organization_erp_customer_number")) {
                throw new ErpCustomerExistsException(number, null);
            }
            throw ConstraintConflicts.translate(e).orElseThrow(() -> e);
        }
    }

    private void validate(ErpCustomerRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        problems.addAll(ConstraintProblems.of(validator.validate(request)));
        if (request.user() != null && request.user().password() != null) {
            problems.add(new FieldProblem(
                    "user.password",
                    "The ERP does not send passwords: with "
                            + "sendActivationEmail the user chooses one through a one-time activation link"));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(FieldProblem::field));
            throw new InvalidRegistrationException(problems);
        }
    }

    private String existingRegistrationId(String number) {
        return organizations
                .findByErpCustomerNumber(number)
                .flatMap(org -> registrations.findFirstByOrganizationIdOrderBySubmittedAtDesc(org.getId()))
                .map(Registration::getId)
                .orElse(null);
    }

    /** The ERP customer number is known already: 409, with the registration that created it when there is one. */
    public static class ErpCustomerExistsException extends RegistrationConflictException {

        private final transient String registrationId;

        ErpCustomerExistsException(String number, String registrationId) {
            super(
                    "organization.erpCustomerNumber",
                    "A customer with ERP customer number " + number + " already exists");
            this.registrationId = registrationId;
            if (registrationId != null) {
                getBody().setProperty("registrationId", registrationId);
            }
        }

        public Optional<String> registrationId() {
            return Optional.ofNullable(registrationId);
        }
    }
}
