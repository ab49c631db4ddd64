package com.b2bflow.cloudsuite.process;

import com.b2bflow.cloudsuite.CloudSuiteMails;
import com.b2bflow.registration.Executions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The ERP answered {@code erp-registration} with a BPMN error other than {@code ERP_REJECTED}: site administrators
 * are told (code and message), and the registration waits for the ERP again instead of ending unnoticed.
 */
@Component
public class ReportUnexpectedErpAnswer implements JavaDelegate {

    private final CloudSuiteMails mails;

    public ReportUnexpectedErpAnswer(CloudSuiteMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mails.unexpectedErpAnswer(Executions.registrationId(execution), Executions.text(execution, "erpErrorCode"),
                Executions.text(execution, "erpErrorMessage"), Executions.notificationKey(execution) + ":"
                        + execution.getActivityInstanceId());
    }
}
