package com.b2bflow.registration.process;

import com.b2bflow.registration.Executions;
import com.b2bflow.registration.ProcessVariables;
import com.b2bflow.registration.RegistrationMembers;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Creates the registering user (administrator, buyer or applicant, as the flow's policy says) with address, roles
 * and the password hash kept with the submission; sets {@code userId}. A pending user cannot sign in until the flow
 * activates it.
 */
@Component
public class CreateUser implements JavaDelegate {

    private final RegistrationMembers members;

    public CreateUser(RegistrationMembers members) {
        this.members = members;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(ProcessVariables.USER_ID, members.createUser(Executions.registrationId(execution)));
    }
}
