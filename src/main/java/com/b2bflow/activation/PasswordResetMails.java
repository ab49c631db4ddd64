package com.b2bflow.activation;

import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import com.b2bflow.notification.Notification;
import com.b2bflow.notification.NotificationProperties;
import com.b2bflow.notification.NotificationService;
import com.b2bflow.notification.Recipient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mails of a password reset, in the user's language: the one-time link, and the notice that the password was
 * changed (through a link or on My Account).
 */
@Component
class PasswordResetMails {

    static final String LINK = "password-reset";
    static final String CHANGED = "password-changed";
    /** The start of the occasion of a change on My Account (not through a reset link). */
    static final String ON_MY_ACCOUNT = "my-account-";

    private static final Logger log = LoggerFactory.getLogger(PasswordResetMails.class);

    private final NotificationService notifications;
    private final NotificationProperties links;
    private final UserRepository users;
    private final TransactionTemplate separately;

    PasswordResetMails(
            NotificationService notifications,
            NotificationProperties links,
            UserRepository users,
            PlatformTransactionManager transactions) {
        this.notifications = notifications;
        this.links = links;
        this.users = users;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The link {@code {base-url}/store/password-reset?token=…}; the raw token goes into this mail only. */
    void sendLink(User user, long tokenId, String rawToken, Instant expiresAt) {
        Map<String, Object> model = model(user);
        model.put(
                "resetUrl",
                links.link("/store/password-reset?token=" + URLEncoder.encode(rawToken, StandardCharsets.UTF_8)));
        model.put("expiresAt", expiresAt);
        send("password-reset:" + tokenId, LINK, user, model);
    }

    /**
     * "Your password was changed", so that a change the user did not make does not go unnoticed; {@code occasion}
     * makes the mail's key unique (a reset link's id, or the user and time of a change on My Account).
     */
    void sendChanged(User user, String occasion, Instant changedAt) {
        Map<String, Object> model = model(user);
        model.put("changedAt", changedAt);
        model.put("resetUrl", links.link("/store/password-reset"));
        model.put("onMyAccount", occasion.startsWith(ON_MY_ACCOUNT));
        send("password-changed:" + occasion, CHANGED, user, model);
    }

    /**
     * {@link #sendChanged} once the current transaction committed, in a transaction of its own: the password is
     * changed by then, and a lost notice must not undo that.
     */
    void sendChangedAfterCommit(long userId, String occasion, Instant changedAt) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    separately.executeWithoutResult(
                            status -> sendChanged(users.findById(userId).orElseThrow(), occasion, changedAt));
                } catch (RuntimeException e) {
                    log.warn("Could not mail the password change notice to user {}: {}", userId, e.toString());
                }
            }
        });
    }

    private Map<String, Object> model(User user) {
        Map<String, Object> model = new HashMap<>();
        model.put("subjectArgument", user.getLogonId());
        model.put("displayName", user.getDisplayName());
        model.put("logonId", user.getLogonId());
        model.put("signInUrl", links.link("/store/login"));
        return model;
    }

    private void send(String key, String template, User user, Map<String, Object> model) {
        notifications.send(new Notification(
                key,
                template,
                List.of(Recipient.of(user.getEmail(), user.getDisplayName(), user.getPreferredLanguage())),
                model));
    }
}
