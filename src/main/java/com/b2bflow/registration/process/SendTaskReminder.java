package com.b2bflow.registration.process;

import com.b2bflow.registration.Executions;
import com.b2bflow.registration.ProcessVariables;
import com.b2bflow.registration.RegistrationMails;
import com.b2bflow.registration.WaitingTasks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reminds the task's group; the model passes {@code group} and {@code taskName} as input parameters. */
@Component
public class SendTaskReminder implements JavaDelegate {

    private final RegistrationMails mails;

    public SendTaskReminder(RegistrationMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        WaitingTasks.TaskPath task = WaitingTasks.of(execution);
        if (task.taskDone()) {
            return;
        }
        mails.taskReminder(
                Executions.registrationId(execution),
                Executions.text(execution, ProcessVariables.GROUP),
                Executions.text(execution, ProcessVariables.TASK_NAME),
                task.taskId(),
                Executions.notificationKey(execution));
    }
}
