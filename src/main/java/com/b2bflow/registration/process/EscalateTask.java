package com.b2bflow.registration.process;

import com.b2bflow.registration.Executions;
import com.b2bflow.registration.ProcessVariables;
import com.b2bflow.registration.RegistrationMails;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells site administrators that a task waited past its escalation limit. */
@Component
public class EscalateTask implements JavaDelegate {

    private final RegistrationMails mails;

    public EscalateTask(RegistrationMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mails.taskEscalation(Executions.registrationId(execution), Executions.text(execution, ProcessVariables.GROUP),
                Executions.text(execution, ProcessVariables.TASK_NAME), Executions.notificationKey(execution));
    }
}
