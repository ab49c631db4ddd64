package com.b2bflow.privacy;

import com.b2bflow.member.User;
import com.b2bflow.notification.Notification;
import com.b2bflow.notification.NotificationProperties;
import com.b2bflow.notification.NotificationService;
import com.b2bflow.notification.Recipient;
import com.b2bflow.registration.Registration;
import com.b2bflow.registration.RegistrationRepository;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Confirms a withdrawal to the applicant (sent once per notification key). */
@Service
public class WithdrawalMails {

    private final RegistrationRepository registrations;
    private final NotificationService notifications;
    private final NotificationProperties properties;
    private final PrivacyProperties privacy;

    public WithdrawalMails(
            RegistrationRepository registrations,
            NotificationService notifications,
            NotificationProperties properties,
            PrivacyProperties privacy) {
        this.registrations = registrations;
        this.notifications = notifications;
        this.properties = properties;
        this.privacy = privacy;
    }

    @Transactional
    public void withdrawnToApplicant(String registrationId, String key) {
        Registration registration = registrations.findById(registrationId).orElse(null);
        if (registration == null
                || registration.getUser() == null
                || registration.getUser().getEmail() == null) {
            return; // erased since: nobody to tell
        }
        User user = registration.getUser();
        String organizationName = registration.getOrganization() == null
                ? ""
                : registration.getOrganization().getName();
        notifications.send(new Notification(
                key,
                "registration-withdrawn",
                List.of(Recipient.of(user.getEmail(), user.getDisplayName(), user.getPreferredLanguage())),
                Map.of(
                        "registrationId",
                        registration.getId(),
                        "applicantName",
                        user.getDisplayName(),
                        "organizationName",
                        organizationName,
                        "subjectArgument",
                        organizationName.isEmpty() ? user.getDisplayName() : organizationName,
                        "withdrawnAt",
                        registration.getDecidedAt(),
                        "erasureDays",
                        Math.max(0, privacy.eraseRejectedAfter().toDays()),
                        "registerUrl",
                        properties.link(
                                "/store/register/" + registration.getFlow().pathSegment()))));
    }
}
