package com.b2bflow.activation;

import com.b2bflow.member.User;
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
import org.springframework.stereotype.Component;

/** The mails of a password reset, in the user's language: the one-time link, and the notice that it was used. */
@Component
class PasswordResetMails {

    static final String LINK = "password-reset";
    static final String CHANGED = "password-changed";

    private final NotificationService notifications;
    private final NotificationProperties links;

    PasswordResetMails(NotificationService notifications, NotificationProperties links) {
        this.notifications = notifications;
        this.links = links;
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

    /** "Your password was changed", so that a reset the user did not ask for does not go unnoticed. */
    void sendChanged(User user, long tokenId, Instant changedAt) {
        Map<String, Object> model = model(user);
        model.put("changedAt", changedAt);
        model.put("resetUrl", links.link("/store/password-reset"));
        send("password-changed:" + tokenId, CHANGED, user, model);
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
