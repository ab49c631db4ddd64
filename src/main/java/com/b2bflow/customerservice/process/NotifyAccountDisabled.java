package com.b2bflow.customerservice.process;

import com.b2bflow.customerservice.CustomerServiceMails;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The Buyer Administrator learns that customer service disabled their account, and why. */
@Component
public class NotifyAccountDisabled implements JavaDelegate {

    private final CustomerServiceMails mails;

    public NotifyAccountDisabled(CustomerServiceMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        NotificationVariables v = NotificationVariables.of(execution);
        mails.accountDisabled(v.userId(), v.csrName(), v.reason(), v.occurredAt(), v.key());
    }
}
