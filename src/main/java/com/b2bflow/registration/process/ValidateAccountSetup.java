package com.b2bflow.registration.process;

import static com.b2bflow.registration.ProcessVariables.ACCOUNT_NAME;
import static com.b2bflow.registration.ProcessVariables.CONTRACT_NAME;
import static com.b2bflow.registration.ProcessVariables.CONTRACT_VALID_FROM;
import static com.b2bflow.registration.ProcessVariables.CONTRACT_VALID_TO;

import com.b2bflow.registration.AccountSetup;
import com.b2bflow.registration.Executions;
import com.b2bflow.registration.ProcessVariables;
import com.b2bflow.registration.StaffDecisions;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/** Refuses to complete {@code Task_SetUpAccount} without an account and at least one valid contract. */
@Component
public class ValidateAccountSetup implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        read(task);
        task.setVariable("accountSetUpBy", StaffDecisions.decider(task));
    }

    /** The account set-up entered in the task; throws a form validation error naming the field at fault. */
    static AccountSetup read(VariableScope scope) {
        String accountName = required(scope, ACCOUNT_NAME, "Enter the account name");
        String contractName = required(scope, CONTRACT_NAME,
                "Enter a contract name: every account needs at least one contract");
        LocalDate validFrom = date(scope, CONTRACT_VALID_FROM);
        if (validFrom == null) {
            throw StaffDecisions.refused(CONTRACT_VALID_FROM, "Enter the day the contract starts");
        }
        LocalDate validTo = date(scope, CONTRACT_VALID_TO);
        if (validTo != null && validTo.isBefore(validFrom)) {
            throw StaffDecisions.refused(CONTRACT_VALID_TO, "The contract cannot end before it starts");
        }
        if (accountName.length() > 128 || contractName.length() > 128) {
            throw StaffDecisions.refused(accountName.length() > 128 ? ACCOUNT_NAME : CONTRACT_NAME,
                    "At most 128 characters");
        }
        String terms = Executions.text(scope, ProcessVariables.CONTRACT_TERMS);
        if (terms != null && terms.length() > 4000) {
            throw StaffDecisions.refused(ProcessVariables.CONTRACT_TERMS, "At most 4000 characters");
        }
        return new AccountSetup(accountName, contractName, terms, validFrom, validTo);
    }

    private static String required(VariableScope scope, String name, String message) {
        String value = Executions.text(scope, name);
        if (value == null || value.isEmpty()) {
            throw StaffDecisions.refused(name, message);
        }
        return value;
    }

    private static LocalDate date(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof java.util.Date date) {
            return date.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        }
        try {
            return LocalDate.parse(value.toString().strip().substring(0, Math.min(10, value.toString().strip().length())));
        } catch (DateTimeParseException e) {
            throw StaffDecisions.refused(name, "Enter a date as yyyy-mm-dd");
        }
    }
}
