package com.b2bflow.approval.process;

import com.b2bflow.approval.BuyerRegistrationMails;
import com.b2bflow.registration.Executions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The buyer learns they are approved and may sign in. */
@Component
public class NotifyBuyerApproval implements JavaDelegate {

    private final BuyerRegistrationMails mails;

    public NotifyBuyerApproval(BuyerRegistrationMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mails.approvedToBuyer(Executions.registrationId(execution), Executions.notificationKey(execution));
    }
}
