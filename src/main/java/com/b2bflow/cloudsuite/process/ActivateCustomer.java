package com.b2bflow.cloudsuite.process;

import com.b2bflow.cloudsuite.CloudSuiteOutcomes;
import com.b2bflow.registration.Executions;
import com.b2bflow.registration.ProcessVariables;
import com.b2bflow.registration.StaffDecisions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Shop and external ERP registrations: customer and user approved at once, default account and contract. */
@Component
public class ActivateCustomer implements JavaDelegate {

    private final CloudSuiteOutcomes outcomes;

    public ActivateCustomer(CloudSuiteOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String decidedBy = Executions.text(execution, ProcessVariables.DECIDED_BY);
        outcomes.activateCustomer(
                Executions.registrationId(execution), decidedBy == null ? StaffDecisions.AUTOMATIC : decidedBy);
    }
}
