package com.b2bflow.registration;

import com.b2bflow.staff.StaffGroups;
import com.b2bflow.staff.TaskEscalations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A staff task waited past its escalation limit: the site administrators may now work it (claim, complete, reassign
 * it, even from a colleague who holds it) and are mailed a link to it. Escalations of every flow go to the site
 * administrators; a wait that is no user task (the ERP's answer) only gets the mail.
 */
@Service
public class TaskEscalation {

    static final String ESCALATION_GROUP = StaffGroups.SITE_ADMINS;

    private final TaskEscalations escalations;
    private final RegistrationMails mails;

    TaskEscalation(TaskEscalations escalations, RegistrationMails mails) {
        this.escalations = escalations;
        this.mails = mails;
    }

    @Transactional
    public void escalate(String registrationId, String group, String taskName, String taskId, String key) {
        if (taskId != null) {
            escalations.escalate(taskId, ESCALATION_GROUP);
        }
        mails.taskEscalation(registrationId, group, taskName, ESCALATION_GROUP, taskId, key);
    }
}
