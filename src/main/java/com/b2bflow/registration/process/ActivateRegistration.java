package com.b2bflow.registration.process;

import com.b2bflow.registration.Executions;
import com.b2bflow.registration.ProcessVariables;
import com.b2bflow.registration.RegistrationOutcomes;
import com.b2bflow.registration.StaffDecisions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class ActivateRegistration implements JavaDelegate {

    private final RegistrationOutcomes outcomes;

    public ActivateRegistration(RegistrationOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String decidedBy = Executions.text(execution, ProcessVariables.DECIDED_BY);
        outcomes.activate(Executions.registrationId(execution), decidedBy == null ? StaffDecisions.AUTOMATIC : decidedBy,
                ProcessVariables.stringList(execution.getVariable(ProcessVariables.ORGANIZATION_ROLES)),
                ProcessVariables.stringList(execution.getVariable(ProcessVariables.APPROVAL_GROUPS)));
    }
}
