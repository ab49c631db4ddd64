package com.b2bflow.cloudsuite.process;

import com.b2bflow.cloudsuite.CloudSuiteMails;
import com.b2bflow.registration.Executions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Partial registrations: the user is linked to a customer and may sign in. */
@Component
public class NotifyCustomerApproval implements JavaDelegate {

    private final CloudSuiteMails mails;

    public NotifyCustomerApproval(CloudSuiteMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mails.approvedToApplicant(Executions.registrationId(execution), Executions.notificationKey(execution));
    }
}
