package com.b2bflow.registration.process;

import com.b2bflow.registration.Executions;
import com.b2bflow.registration.ProcessVariables;
import com.b2bflow.registration.RegistrationMembers;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Creates the pending organization of the registration, with its address, from what was submitted; sets
 * {@code organizationId}. It cannot sign in or order until the flow activates it.
 */
@Component
public class CreateOrganization implements JavaDelegate {

    private final RegistrationMembers members;

    public CreateOrganization(RegistrationMembers members) {
        this.members = members;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(
                ProcessVariables.ORGANIZATION_ID, members.createOrganization(Executions.registrationId(execution)));
    }
}
