package com.b2bflow.cloudsuite.process;

import com.b2bflow.cloudsuite.ErpApprovalRegistrationProcess;
import com.b2bflow.registration.Executions;
import com.b2bflow.registration.RegistrationMails;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The ERP answered {@code erp-registration} with a BPMN error other than {@code ERP_REJECTED}: site administrators
 * are told (code and message), and the registration waits for the ERP again instead of ending unnoticed.
 */
@Component
public class ReportUnexpectedErpAnswer implements JavaDelegate {

    private final RegistrationMails mails;

    public ReportUnexpectedErpAnswer(RegistrationMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mails.unexpectedErpAnswer(
                Executions.registrationId(execution),
                Executions.text(execution, ErpApprovalRegistrationProcess.Variables.ERP_ERROR_CODE),
                Executions.text(execution, ErpApprovalRegistrationProcess.Variables.ERP_ERROR_MESSAGE),
                Executions.notificationKey(execution) + ":" + execution.getActivityInstanceId());
    }
}
