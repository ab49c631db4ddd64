package com.b2bflow.approval.process;

import com.b2bflow.approval.BuyerApprovals;
import com.b2bflow.registration.Executions;
import com.b2bflow.registration.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Walks up from the buyer's organization to the nearest one with registration approvers; sets
 * {@code approversFound} (false: nobody approves, the buyer is approved at once, and that is who decided).
 */
@Component
public class ResolveRegistrationApprovers implements JavaDelegate {

    static final String APPROVERS_FOUND = "approversFound";
    static final String NO_APPROVERS = "automatic (no registration approvers)";

    private final BuyerApprovals approvals;

    public ResolveRegistrationApprovers(BuyerApprovals approvals) {
        this.approvals = approvals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean found = approvals.approversFound(Executions.registrationId(execution));
        execution.setVariable(APPROVERS_FOUND, found);
        if (!found) {
            execution.setVariable(ProcessVariables.DECIDED_BY, NO_APPROVERS);
        }
    }
}
