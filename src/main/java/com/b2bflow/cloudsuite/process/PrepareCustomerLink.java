package com.b2bflow.cloudsuite.process;

import com.b2bflow.cloudsuite.CloudSuiteOutcomes;
import com.b2bflow.cloudsuite.CustomerMatch;
import com.b2bflow.cloudsuite.ShopApprovalRegistrationProcess;
import com.b2bflow.registration.Executions;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * When {@code Task_LinkUserToCustomer} is created: the existing customers that match the submitted company
 * information, as text ({@code matchingCustomers}) and as the options of the form's customer list
 * ({@code customerOptions}, a JSON array of {@code {label, value}}).
 */
@Component
public class PrepareCustomerLink implements TaskListener {

    static final String MATCHING_CUSTOMERS = ShopApprovalRegistrationProcess.Variables.MATCHING_CUSTOMERS;
    static final String CUSTOMER_OPTIONS = ShopApprovalRegistrationProcess.Variables.CUSTOMER_OPTIONS;

    private final CloudSuiteOutcomes outcomes;

    public PrepareCustomerLink(CloudSuiteOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public void notify(DelegateTask task) {
        List<CustomerMatch> matches = outcomes.matchingCustomers(Executions.registrationId(task));
        task.setVariable(
                MATCHING_CUSTOMERS,
                matches.isEmpty()
                        ? "No existing customer matches the name, tax id or email domain. Enter the customer's id below, or "
                                + "reject the registration: the customer must exist in the shop."
                        : matches.stream().map(match -> "- " + match.label()).collect(Collectors.joining("\n")));
        List<Map<String, String>> options = matches.stream()
                .map(match -> Map.of("label", match.label(), "value", String.valueOf(match.id())))
                .toList();
        task.setVariable(
                CUSTOMER_OPTIONS, SpinValues.jsonValue(Spin.JSON(options)).create());
    }
}
