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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mails a fresh activation link. The token is issued and the mail sent in one transaction: a failed send rolls the
 * token back, and the notification key makes a retried job skip a mail that already went out.
 */
@Service
public class ActivationMails {

    static final String ACTIVATION = "account-activation";
    static final String REMINDER = "account-activation-reminder";

    private final ActivationService activation;
    private final UserRepository users;
    private final NotificationService notifications;
    private final NotificationProperties links;
    private final ActivationProperties properties;

    public ActivationMails(
            ActivationService activation,
            UserRepository users,
            NotificationService notifications,
            NotificationProperties links,
            ActivationProperties properties) {
        this.activation = activation;
        this.users = users;
        this.notifications = notifications;
        this.links = links;
        this.properties = properties;
    }

    /** Issues a token and mails the link {@code {base-url}/store/activate?token=…} to the user. */
    @Transactional
    public void sendActivation(long userId, String notificationKey) {
        send(userId, notificationKey, ACTIVATION);
    }

    /** The first link expires soon: a reminder with a fresh link. */
    @Transactional
    public void sendActivationReminder(long userId, String notificationKey) {
        send(userId, notificationKey, REMINDER);
    }

    private void send(long userId, String notificationKey, String template) {
        User user = users.findById(userId).orElseThrow(() -> new IllegalStateException("No user " + userId));
        String token = activation.issue(user);
        Map<String, Object> model = new HashMap<>();
        model.put("subjectArgument", user.getLogonId());
        model.put("displayName", user.getDisplayName());
        model.put("logonId", user.getLogonId());
        model.put("organizationName", user.getOrganization().getName());
        model.put(
                "activationUrl",
                links.link("/store/activate?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)));
        model.put("renewalUrl", links.link("/store/activate/renewal"));
        model.put("signInUrl", links.link("/store/login"));
        model.put("expiresAt", Instant.now().plus(properties.ttl()));
        notifications.send(new Notification(
                notificationKey,
                template,
                List.of(Recipient.of(user.getEmail(), user.getDisplayName(), user.getPreferredLanguage())),
                model));
    }
}
