package com.b2bflow.activation.process;

import com.b2bflow.activation.ActivationMails;
import com.b2bflow.activation.ActivationMessages;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${sendActivationEmail}}: mails the user named by the process variable {@code userId} a fresh activation
 * link. Use it on an async service task (with a retry cycle): the token and the mail commit together.
 */
@Component
public class SendActivationEmail implements JavaDelegate {

    private final ActivationMails mails;

    public SendActivationEmail(ActivationMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mails.sendActivation(userId(execution), notificationKey(execution));
    }

    static long userId(DelegateExecution execution) {
        Object userId = execution.getVariable(ActivationMessages.USER_ID);
        if (!(userId instanceof Number number)) {
            throw new IllegalStateException("Process variable userId is missing or not a number: " + userId);
        }
        return number.longValue();
    }

    /**
     * Unique per run of the activity: a retried job keeps its execution and so its key (no second mail), while a
     * task reached again (a new link requested twice) gets a new execution and sends again.
     */
    static String notificationKey(DelegateExecution execution) {
        return execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId() + ":" + execution.getId();
    }
}
