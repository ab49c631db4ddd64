package com.b2bflow.cloudsuite.process;

import com.b2bflow.cloudsuite.CloudSuiteOutcomes;
import com.b2bflow.cloudsuite.ErpApprovalRegistrationProcess;
import com.b2bflow.registration.Executions;
import com.b2bflow.registration.ProcessVariables;
import com.b2bflow.registration.StaffDecisions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Rejects a partial registration with its {@code rejectionReason} (from the back office's task, or from the ERP's
 * BPMN error {@code ERP_REJECTED}).
 */
@Component
public class RejectPartialRegistration implements JavaDelegate {

    static final String ERP_ERROR_MESSAGE = ErpApprovalRegistrationProcess.Variables.ERP_ERROR_MESSAGE;
    static final String NO_REASON = "The registration was rejected without a reason being given.";

    private final CloudSuiteOutcomes outcomes;

    public RejectPartialRegistration(CloudSuiteOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String decidedBy = Executions.text(execution, ProcessVariables.DECIDED_BY);
        outcomes.rejectPartial(
                Executions.registrationId(execution),
                decidedBy == null ? LinkErpCustomer.caller(execution) : decidedBy,
                reason(execution));
    }

    /**
     * The back office's reason (validated by its task), or the ERP's {@code rejectionReason}, or else the message of
     * its BPMN error. Never refused: a failure here could only surface as an unclear engine error to the ERP.
     */
    static String reason(DelegateExecution execution) {
        String reason = Executions.text(execution, ProcessVariables.REJECTION_REASON);
        if (reason == null || reason.isEmpty()) {
            reason = Executions.text(execution, ERP_ERROR_MESSAGE);
        }
        if (reason == null || reason.isEmpty()) {
            return NO_REASON;
        }
        return reason.length() <= StaffDecisions.MAX_REASON_LENGTH
                ? reason
                : reason.substring(0, StaffDecisions.MAX_REASON_LENGTH - 3) + "...";
    }
}
