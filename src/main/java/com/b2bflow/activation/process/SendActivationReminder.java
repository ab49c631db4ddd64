package com.b2bflow.activation.process;

import com.b2bflow.activation.ActivationMails;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ${sendActivationReminder}}: the first link expires soon; mails the user {@code userId} a fresh one. */
@Component
public class SendActivationReminder implements JavaDelegate {

    private final ActivationMails mails;

    public SendActivationReminder(ActivationMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mails.sendActivationReminder(
                SendActivationEmail.userId(execution), SendActivationEmail.notificationKey(execution));
    }
}
