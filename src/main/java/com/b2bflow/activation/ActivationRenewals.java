package com.b2bflow.activation;

import com.b2bflow.audit.AuditLog;
import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Send me a new link". The caller learns nothing about whether an account exists: the answer is the same in every
 * case, and the link goes only to the account's own email address. A flow waiting for the user's activation sends
 * the link itself ({@link ActivationMessages#ACTIVATION_LINK_REQUESTED}); otherwise it is mailed directly. At most
 * one link per user per {@code app.activation.renewal-interval}.
 */
@Service
public class ActivationRenewals {

    private static final Logger log = LoggerFactory.getLogger(ActivationRenewals.class);

    private final ActivationService activation;
    private final ActivationMails mails;
    private final UserRepository users;
    private final ActivationUsers usersByEmail;
    private final RuntimeService runtime;
    private final AuditLog audit;

    public ActivationRenewals(
            ActivationService activation,
            ActivationMails mails,
            UserRepository users,
            ActivationUsers usersByEmail,
            RuntimeService runtime,
            AuditLog audit) {
        this.activation = activation;
        this.mails = mails;
        this.users = users;
        this.usersByEmail = usersByEmail;
        this.runtime = runtime;
        this.audit = audit;
    }

    /** What came of a staff member's "resend activation". */
    public enum Resend {
        SENT,
        /** The user has activated their account already, or cannot (not approved, disabled). */
        NOT_WAITING,
        /** A link went out within {@code app.activation.renewal-interval}: the user has it. */
        SENT_RECENTLY,
        NO_SUCH_USER
    }

    /**
     * Staff send a user who has not activated their account a new link (the staff console), with the same rules as
     * the user's own request, and audited as {@code ACTIVATION_RESENT}. Unlike the user's request it says what
     * happened, and a mail that cannot be sent fails the call.
     */
    @Transactional
    public Resend resendForStaff(long userId, String staffId) {
        User user = users.findById(userId).orElse(null);
        if (user == null) {
            return Resend.NO_SUCH_USER;
        }
        if (!activation.isWaitingForActivation(user)) {
            return Resend.NOT_WAITING;
        }
        if (activation.issuedRecently(user)) {
            return Resend.SENT_RECENTLY;
        }
        deliver(user);
        audit.recordInOrganization(
                staffId,
                null,
                null,
                user.getOrganization().getId(),
                "ACTIVATION_RESENT",
                "User",
                user.getId(),
                "a new activation link was sent");
        return Resend.SENT;
    }

    /** For the user with this logon id, or the users with this email address, if they wait for activation. */
    public void request(String logonIdOrEmail) {
        if (logonIdOrEmail == null || logonIdOrEmail.isBlank() || logonIdOrEmail.length() > 254) {
            return;
        }
        String identifier = logonIdOrEmail.strip();
        Map<Long, User> candidates = new LinkedHashMap<>();
        users.findByLogonId(identifier).ifPresent(user -> candidates.put(user.getId(), user));
        if (identifier.contains("@")) {
            usersByEmail.findByEmailIgnoreCase(identifier).forEach(user -> candidates.putIfAbsent(user.getId(), user));
        }
        candidates.values().forEach(this::renew);
    }

    /** For the user an (expired) link was issued to, if they still wait for activation. */
    public void requestForLink(String rawToken) {
        activation.userOf(rawToken).flatMap(users::findById).ifPresent(this::renew);
    }

    private void renew(User user) {
        if (!activation.isWaitingForActivation(user) || activation.issuedRecently(user)) {
            return;
        }
        try {
            deliver(user);
            log.info("New activation link requested for user {}", user.getId());
        } catch (RuntimeException e) {
            // the caller gets the same answer whatever happened; the user may ask again
            log.warn("Could not send a new activation link to user {}: {}", user.getId(), e.toString());
        }
    }

    /** The flow waiting for the user's activation sends the link; without one it is mailed directly. */
    private void deliver(User user) {
        boolean flowSends = !runtime.createMessageCorrelation(ActivationMessages.ACTIVATION_LINK_REQUESTED)
                .processInstanceVariableEquals(ActivationMessages.USER_ID, user.getId())
                .correlateAllWithResult()
                .isEmpty();
        if (!flowSends) {
            mails.sendActivation(user.getId(), "activation-renewal:" + user.getId() + ":" + UUID.randomUUID());
        }
    }
}
