package com.b2bflow.activation;

import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

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

    public ActivationRenewals(
            ActivationService activation,
            ActivationMails mails,
            UserRepository users,
            ActivationUsers usersByEmail,
            RuntimeService runtime) {
        this.activation = activation;
        this.mails = mails;
        this.users = users;
        this.usersByEmail = usersByEmail;
        this.runtime = runtime;
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
            boolean flowSends = !runtime.createMessageCorrelation(ActivationMessages.ACTIVATION_LINK_REQUESTED)
                    .processInstanceVariableEquals(ActivationMessages.USER_ID, user.getId())
                    .correlateAllWithResult()
                    .isEmpty();
            if (!flowSends) {
                mails.sendActivation(user.getId(), "activation-renewal:" + user.getId() + ":" + UUID.randomUUID());
            }
            log.info("New activation link requested for user {}", user.getId());
        } catch (RuntimeException e) {
            // the caller gets the same answer whatever happened; the user may ask again
            log.warn("Could not send a new activation link to user {}: {}", user.getId(), e.toString());
        }
    }
}
