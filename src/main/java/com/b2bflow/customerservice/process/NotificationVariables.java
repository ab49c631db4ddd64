package com.b2bflow.customerservice.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** What the customerServiceNotification process carries; the key is unique per instance and activity. */
record NotificationVariables(long userId, String csrName, String reason, String occurredAt, String key) {

    static NotificationVariables of(DelegateExecution execution) {
        return new NotificationVariables(((Number) execution.getVariable("userId")).longValue(),
                (String) execution.getVariable("csrName"), (String) execution.getVariable("reason"),
                (String) execution.getVariable("occurredAt"),
                execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId());
    }
}
