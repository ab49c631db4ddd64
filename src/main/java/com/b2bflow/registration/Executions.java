package com.b2bflow.registration;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

/** What the delegates of every registration flow read from an execution. */
public final class Executions {

    private Executions() {}

    public static String registrationId(VariableScope scope) {
        return (String) scope.getVariable(ProcessVariables.REGISTRATION_ID);
    }

    /** Unique per process instance and activity: a retried job reuses it, so its mail is not sent twice. */
    public static String notificationKey(DelegateExecution execution) {
        return execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId();
    }

    public static String text(VariableScope scope, String name) {
        return ProcessVariables.text(scope.getVariable(name));
    }
}
