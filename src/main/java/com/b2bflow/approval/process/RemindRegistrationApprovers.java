package com.b2bflow.approval.process;

import com.b2bflow.approval.BuyerRegistrationMails;
import com.b2bflow.registration.Executions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The registration approvers are reminded of a buyer registration still waiting for them. */
@Component
public class RemindRegistrationApprovers implements JavaDelegate {

    private final BuyerRegistrationMails mails;

    public RemindRegistrationApprovers(BuyerRegistrationMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mails.reminderToApprovers(Executions.registrationId(execution), Executions.notificationKey(execution));
    }
}
