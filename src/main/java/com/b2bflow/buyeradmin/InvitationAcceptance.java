package com.b2bflow.buyeradmin;

import com.b2bflow.activation.OneTimeTokens;
import com.b2bflow.audit.AuditLog;
import com.b2bflow.member.Organization;
import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import com.b2bflow.registration.MemberDraft;
import com.b2bflow.registration.OrganizationData;
import com.b2bflow.registration.PendingPasswordHash;
import com.b2bflow.registration.ProcessVariables;
import com.b2bflow.registration.Registration;
import com.b2bflow.registration.RegistrationApplicants;
import com.b2bflow.registration.RegistrationFlow;
import com.b2bflow.registration.RegistrationPolicies;
import com.b2bflow.registration.RegistrationPolicy;
import com.b2bflow.registration.RegistrationRequest;
import com.b2bflow.registration.RegistrationValidator;
import com.b2bflow.registration.ReservedNames;
import com.b2bflow.registration.StartVariables;
import com.b2bflow.registration.SubmittedRegistration;
import com.b2bflow.registration.UserData;
import com.b2bflow.shared.ConstraintConflicts;
import com.b2bflow.shared.InvalidRegistrationException;
import com.b2bflow.shared.Texts;
import java.time.Instant;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The invitee's side of an invitation: what the link is, and registering through it. Registering runs the
 * {@code buyerInvitation} flow, whose first step creates the buyer approved and enabled, with the password chosen and
 * the UserRegistration policy's roles, in the organization invited into: the invitation is the approval, and the
 * registration records it as approved by the inviter. The email address is the invitation's.
 */
@Service
public class InvitationAcceptance {

    private final InvitationRepository invitations;
    private final RegistrationValidator validator;
    private final RegistrationPolicies policies;
    private final RegistrationApplicants applicants;
    private final UserRepository users;
    private final AuditLog audit;

    InvitationAcceptance(
            InvitationRepository invitations,
            RegistrationValidator validator,
            RegistrationPolicies policies,
            RegistrationApplicants applicants,
            UserRepository users,
            AuditLog audit) {
        this.invitations = invitations;
        this.validator = validator;
        this.policies = policies;
        this.applicants = applicants;
        this.users = users;
        this.audit = audit;
    }

    /** The organization and email address of a pending invitation; 410 for a used, revoked, expired or unknown one. */
    @Transactional(readOnly = true)
    public InvitationLink inspect(String token) {
        Invitation invitation = pending(token);
        return new InvitationLink(
                invitation.getOrganization().getName(), invitation.getEmail(), invitation.getExpiresAt());
    }

    /**
     * Registers the invitee: 410 unless the invitation is pending, then the rules of a registration form (400 naming
     * the field, {@code consentVersion} too: the invitee agrees to the terms and privacy notice like every applicant;
     * 409 for a taken logon id). The invitation is accepted in the transaction that creates the buyer, so of two
     * acceptances of one link exactly one registers; the other gets the 410.
     */
    public SubmittedRegistration accept(String token, UserData data, String consentVersion) {
        InvitationLink link = inspect(token);
        if (data == null) {
            throw InvalidRegistrationException.of("user", Texts.text("validation.theUserIsMissing"));
        }
        UserData user = withInvitedEmail(data, link.email());
        validator.validateForm(new RegistrationRequest(
                new OrganizationData(link.organizationName(), null, null, null, null),
                user,
                null,
                null,
                null,
                consentVersion));
        applicants.requireLogonIdFree(user, null);
        return applicants.submitInTransaction(
                user,
                ReservedNames.user(user.logonId().strip()),
                (id, passwordHash) -> register(id, token, user, consentVersion, passwordHash));
    }

    private SubmittedRegistration register(
            String id, String token, UserData user, String consentVersion, PendingPasswordHash passwordHash) {
        Invitation invitation = pending(token);
        applicants.requireLogonIdFree(user, null, id);
        Organization organization = invitation.getOrganization();
        RegistrationPolicy policy = policies.forFlow(RegistrationFlow.INVITATION);
        MemberDraft.NewUser buyer = new MemberDraft.NewUser(
                user.logonId().strip(),
                user.firstName(),
                user.middleName(),
                user.lastName(),
                invitation.getEmail(),
                user.phone(),
                user.preferredLanguage(),
                null,
                organization.getId(),
                policy.profileType(),
                policy.roles(),
                true);
        Registration registration = new Registration(
                id, RegistrationFlow.INVITATION, applicants.submittedData(user), invitation.getEmail());
        registration.setOrganization(organization);
        registration.recordConsent(consentVersion);
        registration.approve(invitation.getInvitedBy());
        StartVariables variables = StartVariables.of(id, MemberDraft.NewOrganization.joined(organization, null), buyer)
                .with(ProcessVariables.ORGANIZATION_ID, organization.getId())
                .with(BuyerInvitationProcess.Variables.INVITED_BY, invitation.getInvitedBy());
        if (invitation.getOnBehalfOf() != null) {
            variables.with(ProcessVariables.ON_BEHALF_OF, invitation.getOnBehalfOf());
        }
        try {
            SubmittedRegistration submitted = applicants.start(
                    registration,
                    new MemberDraft(null, buyer),
                    passwordHash,
                    variables,
                    "of buyer " + buyer.logonId() + " in organization " + organization.getId()
                            + ", approved by invitation " + invitation.getId() + " of " + invitation.getInvitedBy());
            // the model's creation step made the user in this transaction (unless a designer put a wait before it)
            User created = users.findByLogonId(buyer.logonId()).orElse(null);
            invitation.accept(created, Instant.now());
            invitations.flush();
            audit.recordInOrganization(
                    buyer.logonId(),
                    null,
                    null,
                    organization.getId(),
                    "INVITATION_ACCEPTED",
                    "Invitation",
                    invitation.getId(),
                    "registered as " + buyer.logonId() + " (registration " + submitted.id()
                            + "), approved by the invitation of " + invitation.getInvitedBy());
            return submitted;
        } catch (DataIntegrityViolationException e) {
            throw ConstraintConflicts.translate(e).orElseThrow(() -> e);
        }
    }

    private Invitation pending(String token) {
        Invitation invitation = OneTimeTokens.lookupHash(token)
                .flatMap(invitations::findByTokenHash)
                .orElseThrow(InvitationGoneException::unknown);
        invitation.requirePending(Instant.now());
        return invitation;
    }

    /** The invitation's address: a blank one is filled in, another one is refused. */
    private static UserData withInvitedEmail(UserData user, String invited) {
        if (user.email() != null
                && !user.email().isBlank()
                && !user.email().strip().equalsIgnoreCase(invited)) {
            throw InvalidRegistrationException.of(
                    "user.email", Texts.text("validation.invitationIsForAnotherAddress", invited));
        }
        return new UserData(
                user.logonId(),
                user.password(),
                user.passwordVerify(),
                user.firstName(),
                user.middleName(),
                user.lastName(),
                invited,
                user.phone(),
                user.preferredLanguage());
    }

    /** A pending invitation as its link's page shows it. */
    public record InvitationLink(String organizationName, String email, Instant expiresAt) {}
}
