package com.b2bflow.customerservice.process;

import com.b2bflow.customerservice.CustomerServiceMails;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Acting on behalf: the customer learns that a CSR accessed their account, and why. */
@Component
public class NotifyAccountAccessed implements JavaDelegate {

    private final CustomerServiceMails mails;

    public NotifyAccountAccessed(CustomerServiceMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        NotificationVariables v = NotificationVariables.of(execution);
        mails.accountAccessed(v.userId(), v.csrName(), v.reason(), v.occurredAt(), v.key());
    }
}
