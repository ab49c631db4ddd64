package com.b2bflow.registration;

import com.b2bflow.audit.AuditLog;
import com.b2bflow.member.Address;
import com.b2bflow.member.AddressData;
import com.b2bflow.member.AddressRepository;
import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.Names;
import com.b2bflow.member.Organization;
import com.b2bflow.member.RoleAssignment;
import com.b2bflow.member.RoleAssignmentRepository;
import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import com.b2bflow.staff.StaffDirectory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * What every submitter does with the registering user and the registration record, whatever the flow: correcting a
 * rejected registration, the logon id check, the PENDING user with its password hash, address and policy roles, and
 * starting the flow's process. Runs in the submitter's transaction.
 */
@Component
public class RegistrationApplicants {

    private final PasswordEncoder passwordEncoder;
    private final UserRepository users;
    private final AddressRepository addresses;
    private final RoleAssignmentRepository roles;
    private final RegistrationRepository registrations;
    private final StaffDirectory staff;
    private final RuntimeService runtime;
    private final AuditLog audit;
    private final ObjectMapper json;

    RegistrationApplicants(PasswordEncoder passwordEncoder, UserRepository users, AddressRepository addresses,
                           RoleAssignmentRepository roles, RegistrationRepository registrations, StaffDirectory staff,
                           RuntimeService runtime, AuditLog audit, ObjectMapper json) {
        this.passwordEncoder = passwordEncoder;
        this.users = users;
        this.addresses = addresses;
        this.roles = roles;
        this.registrations = registrations;
        this.staff = staff;
        this.runtime = runtime;
        this.audit = audit;
        this.json = json;
    }

    /** The rejected registration of this flow that a submission corrects, or null when it corrects none. */
    public Registration rejectedRegistrationToCorrect(RegistrationFlow flow, String previousId) {
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

    /** 409 when another storefront user or a staff member has the logon id; {@code reusable} may keep its own. */
    public void requireLogonIdFree(UserData user, User reusable) {
        requireLogonIdFree(user.logonId(), reusable);
    }

    public void requireLogonIdFree(String logonId, User reusable) {
        boolean taken = users.findByLogonIdNormalized(Names.normalize(logonId))
                .filter(existing -> reusable == null || !existing.getId().equals(reusable.getId())).isPresent();
        if (taken || staff.exists(logonId.strip())) {
            throw RegistrationConflictException.logonIdTaken();
        }
    }

    /**
     * Saves the registering user PENDING and disabled in {@code organization}, with the password hash, an address
     * and the policy's roles; {@code existing} (the user of a corrected registration) is updated instead.
     */
    User savePendingUser(UserData data, AddressData address, Organization organization, RegistrationPolicy policy,
                         User existing) {
        return savePendingUser(data, address, organization, policy, existing, true);
    }

    /**
     * As above; without {@code withRoles} the user gets no roles yet (a partial registration waits in a holding
     * organization and gets its roles in the customer it is linked to).
     */
    public User savePendingUser(UserData data, AddressData address, Organization organization,
                                RegistrationPolicy policy, User existing, boolean withRoles) {
        User user = existing == null ? new User(data.logonId(), organization, policy.profileType()) : existing;
        user.setOrganization(organization);
        user.setRegistrationState(ApprovalState.PENDING);
        user.setEnabled(false);
        user.setFirstName(blankToNull(data.firstName()));
        user.setMiddleName(blankToNull(data.middleName()));
        user.setLastName(data.lastName().strip());
        user.setEmail(data.email().strip());
        user.setPhone(blankToNull(data.phone()));
        user.setPreferredLanguage(blankToNull(data.preferredLanguage()));
        user.setPasswordHash(passwordEncoder.encode(data.password()));
        users.saveAndFlush(user);
        addresses.findFirstByUser(user).ifPresent(addresses::delete);
        addresses.save(Address.ofUser(user, address));
        roles.deleteByUser(user);
        roles.flush();
        if (withRoles) {
            policy.roles().forEach(role -> roles.save(RoleAssignment.ofUser(user, organization, role)));
            roles.flush();
        }
        return user;
    }

    /** Saves the registration and starts its flow's process, with the registration id as business key. */
    public SubmittedRegistration start(Registration submitted, Map<String, Object> variables, String details) {
        // an assigned id makes Spring Data merge: keep working on the managed copy it returns
        Registration registration = registrations.saveAndFlush(submitted);
        registration.setProcessInstanceId(runtime.startProcessInstanceByKey(registration.getFlow().processKey(),
                registration.getId(), variables).getId());
        audit.record(registration.getUser().getLogonId(), "REGISTRATION_SUBMITTED", "Registration",
                registration.getId(), registration.getFlow().pathSegment() + " registration " + details
                        + (registration.getPreviousRegistration() == null ? ""
                        : ", correcting " + registration.getPreviousRegistration().getId()));
        return new SubmittedRegistration(registration.getId(), registration.getState());
    }

    /** What was submitted, as JSON; the password fields are write-only and never serialized. */
    public String submittedData(Object request) {
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
