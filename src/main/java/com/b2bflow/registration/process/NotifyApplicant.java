package com.b2bflow.registration.process;

import com.b2bflow.registration.Executions;
import com.b2bflow.registration.ProcessVariables;
import com.b2bflow.registration.RegistrationMails;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Mails the registering user: the model passes {@code mailTemplate} (a template under templates/mail, e.g.
 * registration-received, registration-approved, customer-registration-rejected, shop-welcome) as input parameter.
 */
@Component
public class NotifyApplicant implements JavaDelegate {

    private final RegistrationMails mails;

    public NotifyApplicant(RegistrationMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mails.toApplicant(
                Executions.registrationId(execution),
                Executions.text(execution, ProcessVariables.MAIL_TEMPLATE),
                Executions.notificationKey(execution));
    }
}
