package com.b2bflow.customerservice.process;

import com.b2bflow.customerservice.CustomerServiceMails;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The customer learns that staff enabled their disabled account again, who and why. */
@Component
public class NotifyAccountEnabled implements JavaDelegate {

    private final CustomerServiceMails mails;

    public NotifyAccountEnabled(CustomerServiceMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        NotificationVariables v = NotificationVariables.of(execution);
        mails.accountEnabled(v.userId(), v.csrName(), v.reason(), v.occurredAt(), v.key());
    }
}
