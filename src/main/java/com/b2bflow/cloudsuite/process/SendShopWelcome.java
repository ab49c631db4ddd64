package com.b2bflow.cloudsuite.process;

import com.b2bflow.cloudsuite.CloudSuiteMails;
import com.b2bflow.registration.Executions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class SendShopWelcome implements JavaDelegate {

    private final CloudSuiteMails mails;

    public SendShopWelcome(CloudSuiteMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mails.shopWelcome(Executions.registrationId(execution), Executions.notificationKey(execution));
    }
}
