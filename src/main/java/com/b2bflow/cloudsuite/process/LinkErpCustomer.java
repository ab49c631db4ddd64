package com.b2bflow.cloudsuite.process;

import com.b2bflow.cloudsuite.CloudSuiteOutcomes;
import com.b2bflow.cloudsuite.ErpApprovalRegistrationProcess;
import com.b2bflow.registration.Executions;
import com.b2bflow.registration.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The ERP completed {@code erp-registration} with {@code erpCustomerNumber} (and optionally
 * {@code activationEmail}): the user joins that customer and may sign in. Runs in the ERP's complete call, so
 * a bad answer is refused there (400) and the external task stays open.
 */
@Component
public class LinkErpCustomer implements JavaDelegate {

    static final String ERP = "erp";
    static final String LEGACY_ACTIVATION_EMAIL = "sendActivationEmail";

    private final CloudSuiteOutcomes outcomes;

    public LinkErpCustomer(CloudSuiteOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object number = execution.getVariable(ProcessVariables.ERP_CUSTOMER_NUMBER);
        long customerId = outcomes.linkErpCustomer(
                Executions.registrationId(execution),
                number == null ? null : String.valueOf(number),
                caller(execution));
        execution.setVariable(ErpApprovalRegistrationProcess.Variables.CUSTOMER_ID, customerId);
        execution.setVariable(ProcessVariables.ACTIVATION_EMAIL, activationEmail(execution));
    }

    /**
     * The ERP may ask for an activation email with {@code activationEmail: true}; {@code sendActivationEmail} (the
     * name in the integration's JSON) is accepted too, and removed: as a variable it would hide the delegate bean.
     */
    static boolean activationEmail(DelegateExecution execution) {
        Object legacy = execution.getVariable(LEGACY_ACTIVATION_EMAIL);
        if (legacy != null) {
            execution.removeVariable(LEGACY_ACTIVATION_EMAIL);
        }
        return Boolean.TRUE.equals(ProcessVariables.bool(execution.getVariable(ProcessVariables.ACTIVATION_EMAIL)))
                || Boolean.TRUE.equals(ProcessVariables.bool(legacy));
    }

    /** The integration user who answered (engine REST authenticates the call), or "erp". */
    static String caller(DelegateExecution execution) {
        Authentication current =
                execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return current != null && current.getUserId() != null ? current.getUserId() : ERP;
    }
}
