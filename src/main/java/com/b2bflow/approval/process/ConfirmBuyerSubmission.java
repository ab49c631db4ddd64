package com.b2bflow.approval.process;

import com.b2bflow.approval.BuyerRegistrationMails;
import com.b2bflow.registration.Executions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Confirms receipt to the buyer, with the registration id. */
@Component
public class ConfirmBuyerSubmission implements JavaDelegate {

    private final BuyerRegistrationMails mails;

    public ConfirmBuyerSubmission(BuyerRegistrationMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mails.receivedToBuyer(Executions.registrationId(execution), Executions.notificationKey(execution));
    }
}
