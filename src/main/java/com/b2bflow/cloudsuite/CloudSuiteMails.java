package com.b2bflow.cloudsuite;

import com.b2bflow.member.User;
import com.b2bflow.notification.Notification;
import com.b2bflow.notification.NotificationProperties;
import com.b2bflow.notification.NotificationService;
import com.b2bflow.notification.Recipient;
import com.b2bflow.registration.Registration;
import com.b2bflow.registration.RegistrationFlow;
import com.b2bflow.registration.RegistrationRepository;
import com.b2bflow.staff.StaffGroups;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The mails of the CloudSuite flows, each sent once per notification key. */
@Service
public class CloudSuiteMails {

    private final RegistrationRepository registrations;
    private final NotificationService notifications;
    private final NotificationProperties properties;
    private final SubmittedCompany submitted;

    public CloudSuiteMails(RegistrationRepository registrations, NotificationService notifications,
                           NotificationProperties properties, SubmittedCompany submitted) {
        this.registrations = registrations;
        this.notifications = notifications;
        this.properties = properties;
        this.submitted = submitted;
    }

    /** Shop registration: welcome, you may sign in and order now. */
    @Transactional
    public void shopWelcome(String registrationId, String key) {
        toApplicant(registrationId, key, "shop-welcome");
    }

    /** Partial registration: received, you can sign in once it is approved. */
    @Transactional
    public void receivedToApplicant(String registrationId, String key) {
        toApplicant(registrationId, key, "customer-registration-received");
    }

    /** Partial registration: the back office learns of it (and, in the shop approval, that it waits for them). */
    @Transactional
    public void submittedToBackoffice(String registrationId, String key) {
        Registration registration = registration(registrationId);
        send(key, "customer-registration-staff", notifications.staffGroup(StaffGroups.BACKOFFICE), registration);
    }

    @Transactional
    public void approvedToApplicant(String registrationId, String key) {
        toApplicant(registrationId, key, "customer-registration-approved");
    }

    @Transactional
    public void rejectedToApplicant(String registrationId, String key) {
        toApplicant(registrationId, key, "customer-registration-rejected");
    }

    /** The ERP answered with an unknown BPMN error: site administrators are told; the registration waits again. */
    @Transactional
    public void unexpectedErpAnswer(String registrationId, String errorCode, String errorMessage, String key) {
        Map<String, Object> model = model(registration(registrationId));
        model.put("errorCode", errorCode == null ? "" : errorCode);
        model.put("errorMessage", errorMessage == null ? "" : errorMessage);
        notifications.send(new Notification(key, "erp-unexpected-answer",
                notifications.staffGroup(StaffGroups.SITE_ADMINS), model));
    }

    private void toApplicant(String registrationId, String key, String template) {
        Registration registration = registration(registrationId);
        User user = registration.getUser();
        send(key, template, List.of(Recipient.of(user.getEmail(), user.getDisplayName(), user.getPreferredLanguage())),
                registration);
    }

    private void send(String key, String template, List<Recipient> recipients, Registration registration) {
        notifications.send(new Notification(key, template, recipients, model(registration)));
    }

    private Map<String, Object> model(Registration registration) {
        User user = registration.getUser();
        String company = submitted.companyName(registration);
        Map<String, Object> model = new HashMap<>();
        model.put("registrationId", registration.getId());
        model.put("subjectArgument", company);
        model.put("companyName", company);
        model.put("customerName", registration.getOrganization() == null ? "" : registration.getOrganization().getName());
        model.put("applicantName", user.getDisplayName());
        model.put("applicantLogonId", user.getLogonId());
        model.put("applicantEmail", user.getEmail());
        model.put("reason", registration.getDecisionReason() == null ? "" : registration.getDecisionReason());
        model.put("waitsForBackoffice", registration.getFlow() == RegistrationFlow.SHOP_APPROVAL);
        model.put("approver", registration.getFlow() == RegistrationFlow.ERP_APPROVAL ? "our ERP system"
                : "our back office");
        model.put("statusUrl", properties.link("/store/registration/" + registration.getId()));
        model.put("signInUrl", properties.link("/store/login"));
        model.put("resubmitUrl", properties.link("/store/register/" + registration.getFlow().pathSegment()
                + "?correct=" + registration.getId()));
        model.put("tasklistUrl", properties.link("/camunda/app/tasklist/"));
        return model;
    }

    private Registration registration(String registrationId) {
        return registrations.findById(registrationId)
                .orElseThrow(() -> new IllegalStateException("No registration " + registrationId));
    }
}
