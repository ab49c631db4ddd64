package com.b2bflow.approval.process;

import com.b2bflow.approval.BuyerApprovals;
import com.b2bflow.registration.BuyerSelfRegistrationProcess;
import com.b2bflow.registration.Executions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Walks up from the buyer's organization to the nearest one with registration approvers; sets
 * {@code approversFound} (false: nobody there approves, and the registration is held for the seller administrators).
 */
@Component
public class ResolveRegistrationApprovers implements JavaDelegate {

    static final String APPROVERS_FOUND = BuyerSelfRegistrationProcess.Variables.APPROVERS_FOUND;

    private final BuyerApprovals approvals;

    public ResolveRegistrationApprovers(BuyerApprovals approvals) {
        this.approvals = approvals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(APPROVERS_FOUND, approvals.approversFound(Executions.registrationId(execution)));
    }
}
