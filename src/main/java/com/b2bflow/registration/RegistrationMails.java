package com.b2bflow.registration;

import com.b2bflow.member.User;
import com.b2bflow.notification.Notification;
import com.b2bflow.notification.NotificationProperties;
import com.b2bflow.notification.NotificationService;
import com.b2bflow.notification.Recipient;
import com.b2bflow.staff.StaffGroups;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The mails of the registration flows, each sent once per notification key (process instance + activity). */
@Service
public class RegistrationMails {

    private final RegistrationRepository registrations;
    private final NotificationService notifications;
    private final NotificationProperties properties;
    private final RegistrationMetrics metrics;
    private final List<MailModelContribution> contributions;

    public RegistrationMails(
            RegistrationRepository registrations,
            NotificationService notifications,
            NotificationProperties properties,
            RegistrationMetrics metrics,
            List<MailModelContribution> contributions) {
        this.contributions = contributions;
        this.registrations = registrations;
        this.notifications = notifications;
        this.properties = properties;
        this.metrics = metrics;
    }

    /**
     * Tells a staff group of a registration with {@code template}: the one staff notification of every flow (the
     * model names group and template, as input parameters of the {@code notifyStaff} step). On the path of a user
     * task's "Task created" timer, {@code task} is that task and the mail links it in Tasklist.
     */
    @Transactional
    public void toStaff(String registrationId, String group, String template, WaitingTasks.TaskPath task, String key) {
        if (!StaffGroups.ALL.contains(group)) {
            throw new IllegalArgumentException(
                    "notifyStaff needs a staffGroup of " + StaffGroups.ALL + "; got " + group);
        }
        requireTemplate(template, "notifyStaff");
        Map<String, Object> extra = new HashMap<>(taskLink(task.taskId()));
        extra.put("groupName", StaffGroups.displayName(group));
        extra.put("taskName", task.taskName() == null ? "" : task.taskName());
        send(key, template, notifications.staffGroup(group), registrationId, extra);
    }

    /**
     * Mails the applicant with {@code template}: the one applicant notification of every registration flow (the
     * model names the template as input parameter {@code mailTemplate} of the {@code notifyApplicant} step), e.g.
     * registration-received, registration-approved, registration-rejected, customer-registration-*, shop-welcome.
     * An applicant without an email address (HCL's URLs require none) gets no mail; they have the registration id.
     */
    @Transactional
    public void toApplicant(String registrationId, String template, String key) {
        requireTemplate(template, "notifyApplicant");
        Registration registration = registrations.require(registrationId);
        send(key, template, List.of(applicant(registration)), registration, Map.of());
    }

    /** The ERP answered with an unknown BPMN error: site administrators are told; the registration waits again. */
    @Transactional
    public void unexpectedErpAnswer(String registrationId, String errorCode, String errorMessage, String key) {
        send(
                key,
                "erp-unexpected-answer",
                notifications.staffGroup(StaffGroups.SITE_ADMINS),
                registrationId,
                Map.of(
                        "errorCode",
                        errorCode == null ? "" : errorCode,
                        "errorMessage",
                        errorMessage == null ? "" : errorMessage));
    }

    private static void requireTemplate(String template, String step) {
        if (template == null || template.isBlank()) {
            throw new IllegalArgumentException(step + " needs the input parameter mailTemplate");
        }
    }

    /** A task still waits: its group is reminded, with a link to the task ({@code taskId} null: Tasklist's home). */
    @Transactional
    public void taskReminder(String registrationId, String group, String taskName, String taskId, String key) {
        Map<String, Object> extra = new HashMap<>(taskLink(taskId));
        extra.put("taskName", taskName);
        extra.put("groupName", StaffGroups.displayName(group));
        send(key, "task-reminder", notifications.staffGroup(group), registrationId, extra);
        metrics.reminderSent(group);
    }

    /** A task waited too long: the escalation group is told, with a link to the task. */
    @Transactional
    public void taskEscalation(
            String registrationId, String group, String taskName, String escalationGroup, String taskId, String key) {
        Map<String, Object> extra = new HashMap<>(taskLink(taskId));
        extra.put("taskName", taskName);
        extra.put("groupName", StaffGroups.displayName(group));
        send(key, "task-escalation", notifications.staffGroup(escalationGroup), registrationId, extra);
        metrics.escalationSent(group);
    }

    /** {@code tasklistUrl}: the task's deep link in Tasklist, or Tasklist's home where no task waits. */
    private Map<String, Object> taskLink(String taskId) {
        return Map.of("tasklistUrl", taskId == null ? properties.tasklistHome() : properties.taskLink(taskId));
    }

    private void send(
            String key, String template, List<Recipient> recipients, String registrationId, Map<String, Object> extra) {
        send(key, template, recipients, registrations.require(registrationId), extra);
    }

    private void send(
            String key,
            String template,
            List<Recipient> recipients,
            Registration registration,
            Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>(model(registration));
        model.putAll(extra);
        notifications.send(new Notification(key, template, recipients, model));
    }

    /** What every registration mail can say: the registration, its applicant and the links about it. */
    public Map<String, Object> model(Registration registration) {
        User user = registration.getUser();
        Map<String, Object> model = new HashMap<>();
        model.put("registrationId", registration.getId());
        model.put("flow", registration.getFlow().pathSegment());
        model.put(
                "organizationName",
                registration.getOrganization() == null
                        ? ""
                        : registration.getOrganization().getName());
        model.put(
                "subjectArgument",
                registration.getOrganization() == null
                        ? user.getDisplayName()
                        : registration.getOrganization().getName());
        model.put("applicantName", user.getDisplayName());
        model.put("applicantLogonId", user.getLogonId());
        model.put("applicantEmail", user.getEmail());
        model.put("reason", registration.getDecisionReason() == null ? "" : registration.getDecisionReason());
        model.put("statusUrl", properties.link("/store/registration/" + registration.getId()));
        model.put("signInUrl", properties.link("/store/login"));
        model.put(
                "resubmitUrl",
                properties.link("/store/register/" + registration.getFlow().pathSegment() + "?correct="
                        + registration.getId()));
        model.put("tasklistUrl", properties.tasklistHome());
        contributions.forEach(contribution -> contribution.contribute(registration, model));
        return model;
    }

    private static Recipient applicant(Registration registration) {
        User user = registration.getUser();
        return Recipient.of(user.getEmail(), user.getDisplayName(), user.getPreferredLanguage());
    }
}
