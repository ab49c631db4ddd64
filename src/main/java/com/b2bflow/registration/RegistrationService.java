package com.b2bflow.registration;

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
import com.b2bflow.staff.StaffDirectory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.EnumSet;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Submits registrations that create an organization and its administrator. The organization, the user, their
 * addresses and roles, the registration record and the process instance are created in one transaction: if any
 * part fails, nothing is left behind.
 */
@Service
public class RegistrationService implements RegistrationSubmitter {

    static final Set<RegistrationFlow> ORGANIZATION_FLOWS = EnumSet.of(RegistrationFlow.ORGANIZATION);

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
    private final AuditLog audit;
    private final ObjectMapper json;

    public RegistrationService(RegistrationValidator validator, PasswordEncoder passwordEncoder,
                               RegistrationPolicies policies, RegistrationParents parents,
                               OrganizationRepository organizations, UserRepository users, AddressRepository addresses,
                               RoleAssignmentRepository roles, RegistrationRepository registrations,
                               StaffDirectory staff, RuntimeService runtime, AuditLog audit, ObjectMapper json) {
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
        this.audit = audit;
        this.json = json;
    }

    @Override
    public boolean supports(RegistrationFlow flow) {
        return ORGANIZATION_FLOWS.contains(flow);
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
        Organization parent = organizations.getReferenceById(parents.parentIdFor(policy.type()));
        requireUnique(request, parent, previous);
        try {
            Organization organization = saveOrganization(request, parent, previous);
            User admin = saveAdministrator(request, organization, policy, previous);
            Registration registration = new Registration(flow, submittedData(request), admin.getEmail());
            registration.setOrganization(organization);
            registration.setUser(admin);
            registration.setPreviousRegistration(previous);
            registrations.saveAndFlush(registration);
            registration.setProcessInstanceId(runtime.startProcessInstanceByKey(flow.processKey(), registration.getId(),
                    SubmissionVariables.of(registration, organization, admin, request.addressOrEmpty(),
                            policy.approvalRequired())).getId());
            audit.record(admin.getLogonId(), "REGISTRATION_SUBMITTED", "Registration", registration.getId(),
                    flow.pathSegment() + " registration of '" + organization.getName() + "'"
                            + (previous == null ? "" : ", correcting " + previous.getId()));
            return new SubmittedRegistration(registration.getId(), registration.getState());
        } catch (DataIntegrityViolationException e) {
            throw ConstraintConflicts.translate(e).orElseThrow(() -> e);
        }
    }

    private Registration rejectedRegistrationToCorrect(RegistrationFlow flow, String previousId) {
        if (previousId == null || previousId.isBlank()) {
            return null;
        }
        Registration previous = registrations.findById(previousId)
                .filter(r -> r.getFlow() == flow && r.getState() == ApprovalState.REJECTED)
                .orElseThrow(() -> InvalidRegistrationException.of("previousRegistrationId",
                        "There is no rejected registration with this id to correct"));
        if (registrations.existsByPreviousRegistration(previous)) {
            throw new RegistrationConflictException("previousRegistrationId",
                    "This registration was already corrected and submitted again");
        }
        return previous;
    }

    private void requireUnique(RegistrationRequest request, Organization parent, Registration previous) {
        String logonId = Names.normalize(request.user().logonId());
        boolean logonTaken = users.findByLogonIdNormalized(logonId)
                .filter(user -> previous == null || !user.getId().equals(previous.getUser().getId())).isPresent();
        if (logonTaken || staff.exists(request.user().logonId().strip())) {
            throw RegistrationConflictException.logonIdTaken();
        }
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
        addresses.findFirstByOrganization(organization).ifPresent(addresses::delete);
        addresses.save(Address.ofOrganization(organization, request.addressOrEmpty()));
        return organization;
    }

    private User saveAdministrator(RegistrationRequest request, Organization organization, RegistrationPolicy policy,
                                   Registration previous) {
        UserData data = request.user();
        User admin = previous == null ? new User(data.logonId(), organization, policy.profileType())
                : previous.getUser();
        admin.setRegistrationState(ApprovalState.PENDING);
        admin.setEnabled(false);
        admin.setFirstName(blankToNull(data.firstName()));
        admin.setMiddleName(blankToNull(data.middleName()));
        admin.setLastName(data.lastName().strip());
        admin.setEmail(data.email().strip());
        admin.setPhone(blankToNull(data.phone()));
        admin.setPreferredLanguage(blankToNull(data.preferredLanguage()));
        admin.setPasswordHash(passwordEncoder.encode(data.password()));
        users.saveAndFlush(admin);
        addresses.findFirstByUser(admin).ifPresent(addresses::delete);
        addresses.save(Address.ofUser(admin, request.addressOrEmpty()));
        roles.deleteByUser(admin);
        roles.flush();
        policy.roles().forEach(role -> roles.save(RoleAssignment.ofUser(admin, organization, role)));
        roles.flush();
        return admin;
    }

    /** What was submitted, as JSON; the password fields are write-only and never serialized. */
    private String submittedData(RegistrationRequest request) {
        try {
            return json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize a registration", e);
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
