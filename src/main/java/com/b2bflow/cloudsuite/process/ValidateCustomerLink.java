package com.b2bflow.cloudsuite.process;

import static com.b2bflow.registration.ProcessVariables.APPROVED;
import static com.b2bflow.registration.ProcessVariables.DECIDED_BY;

import com.b2bflow.cloudsuite.CloudSuiteOutcomes;
import com.b2bflow.cloudsuite.ShopApprovalRegistrationProcess;
import com.b2bflow.registration.StaffDecisions;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Refuses to complete {@code Task_LinkUserToCustomer} without a clear decision: approved with the {@code customerId}
 * of an approved customer (or {@code otherCustomerId}, typed in when the customer is not among the matches), or
 * rejected with a reason. A refusal keeps the task open; Tasklist shows its message.
 */
@Component
public class ValidateCustomerLink implements TaskListener {

    static final String CUSTOMER_ID = ShopApprovalRegistrationProcess.Variables.CUSTOMER_ID;
    static final String OTHER_CUSTOMER_ID = ShopApprovalRegistrationProcess.Variables.OTHER_CUSTOMER_ID;

    private final CloudSuiteOutcomes outcomes;

    public ValidateCustomerLink(CloudSuiteOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean approved = StaffDecisions.approved(task, "staff.refusal.decideCustomerLink");
        if (approved) {
            String field = present(task.getVariable(OTHER_CUSTOMER_ID)) ? OTHER_CUSTOMER_ID : CUSTOMER_ID;
            Long customerId = id(task.getVariable(field));
            if (customerId == null) {
                throw StaffDecisions.refused(field, "staff.refusal.pickCustomer");
            }
            outcomes.customerProblem(customerId).ifPresent(problem -> {
                throw StaffDecisions.refusedBecause(field, problem);
            });
            task.setVariable(CUSTOMER_ID, customerId);
        }
        task.setVariable(APPROVED, approved);
        task.setVariable(DECIDED_BY, StaffDecisions.decider(task));
    }

    private static boolean present(Object value) {
        return value != null && !String.valueOf(value).isBlank();
    }

    /** An id from a number or a numeric string (Camunda Forms send select values as strings). */
    static Long id(Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value == null) {
            return null;
        }
        try {
            return Long.valueOf(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
