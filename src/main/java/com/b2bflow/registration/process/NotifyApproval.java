package com.b2bflow.registration.process;

import com.b2bflow.registration.Executions;
import com.b2bflow.registration.RegistrationMails;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Organization registration, step 6 of HCL Commerce's workflow: the buyer administrator learns the organization is
 * approved.
 */
@Component
public class NotifyApproval implements JavaDelegate {

    private final RegistrationMails mails;

    public NotifyApproval(RegistrationMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mails.approvedToApplicant(Executions.registrationId(execution), Executions.notificationKey(execution));
    }
}
