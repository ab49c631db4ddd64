package com.b2bflow.cloudsuite.process;

import com.b2bflow.cloudsuite.CloudSuiteMails;
import com.b2bflow.registration.Executions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Partial registrations: the applicant learns the registration arrived and waits for approval. */
@Component
public class ConfirmCustomerRegistration implements JavaDelegate {

    private final CloudSuiteMails mails;

    public ConfirmCustomerRegistration(CloudSuiteMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mails.receivedToApplicant(Executions.registrationId(execution), Executions.notificationKey(execution));
    }
}
