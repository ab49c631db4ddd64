package com.b2bflow.approval.process;

import com.b2bflow.approval.BuyerRegistrationMails;
import com.b2bflow.registration.Executions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The organization's registration approvers learn that a buyer asks to join. */
@Component
public class NotifyRegistrationApprovers implements JavaDelegate {

    private final BuyerRegistrationMails mails;

    public NotifyRegistrationApprovers(BuyerRegistrationMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mails.requestToApprovers(Executions.registrationId(execution), Executions.notificationKey(execution));
    }
}
