package com.b2bflow.buyeradmin;

import com.b2bflow.access.Actor;
import com.b2bflow.audit.AuditLog;
import com.b2bflow.member.Names;
import com.b2bflow.member.Organization;
import com.b2bflow.member.RoleAssignment;
import com.b2bflow.member.RoleAssignmentRepository;
import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import com.b2bflow.registration.ProcessVariables;
import com.b2bflow.registration.Registration;
import com.b2bflow.registration.RegistrationFlow;
import com.b2bflow.registration.RegistrationPolicies;
import com.b2bflow.registration.RegistrationPolicy;
import com.b2bflow.registration.RegistrationRepository;
import com.b2bflow.shared.ConstraintConflicts;
import com.b2bflow.shared.FieldProblem;
import com.b2bflow.shared.InvalidRegistrationException;
import com.b2bflow.shared.RegistrationConflictException;
import com.b2bflow.staff.StaffDirectory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code superuserUserCreation} flow's submission (CloudSuite's "user created by superuser", a buyer administrator
 * creating buyers, a CSR creating a buyer on their behalf): the buyer is created approved and enabled in the chosen
 * organization, with the SuperuserCreation policy's roles plus those picked, without a password; the process then sends
 * the activation email. User, roles, registration record and process instance commit together or not at all.
 */
@Service
public class SuperuserUserCreation {

    public static final String PROCESS_KEY = RegistrationFlow.SUPERUSER.processKey();
    public static final String USER_ID = "userId";

    private final RegistrationPolicies policies;
    private final UserRepository users;
    private final RoleAssignmentRepository roles;
    private final RegistrationRepository registrations;
    private final StaffDirectory staff;
    private final RuntimeService runtime;
    private final AuditLog audit;
    private final ObjectMapper json;

    public SuperuserUserCreation(RegistrationPolicies policies, UserRepository users, RoleAssignmentRepository roles,
                                 RegistrationRepository registrations, StaffDirectory staff, RuntimeService runtime,
                                 AuditLog audit, ObjectMapper json) {
        this.policies = policies;
        this.users = users;
        this.roles = roles;
        this.registrations = registrations;
        this.staff = staff;
        this.runtime = runtime;
        this.audit = audit;
        this.json = json;
    }

    /** The roles a superuser may pick, in the policy's order. */
    public List<String> selectableRoles() {
        return policy().selectableRoles();
    }

    /** Creates the buyer (already validated and authorized by the caller) and starts the flow. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Created create(Actor actor, Organization organization, NewBuyer data) {
        RegistrationPolicy policy = policy();
        List<String> picked = pickedRoles(data.roles(), policy);
        String logonId = data.logonId().strip();
        if (users.existsByLogonIdNormalized(Names.normalize(logonId)) || staff.exists(logonId)) {
            throw logonIdTaken();
        }
        try {
            User buyer = new User(logonId, organization, policy.profileType());
            buyer.approve();
            buyer.setFirstName(blankToNull(data.firstName()));
            buyer.setMiddleName(blankToNull(data.middleName()));
            buyer.setLastName(data.lastName().strip());
            buyer.setEmail(data.email().strip());
            buyer.setPhone(blankToNull(data.phone()));
            buyer.setPreferredLanguage(blankToNull(data.preferredLanguage()));
            users.saveAndFlush(buyer);
            Set<String> granted = new LinkedHashSet<>(policy.roles());
            granted.addAll(picked);
            granted.forEach(role -> roles.save(RoleAssignment.ofUser(buyer, organization, role)));
            roles.flush();

            Registration registration = new Registration(RegistrationFlow.SUPERUSER, submittedData(data),
                    buyer.getEmail());
            registration.setOrganization(organization);
            registration.setUser(buyer);
            registration.approve(actor.id());
            registrations.saveAndFlush(registration);
            registration.setProcessInstanceId(runtime.startProcessInstanceByKey(PROCESS_KEY, registration.getId(),
                    variables(registration, organization, buyer, granted, actor)).getId());
            return new Created(buyer, registration.getId(), List.copyOf(granted));
        } catch (DataIntegrityViolationException e) {
            RegistrationConflictException conflict = ConstraintConflicts.translate(e).orElseThrow(() -> e);
            throw "user.logonId".equals(conflict.problem().field()) ? logonIdTaken() : conflict;
        }
    }

    private static Map<String, Object> variables(Registration registration, Organization organization, User buyer,
                                                 Set<String> granted, Actor actor) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.REGISTRATION_ID, registration.getId());
        variables.put(USER_ID, buyer.getId());
        variables.put("organizationId", organization.getId());
        variables.put("organizationName", organization.getName());
        variables.put("applicantName", buyer.getDisplayName());
        variables.put("applicantLogonId", buyer.getLogonId());
        variables.put("applicantEmail", buyer.getEmail());
        variables.put("roles", String.join(", ", granted));
        variables.put("createdBy", actor.id());
        if (actor.isOnBehalf()) {
            variables.put("onBehalfOf", actor.onBehalfOf());
        }
        return variables;
    }

    private static List<String> pickedRoles(List<String> requested, RegistrationPolicy policy) {
        List<String> picked = requested == null ? List.of()
                : requested.stream().filter(r -> r != null && !r.isBlank()).map(String::strip).distinct().toList();
        List<FieldProblem> problems = new ArrayList<>();
        if (picked.isEmpty()) {
            problems.add(new FieldProblem("roles", "Pick at least one role: " + String.join(", ",
                    policy.selectableRoles())));
        }
        picked.stream().filter(role -> !policy.selectableRoles().contains(role)).forEach(role -> problems.add(
                new FieldProblem("roles", "'" + role + "' cannot be given here; pick from: "
                        + String.join(", ", policy.selectableRoles()))));
        if (!problems.isEmpty()) {
            throw new InvalidRegistrationException(problems);
        }
        return picked;
    }

    private String submittedData(NewBuyer data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize a new buyer", e);
        }
    }

    private RegistrationPolicy policy() {
        return policies.forFlow(RegistrationFlow.SUPERUSER);
    }

    private static RegistrationConflictException logonIdTaken() {
        return new RegistrationConflictException("logonId", "This logon ID is already taken; choose another one");
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public record Created(User buyer, String registrationId, List<String> roles) {
    }
}
