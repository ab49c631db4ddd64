package com.b2bflow.approval.process;

import com.b2bflow.approval.BuyerRegistrationMails;
import com.b2bflow.registration.Executions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The buyer learns why they were rejected and how to correct the registration. */
@Component
public class NotifyBuyerRejection implements JavaDelegate {

    private final BuyerRegistrationMails mails;

    public NotifyBuyerRejection(BuyerRegistrationMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mails.rejectedToBuyer(Executions.registrationId(execution), Executions.notificationKey(execution));
    }
}
