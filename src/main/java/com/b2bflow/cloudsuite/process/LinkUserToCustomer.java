package com.b2bflow.cloudsuite.process;

import com.b2bflow.cloudsuite.CloudSuiteOutcomes;
import com.b2bflow.registration.Executions;
import com.b2bflow.registration.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The back office picked the customer (validated by {@code validateCustomerLink}): the user joins it. */
@Component
public class LinkUserToCustomer implements JavaDelegate {

    private final CloudSuiteOutcomes outcomes;

    public LinkUserToCustomer(CloudSuiteOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        outcomes.linkUserToCustomer(
                Executions.registrationId(execution),
                ValidateCustomerLink.id(execution.getVariable(ValidateCustomerLink.CUSTOMER_ID)),
                Executions.text(execution, ProcessVariables.DECIDED_BY));
    }
}
