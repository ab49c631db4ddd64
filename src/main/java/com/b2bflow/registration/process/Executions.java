package com.b2bflow.registration.process;

import com.b2bflow.registration.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

/** What delegates read from an execution. */
final class Executions {

    private Executions() {
    }

    static String registrationId(VariableScope scope) {
        return (String) scope.getVariable(ProcessVariables.REGISTRATION_ID);
    }

    /** Unique per process instance and activity: a retried job reuses it, so its mail is not sent twice. */
    static String notificationKey(DelegateExecution execution) {
        return execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId();
    }

    static String text(VariableScope scope, String name) {
        return ProcessVariables.text(scope.getVariable(name));
    }
}
