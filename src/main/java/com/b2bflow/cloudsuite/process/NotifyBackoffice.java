package com.b2bflow.cloudsuite.process;

import com.b2bflow.cloudsuite.CloudSuiteMails;
import com.b2bflow.registration.Executions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** CloudSuite's partial registrations: "the information is sent to the back office". */
@Component
public class NotifyBackoffice implements JavaDelegate {

    private final CloudSuiteMails mails;

    public NotifyBackoffice(CloudSuiteMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mails.submittedToBackoffice(Executions.registrationId(execution), Executions.notificationKey(execution));
    }
}
