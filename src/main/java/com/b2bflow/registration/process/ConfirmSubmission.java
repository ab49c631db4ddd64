package com.b2bflow.registration.process;

import com.b2bflow.registration.Executions;
import com.b2bflow.registration.RegistrationMails;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class ConfirmSubmission implements JavaDelegate {

    private final RegistrationMails mails;

    public ConfirmSubmission(RegistrationMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mails.receivedToApplicant(Executions.registrationId(execution), Executions.notificationKey(execution));
    }
}
