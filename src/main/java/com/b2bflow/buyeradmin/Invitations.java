package com.b2bflow.buyeradmin;

import static com.b2bflow.access.AccountAction.INVITE_BUYERS;

import com.b2bflow.access.Actor;
import com.b2bflow.activation.OneTimeTokens;
import com.b2bflow.audit.AuditLog;
import com.b2bflow.member.Organization;
import com.b2bflow.member.OrganizationRepository;
import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import com.b2bflow.notification.Notification;
import com.b2bflow.notification.NotificationProperties;
import com.b2bflow.notification.NotificationService;
import com.b2bflow.notification.Recipient;
import com.b2bflow.shared.InvalidRegistrationException;
import com.b2bflow.shared.ProblemException;
import com.b2bflow.shared.Texts;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A buyer administrator's (or a CSR's on their behalf) invitations: invite someone by email to register into an
 * organization of the administered subtree, list the organization's invitations with their state, revoke one. Every
 * change is audited in the organization; the token goes only into the mail.
 */
@Service
public class Invitations {

    static final String MAIL_TEMPLATE = "buyer-invitation";

    private final BuyerAdministration administration;
    private final InvitationRepository invitations;
    private final OrganizationRepository organizations;
    private final UserRepository users;
    private final NotificationService notifications;
    private final NotificationProperties links;
    private final InvitationProperties properties;
    private final AuditLog audit;
    private final Validator validator;

    Invitations(
            BuyerAdministration administration,
            InvitationRepository invitations,
            OrganizationRepository organizations,
            UserRepository users,
            NotificationService notifications,
            NotificationProperties links,
            InvitationProperties properties,
            AuditLog audit,
            Validator validator) {
        this.administration = administration;
        this.invitations = invitations;
        this.organizations = organizations;
        this.users = users;
        this.notifications = notifications;
        this.links = links;
        this.properties = properties;
        this.audit = audit;
        this.validator = validator;
    }

    /**
     * Invites {@code email} into the organization and mails the link {@code /store/invitations/{token}}, valid for
     * {@code app.invitations.ttl}. The mail goes out before the invitation commits: when the mail server refuses it,
     * nothing is saved and the caller gets a 503 to try again.
     */
    @Transactional
    public InvitationView invite(Actor caller, long organizationId, NewInvitation request) {
        Actor actor = caller.inStorefront();
        administration.check(actor, INVITE_BUYERS, organizationId);
        validator.validate(request).stream().findFirst().ifPresent(violation -> {
            throw InvalidRegistrationException.of("email", violation.getMessage());
        });
        Organization organization = organizations.findById(organizationId).orElseThrow();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String token = OneTimeTokens.newToken();
        Invitation invitation = invitations.saveAndFlush(new Invitation(
                organization,
                request.email().strip(),
                OneTimeTokens.hash(token),
                actor.id(),
                actor.onBehalfOf(),
                now,
                now.plus(properties.ttl())));
        record(
                actor,
                invitation,
                "INVITATION_SENT",
                "invited " + invitation.getEmail() + ", valid until " + invitation.getExpiresAt());
        mail(actor, invitation, token);
        return InvitationView.of(invitation, now);
    }

    /** The organization's invitations, newest first, each with its state. */
    @Transactional(readOnly = true)
    public List<InvitationView> list(Actor caller, long organizationId) {
        administration.check(caller, INVITE_BUYERS, organizationId);
        Instant now = Instant.now();
        return invitations.findByOrganizationIdOrderByCreatedAtDescIdDesc(organizationId).stream()
                .map(invitation -> InvitationView.of(invitation, now))
                .toList();
    }

    /**
     * Revokes a pending invitation: its link answers 410 from now on. Revoking it again changes nothing; an accepted or
     * expired one is a 409. An invitation of another organization is a 404.
     */
    @Transactional
    public InvitationView revoke(Actor caller, long organizationId, long invitationId) {
        Actor actor = caller.inStorefront();
        administration.check(actor, INVITE_BUYERS, organizationId);
        Invitation invitation = invitations
                .findById(invitationId)
                .filter(found -> found.getOrganization().getId() == organizationId)
                .orElseThrow(() -> new ProblemException(
                        HttpStatus.NOT_FOUND,
                        Texts.text("problem.noInvitation", String.valueOf(invitationId)),
                        List.of()));
        Instant now = Instant.now();
        if (invitation.revoke(actor.id(), now)) {
            invitations.flush();
            record(actor, invitation, "INVITATION_REVOKED", "revoked the invitation of " + invitation.getEmail());
        }
        return InvitationView.of(invitation, now);
    }

    private void mail(Actor actor, Invitation invitation, String token) {
        Organization organization = invitation.getOrganization();
        String inviter = actor.userId() == null
                ? actor.displayName()
                : users.findById(actor.userId()).map(User::getDisplayName).orElse(actor.displayName());
        String language = actor.userId() == null
                ? null
                : users.findById(actor.userId()).map(User::getPreferredLanguage).orElse(null);
        Map<String, Object> model = Map.of(
                "subjectArgument", organization.getName(),
                "organizationName", organization.getName(),
                "inviterName", inviter,
                "invitationUrl", links.link("/store/invitations/" + URLEncoder.encode(token, StandardCharsets.UTF_8)),
                "expiresAt", invitation.getExpiresAt());
        try {
            notifications.send(new Notification(
                    "invitation:" + invitation.getId(),
                    MAIL_TEMPLATE,
                    List.of(Recipient.of(
                            invitation.getEmail(),
                            null,
                            language != null
                                    ? language
                                    : LocaleContextHolder.getLocale().getLanguage())),
                    model));
        } catch (MailException e) {
            throw new ProblemException(
                    HttpStatus.SERVICE_UNAVAILABLE, Texts.text("problem.invitationMailFailed"), List.of());
        }
    }

    private void record(Actor actor, Invitation invitation, String action, String details) {
        audit.recordInOrganization(
                actor.id(),
                actor.onBehalfOf(),
                actor.reason(),
                invitation.getOrganization().getId(),
                action,
                "Invitation",
                invitation.getId(),
                details);
    }

    /** The body of {@code POST /api/me/organizations/{id}/invitations}. */
    @com.b2bflow.shared.PlainText
    public record NewInvitation(
            @NotBlank(message = "{validation.enterTheEmailAddressToInvite}")
            @Email(message = "{validation.enterAValidEmailAddress}")
            @Size(max = 254, message = "{validation.size.max}")
            String email) {}
}
