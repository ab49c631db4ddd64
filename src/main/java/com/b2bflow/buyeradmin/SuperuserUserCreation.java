package com.b2bflow.buyeradmin;

import com.b2bflow.access.Actor;
import com.b2bflow.member.Organization;
import com.b2bflow.member.User;
import com.b2bflow.registration.GrantableRoles;
import com.b2bflow.registration.MemberDraft;
import com.b2bflow.registration.ProcessVariables;
import com.b2bflow.registration.Registration;
import com.b2bflow.registration.RegistrationApplicants;
import com.b2bflow.registration.RegistrationFlow;
import com.b2bflow.registration.RegistrationPolicies;
import com.b2bflow.registration.RegistrationPolicy;
import com.b2bflow.registration.StartVariables;
import com.b2bflow.shared.ConstraintConflicts;
import com.b2bflow.shared.FieldProblem;
import com.b2bflow.shared.InvalidRegistrationException;
import com.b2bflow.shared.RegistrationConflictException;
import com.b2bflow.shared.Texts;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code superuserUserCreation} flow's submission (CloudSuite's "user created by superuser", a buyer administrator
 * creating buyers, a CSR creating a buyer on their behalf): the buyer is created approved and enabled in the chosen
 * organization, with the SuperuserCreation policy's roles plus those picked (among those the organization may grant,
 * {@link GrantableRoles}), without a password; the process then sends
 * the activation email. Registration record, process instance and the user with its roles (the flow's first step
 * creates them in this transaction) commit together or not at all.
 */
@Service
public class SuperuserUserCreation {

    public static final String PROCESS_KEY = SuperuserUserCreationProcess.KEY;
    public static final String USER_ID = ProcessVariables.USER_ID;

    private final RegistrationPolicies policies;
    private final RegistrationApplicants applicants;
    private final GrantableRoles grantableRoles;

    public SuperuserUserCreation(
            RegistrationPolicies policies, RegistrationApplicants applicants, GrantableRoles grantableRoles) {
        this.policies = policies;
        this.applicants = applicants;
        this.grantableRoles = grantableRoles;
    }

    /** The roles a superuser may pick for a buyer of the organization: those it may grant ({@link GrantableRoles}). */
    public List<String> selectableRoles(Organization organization) {
        return grantableRoles.of(organization);
    }

    /** Starts the flow, whose first step creates the buyer (already validated and authorized by the caller). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Created create(Actor actor, Organization organization, NewBuyer data) {
        RegistrationPolicy policy = policy();
        List<String> picked = pickedRoles(data.roles(), selectableRoles(organization));
        String logonId = data.logonId().strip();
        try {
            applicants.requireLogonIdFree(logonId, null);
            Set<String> granted = new LinkedHashSet<>(policy.roles());
            granted.addAll(picked);
            MemberDraft.NewUser buyer = new MemberDraft.NewUser(
                    logonId,
                    data.firstName(),
                    data.middleName(),
                    data.lastName(),
                    data.email(),
                    data.phone(),
                    data.preferredLanguage(),
                    null,
                    organization.getId(),
                    policy.profileType(),
                    List.copyOf(granted),
                    true);
            Registration submitted = new Registration(
                    RegistrationFlow.SUPERUSER,
                    applicants.submittedData(data),
                    buyer.email().strip());
            submitted.setOrganization(organization);
            submitted.approve(actor.id());
            MemberDraft.NewOrganization joined = MemberDraft.NewOrganization.joined(organization, null);
            StartVariables variables = StartVariables.of(submitted.getId(), joined, buyer)
                    .with(ProcessVariables.ORGANIZATION_ID, organization.getId())
                    .with(ProcessVariables.ROLES, String.join(", ", granted))
                    .with(ProcessVariables.CREATED_BY, actor.id());
            if (actor.isOnBehalf()) {
                variables.with(ProcessVariables.ON_BEHALF_OF, actor.onBehalfOf());
            }
            Registration registration = applicants.start(submitted, new MemberDraft(null, buyer), null, variables);
            return new Created(registration.getUser(), registration.getId(), List.copyOf(granted));
        } catch (RegistrationConflictException e) {
            throw "user.logonId".equals(e.problem().field()) ? logonIdTaken() : e;
        } catch (DataIntegrityViolationException e) {
            RegistrationConflictException conflict =
                    ConstraintConflicts.translate(e).orElseThrow(() -> e);
            throw "user.logonId".equals(conflict.problem().field()) ? logonIdTaken() : conflict;
        }
    }

    /** The picked roles; a 400 on {@code roles} naming each role the organization may not grant. */
    private static List<String> pickedRoles(List<String> requested, List<String> grantable) {
        List<String> picked = requested == null
                ? List.of()
                : requested.stream()
                        .filter(r -> r != null && !r.isBlank())
                        .map(String::strip)
                        .distinct()
                        .toList();
        List<FieldProblem> problems = new ArrayList<>();
        if (picked.isEmpty()) {
            problems.add(new FieldProblem("roles", Texts.text("validation.pickARole", String.join(", ", grantable))));
        }
        picked.stream()
                .filter(role -> !grantable.contains(role))
                .forEach(role -> problems.add(new FieldProblem(
                        "roles", Texts.text("validation.roleNotGrantable", role, String.join(", ", grantable)))));
        if (!problems.isEmpty()) {
            throw new InvalidRegistrationException(problems);
        }
        return picked;
    }

    private RegistrationPolicy policy() {
        return policies.forFlow(RegistrationFlow.SUPERUSER);
    }

    private static RegistrationConflictException logonIdTaken() {
        return new RegistrationConflictException("logonId", Texts.text("conflict.logonIdTaken"));
    }

    public record Created(User buyer, String registrationId, List<String> roles) {}
}
