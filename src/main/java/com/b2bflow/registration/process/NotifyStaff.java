package com.b2bflow.registration.process;

import com.b2bflow.registration.Executions;
import com.b2bflow.registration.ProcessVariables;
import com.b2bflow.registration.RegistrationMails;
import com.b2bflow.registration.WaitingTasks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Tells a staff group of the registration: the model passes {@code staffGroup} (a group id of StaffGroups) and
 * {@code mailTemplate} (a template under templates/mail) as input parameters, as it does for reminders. After a user
 * task's "Task created" timer the mail links that task; a task done before the mail went out needs no mail.
 */
@Component
public class NotifyStaff implements JavaDelegate {

    private final RegistrationMails mails;

    public NotifyStaff(RegistrationMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        WaitingTasks.TaskPath task = WaitingTasks.of(execution);
        if (task.taskDone()) {
            return;
        }
        mails.toStaff(
                Executions.registrationId(execution),
                Executions.text(execution, ProcessVariables.STAFF_GROUP),
                Executions.text(execution, ProcessVariables.MAIL_TEMPLATE),
                task,
                Executions.notificationKey(execution));
    }
}
