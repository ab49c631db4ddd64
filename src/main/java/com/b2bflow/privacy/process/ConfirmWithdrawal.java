package com.b2bflow.privacy.process;

import com.b2bflow.privacy.WithdrawalMails;
import com.b2bflow.registration.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ConfirmWithdrawal: the applicant learns that the registration was withdrawn. */
@Component
public class ConfirmWithdrawal implements JavaDelegate {

    private final WithdrawalMails mails;

    public ConfirmWithdrawal(WithdrawalMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mails.withdrawnToApplicant(
                (String) execution.getVariable(ProcessVariables.REGISTRATION_ID),
                execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId());
    }
}
