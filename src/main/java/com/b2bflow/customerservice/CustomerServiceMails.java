package com.b2bflow.customerservice;

import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import com.b2bflow.notification.Notification;
import com.b2bflow.notification.NotificationProperties;
import com.b2bflow.notification.NotificationService;
import com.b2bflow.notification.Recipient;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Tells a customer what customer service (or another staff member) did to their account, in their language. */
@Service
public class CustomerServiceMails {

    private final UserRepository users;
    private final NotificationService notifications;
    private final NotificationProperties properties;

    public CustomerServiceMails(
            UserRepository users, NotificationService notifications, NotificationProperties properties) {
        this.users = users;
        this.notifications = notifications;
        this.properties = properties;
    }

    /** "A customer service representative accessed your account", with the reason. */
    @Transactional
    public void accountAccessed(long userId, String csrName, String reason, String occurredAt, String key) {
        send(key, "customer-account-accessed", userId, csrName, reason, occurredAt);
    }

    /** "Customer service disabled your account", with the reason. */
    @Transactional
    public void accountDisabled(long userId, String csrName, String reason, String occurredAt, String key) {
        send(key, "customer-account-disabled", userId, csrName, reason, occurredAt);
    }

    /** "Your account is enabled again", who and why. */
    @Transactional
    public void accountEnabled(long userId, String staffName, String reason, String occurredAt, String key) {
        send(key, "customer-account-enabled", userId, staffName, reason, occurredAt);
    }

    private void send(String key, String template, long userId, String csrName, String reason, String occurredAt) {
        User customer = users.findById(userId).orElse(null);
        if (customer == null) {
            return; // deleted since: nobody to tell
        }
        notifications.send(new Notification(
                key,
                template,
                List.of(Recipient.of(customer.getEmail(), customer.getDisplayName(), customer.getPreferredLanguage())),
                Map.of(
                        "customerName",
                        customer.getDisplayName(),
                        "logonId",
                        customer.getLogonId(),
                        "subjectArgument",
                        customer.getLogonId(),
                        "csrName",
                        csrName,
                        "reason",
                        reason,
                        "occurredAt",
                        java.time.Instant.parse(occurredAt),
                        "signInUrl",
                        properties.link("/store/login"),
                        "historyUrl",
                        properties.link("/store/account/customer-service-history"))));
    }
}
