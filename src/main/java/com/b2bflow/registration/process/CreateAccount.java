package com.b2bflow.registration.process;

import com.b2bflow.registration.AccountSetup;
import com.b2bflow.registration.Executions;
import com.b2bflow.registration.OrgSelfRegistrationProcess;
import com.b2bflow.registration.ProcessVariables;
import com.b2bflow.registration.RegistrationOutcomes;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Creates the account and contracts entered by the account representative; the final approval starts undecided. */
@Component
public class CreateAccount implements JavaDelegate {

    private final RegistrationOutcomes outcomes;

    public CreateAccount(RegistrationOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AccountSetup setup = ValidateAccountSetup.read(execution);
        outcomes.createAccount(
                Executions.registrationId(execution),
                setup,
                Executions.text(execution, OrgSelfRegistrationProcess.Variables.ACCOUNT_SET_UP_BY));
        execution.setVariable(ProcessVariables.CONTRACTS_SUMMARY, setup.contractsSummary());
        execution.removeVariable(ProcessVariables.APPROVED);
        execution.removeVariable(ProcessVariables.REJECTION_REASON);
        execution.removeVariable(ProcessVariables.DECIDED_BY);
    }
}
