package com.b2bflow.registration.process;

import com.b2bflow.registration.Executions;
import com.b2bflow.registration.ProcessVariables;
import com.b2bflow.registration.RegistrationOutcomes;
import com.b2bflow.registration.StaffDecisions;
import java.util.List;
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
        outcomes.activate(
                Executions.registrationId(execution),
                decidedBy == null ? StaffDecisions.AUTOMATIC : decidedBy,
                chosen(execution, ProcessVariables.ORGANIZATION_ROLES),
                chosen(execution, ProcessVariables.APPROVAL_GROUPS));
    }

    /** A list a staff member chose, or null when nobody did (the variable is absent: no review). */
    private static List<String> chosen(DelegateExecution execution, String variable) {
        Object value = execution.getVariable(variable);
        return value == null ? null : ProcessVariables.stringList(value);
    }
}
