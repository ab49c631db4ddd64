package com.b2bflow.customerservice.process;

import com.b2bflow.customerservice.CustomerServiceNotificationProcess.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** What the customerServiceNotification process carries; the key is unique per instance and activity. */
record NotificationVariables(long userId, String csrName, String reason, String occurredAt, String key) {

    static NotificationVariables of(DelegateExecution execution) {
        return new NotificationVariables(
                ((Number) execution.getVariable(Variables.USER_ID)).longValue(),
                (String) execution.getVariable(Variables.CSR_NAME),
                (String) execution.getVariable(Variables.REASON),
                (String) execution.getVariable(Variables.OCCURRED_AT),
                execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId());
    }
}
