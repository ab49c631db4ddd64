package com.b2bflow.approval;

import com.b2bflow.member.User;
import com.b2bflow.notification.Notification;
import com.b2bflow.notification.NotificationProperties;
import com.b2bflow.notification.NotificationService;
import com.b2bflow.notification.Recipient;
import com.b2bflow.registration.Registration;
import com.b2bflow.registration.RegistrationMails;
import com.b2bflow.registration.RegistrationMetrics;
import com.b2bflow.registration.RegistrationRepository;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mails of buyer self-registration: to the buyer (received, approved, rejected) and to the organization's
 * registration approvers (a request arrived, a reminder). Each is sent once per notification key.
 */
@Service
public class BuyerRegistrationMails {

    /** The {@code group} tag of {@code b2b.sla.reminders} for reminders to an organization's approvers. */
    static final String REMINDED_GROUP = "registration-approvers";

    private final RegistrationRepository registrations;
    private final BuyerApprovals approvals;
    private final NotificationService notifications;
    private final NotificationProperties properties;
    private final RegistrationMetrics metrics;
    private final RegistrationMails registrationMails;

    public BuyerRegistrationMails(
            RegistrationRepository registrations,
            BuyerApprovals approvals,
            NotificationService notifications,
            NotificationProperties properties,
            RegistrationMetrics metrics,
            RegistrationMails registrationMails) {
        this.registrations = registrations;
        this.registrationMails = registrationMails;
        this.approvals = approvals;
        this.notifications = notifications;
        this.properties = properties;
        this.metrics = metrics;
    }

    /** Confirms receipt to the buyer: the organization's approvers will decide. */
    @Transactional
    public void receivedToBuyer(String registrationId, String key) {
        Registration registration = registrations.require(registrationId);
        send(key, "buyer-registration-received", List.of(buyer(registration)), registration);
    }

    /** Tells the approvers that a buyer asks to join, with a link to their approvals page. */
    @Transactional
    public void requestToApprovers(String registrationId, String key) {
        send(key, "buyer-registration-request", approvers(registrationId), registrations.require(registrationId));
    }

    @Transactional
    public void reminderToApprovers(String registrationId, String key) {
        send(key, "buyer-registration-reminder", approvers(registrationId), registrations.require(registrationId));
        metrics.reminderSent(REMINDED_GROUP);
    }

    @Transactional
    public void approvedToBuyer(String registrationId, String key) {
        Registration registration = registrations.require(registrationId);
        send(key, "buyer-registration-approved", List.of(buyer(registration)), registration);
    }

    /** Tells the buyer why, and how to submit a corrected registration. */
    @Transactional
    public void rejectedToBuyer(String registrationId, String key) {
        Registration registration = registrations.require(registrationId);
        send(key, "buyer-registration-rejected", List.of(buyer(registration)), registration);
    }

    private List<Recipient> approvers(String registrationId) {
        return approvals.deciders(registrationId).stream()
                .map(user -> Recipient.of(user.getEmail(), user.getDisplayName(), user.getPreferredLanguage()))
                .toList();
    }

    private void send(String key, String template, List<Recipient> recipients, Registration registration) {
        notifications.send(new Notification(key, template, recipients, model(registration)));
    }

    private Map<String, Object> model(Registration registration) {
        Map<String, Object> model = new HashMap<>(registrationMails.model(registration));
        model.put("approvalsUrl", properties.link("/store/account/approvals"));
        return model;
    }

    private static Recipient buyer(Registration registration) {
        User user = registration.getUser();
        return Recipient.of(user.getEmail(), user.getDisplayName(), user.getPreferredLanguage());
    }
}
