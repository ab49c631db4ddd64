package com.b2bflow.registration.process;

import com.b2bflow.approval.BuyerApprovals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Walks up from the buyer's organization to the nearest one with registration approvers; sets
 * {@code approversFound} (false: nobody approves, the buyer is approved at once).
 */
@Component
public class ResolveRegistrationApprovers implements JavaDelegate {

    static final String APPROVERS_FOUND = "approversFound";

    private final BuyerApprovals approvals;

    public ResolveRegistrationApprovers(BuyerApprovals approvals) {
        this.approvals = approvals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(APPROVERS_FOUND, approvals.approversFound(Executions.registrationId(execution)));
    }
}
