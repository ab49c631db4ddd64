package com.b2bflow.registration.process;

import com.b2bflow.registration.Executions;
import com.b2bflow.registration.ProcessVariables;
import com.b2bflow.registration.RegistrationOutcomes;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class RejectRegistration implements JavaDelegate {

    private final RegistrationOutcomes outcomes;

    public RejectRegistration(RegistrationOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        outcomes.reject(
                Executions.registrationId(execution),
                Executions.text(execution, ProcessVariables.DECIDED_BY),
                Executions.text(execution, ProcessVariables.REJECTION_REASON));
    }
}
